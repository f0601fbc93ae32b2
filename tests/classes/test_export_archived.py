"""The class archive carries the retention clock: when the class was archived and when
its students' answers were removed; restore checks both."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from partnerup.classes.models import Classroom

from .factories import make_classroom, make_student
from .test_export import class_json, export, restore, restore_refused, zipped

pytestmark = pytest.mark.django_db

ARCHIVED = dt.datetime(2026, 6, 20, 15, tzinfo=dt.UTC)
REMOVED = dt.datetime(2026, 8, 19, 15, tzinfo=dt.UTC)


@pytest.fixture
def room(alice):
    room = make_classroom(alice, is_archived=True, archived_at=ARCHIVED)
    make_student(room, name="Ana")
    return room


def restored(alice):
    return Classroom.objects.get(teacher=alice, name="Room 12 (restored)")


def test_an_archived_class_comes_back_archived_on_the_same_day(alice_client, alice, room):
    restore(alice_client, export(alice_client, room))
    again = restored(alice)
    assert again.is_archived and again.archived_at == ARCHIVED
    assert again.student_data_removed_at is None


def test_a_class_whose_answers_were_removed_says_so_after_restore(alice_client, alice, room):
    Classroom.objects.filter(pk=room.pk).update(student_data_removed_at=REMOVED)
    restore(alice_client, export(alice_client, room))
    assert restored(alice).student_data_removed_at == REMOVED


def test_an_archived_class_from_an_older_file_starts_the_clock_at_restore(
    alice_client, alice, room
):
    data = class_json(export(alice_client, room))
    del data["class"]["archived_at"], data["class"]["student_data_removed_at"]
    restore(alice_client, zipped({"class.json": json.dumps(data)}))
    assert timezone.now() - restored(alice).archived_at < dt.timedelta(minutes=5)


@pytest.mark.parametrize(
    "spoil, says",
    [
        (lambda c: c.update(archived_at="spring"), "class: archived_at is not a date and time"),
        (
            lambda c: c.update(student_data_removed_at=7),
            "class: student_data_removed_at is not a date and time",
        ),
        (
            lambda c: c.update(archived_at="2999-01-01T00:00:00+00:00"),
            "class: archived_at is later than now",
        ),
        (
            lambda c: c.update(is_archived=False),
            "class: archived_at is set but the class is not archived",
        ),
    ],
)
def test_a_spoiled_retention_clock_is_refused(alice_client, room, spoil, says):
    data = class_json(export(alice_client, room))
    spoil(data["class"])
    restore_refused(alice_client, zipped({"class.json": json.dumps(data)}), says)
