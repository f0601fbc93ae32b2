"""Help-board test helpers: sign a student in, post from their page."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from partnerup.voice.models import SignInCard


def pk(classroom, name: str) -> int:
    return classroom.students.get(name=name).pk


def signed_in(classroom, name: str) -> Client:
    client = Client()
    token = SignInCard.objects.get(student__classroom=classroom, student__name=name).token
    client.get(reverse("voice:card", args=[token]))
    return client


def post(client: Client, kind: str, skill: str):
    return client.post(reverse("helpboard_student:help"), {"kind": kind, "skill": skill})
