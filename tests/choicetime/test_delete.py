"""Deleting a choice-time entry (choicetime:delete): asked first, then gone."""

import pytest
from django.urls import reverse

from partnerup.classes.services import class_roster
from tests.choicetime.test_log import log
from tests.classes.factories import make_classroom

pytestmark = pytest.mark.django_db


def test_delete_asks_first_then_deletes(alice_client, room):
    log(alice_client, room, ["Ana", "Ben"])
    entry = room.choice_time.get()
    url = reverse("choicetime:delete", args=[room.pk, entry.pk])
    asked = alice_client.get(url).content.decode()
    assert "Delete this choice-time entry?" in asked and "Ana, Ben" in asked
    assert room.choice_time.exists()
    alice_client.post(url)
    assert not room.choice_time.exists()
    assert alice_client.post(url).status_code == 404  # a second tap finds nothing


def test_an_entry_of_another_class_cannot_be_deleted_through_mine(alice_client, alice, room):
    other = make_classroom(alice, name="Room 13")
    log(alice_client, room, ["Ana", "Ben"])
    entry = room.choice_time.get()
    url = reverse("choicetime:delete", args=[other.pk, entry.pk])
    assert alice_client.post(url).status_code == 404 and room.choice_time.exists()


def test_deleting_the_entry_takes_the_reason_out_of_the_next_plan(alice_client, room):
    log(alice_client, room, ["Ben", "Eva"])
    alice_client.post(reverse("choicetime:delete", args=[room.pk, room.choice_time.get().pk]))
    students = class_roster(room)[0]
    assert all(s.chose_in_choice_time == () for s in students)
