"""A class of four on a workshop day: Ana with Ben, Cy with Di; each has a card."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerup.classes.keys import student_key
from partnerup.voice.models import SignInCard
from partnerup.workshop.models import WorkshopDay
from tests.classes.factories import make_classroom, make_student


def arrangement(*groups):
    return {
        "groups": [
            {
                "members": [student_key(pk) for pk in group],
                "roles": {student_key(pk): "AB"[n] for n, pk in enumerate(group)},
                "reasons": [],
                "score": 0,
                "number": number,
            }
            for number, group in enumerate(groups, start=1)
        ],
        "floaters": [],
    }


@pytest.fixture
def room(alice):
    classroom = make_classroom(alice, name="Room 4")
    ana, ben, cy, di = (
        make_student(classroom, name=name) for name in ("Ana Ruiz", "Ben Ode", "Cy Park", "Di Lee")
    )
    for student in (ana, ben, cy, di):
        SignInCard.objects.create(student=student, language="en")
    WorkshopDay.objects.create(
        classroom=classroom,
        date=timezone.localdate(),
        arrangement=arrangement((ana.pk, ben.pk), (cy.pk, di.pk)),
    )
    classroom.ana, classroom.ben, classroom.cy, classroom.di = ana, ben, cy, di
    return classroom


def signed_in(student) -> Client:
    client = Client()
    response = client.get(reverse("voice:card", args=[student.card.token]))
    assert response.status_code == 302
    return client


REFLECT = reverse("voice:reflections:reflect")
CHECK_IN = reverse("voice:reflections:checkin")
MY_GOAL = reverse("voice:reflections:goal")
