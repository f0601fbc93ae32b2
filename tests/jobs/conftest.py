import pytest
from django.test import Client
from django.urls import reverse

from partnerup import demo
from partnerup.jobs.services import roles_of
from partnerup.voice.models import SignInCard
from tests.classes.factories import make_classroom
from tests.workshop.test_today import save_current_plan


@pytest.fixture
def room(alice_client, alice):
    """A class with a current plan (the unit) and its starter roles."""
    classroom = make_classroom(alice, name="Room 12")
    demo.fill_with_example(classroom)
    save_current_plan(alice_client, classroom)
    roles_of(classroom)
    return classroom


def role(classroom, key):
    return classroom.partner_roles.get(key=key)


def choose(client, classroom, *keys, length="unit"):
    pks = [role(classroom, k).pk for k in keys]
    return client.post(
        reverse("jobs:choose", args=[classroom.pk]), {"roles": pks, "length": length}
    )


def signed_in(student, language="en") -> Client:
    client = Client()
    card = SignInCard.objects.create(student=student, language=language)
    client.get(reverse("voice:card", args=[card.token]))
    return client
