"""Two servers' timers start the daily clean-up at the same moment, or a teacher brings
a class back while it runs: real threads with their own database connections (SQLite
in a file, or PostgreSQL). Nothing is removed twice, nothing errors."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connections
from django.urls import reverse
from django.utils import timezone

from partnerup.classes.models import Classroom
from partnerup.upkeep.retention import remove_expired_student_data
from tests.classes.test_delete_class import row_counts
from tests.classes.test_export import make_rich_class
from tests.test_concurrency import Tablet, at_once

pytestmark = pytest.mark.django_db(transaction=True)


def on_own_connection(call):
    def run():
        try:
            return call()
        finally:
            connections.close_all()

    return run


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def two_old_classes(alice_client, alice, now):
    rooms = [make_rich_class(alice_client, alice, name=name) for name in ("Room 12", "Room 14")]
    for room in rooms:
        room.set_archived(True, now - dt.timedelta(days=60))
    return rooms


def test_two_clean_ups_at_once_remove_each_row_once(two_old_classes, now):
    before = row_counts()
    results = at_once(*[on_own_connection(lambda: remove_expired_student_data(now))] * 2)
    assert (
        sorted(r.detail for r in results)
        == [
            "from 0 classes archived 60+ days",
            "from 2 classes archived 60+ days",
        ]
        or sorted(r.detail for r in results) == ["from 1 class archived 60+ days"] * 2
    )
    after = row_counts()
    choice_time_links = 2 * 5  # each class's choice-time entries name 5 students
    assert sum(r.rows for r in results) == (
        sum(before.values()) - sum(after.values()) + choice_time_links
    )
    assert not any(room.days.exists() for room in two_old_classes)


def test_two_daily_commands_at_once_both_finish(two_old_classes):
    def daily():
        out = StringIO()
        call_command("daily", stdout=out)
        return out.getvalue()

    outputs = at_once(*[on_own_connection(daily)] * 2)
    assert all(output.count("\n") == 3 and "sessions: removed" in output for output in outputs)
    assert Classroom.objects.filter(student_data_removed_at__isnull=False).count() == 2


def test_bringing_a_class_back_during_the_clean_up_keeps_it_whole_or_says_it_was_cleared(
    live_server, alice, two_old_classes, now
):
    room = two_old_classes[0]
    tablet = Tablet(live_server.url, alice)
    back = on_own_connection(lambda: tablet.post(reverse("classes:archive", args=[room.pk]), {}))
    clean_up = on_own_connection(lambda: remove_expired_student_data(now))
    (status, _), removed = at_once(back, clean_up)
    room.refresh_from_db()
    assert status in (200, 302) and not room.is_archived and room.archived_at is None
    if room.student_data_removed_at is None:  # brought back first: kept whole
        assert room.days.exists() and room.conference_notes.exists()
    else:  # cleared first, then brought back: the page says so
        assert not room.days.exists() and not room.conference_notes.exists()
    assert removed.rows > 0  # the other class was cleared either way
