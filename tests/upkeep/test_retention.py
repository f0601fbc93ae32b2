"""Retention: PARTNERUP_RETENTION_DAYS after a class is archived, its students' answers,
reflections, days and notes go; the class, roster, rules and plans stay. The clock is
moved forward by passing `now`, never by waiting."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from partnerup.classes.models import Classroom
from partnerup.upkeep.retention import remove_expired_student_data, remove_student_data
from tests.classes.test_delete_class import row_counts
from tests.classes.test_export import make_rich_class

pytestmark = pytest.mark.django_db

# What a class's students said and did: each goes after the retention days.
REMOVED = (
    "voice.Answers",
    "reflections.GoalWords",
    "reflections.CheckIn",
    "reflections.Reflection",
    "reflections.ClosedFlag",
    "workshop.WorkshopDay",
    "workshop.LeadTurn",
    "workshop.TemporaryPartners",
    "workshop.HeadlineNote",
    "conferring.ConferenceNote",
    "helpboard.HelpPost",
    "choicetime.ChoiceTimePartnership",
)


def archived(classroom, days_ago, now):
    classroom.set_archived(True, now - dt.timedelta(days=days_ago))
    return classroom


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def room12(alice_client, alice):
    room = make_rich_class(alice_client, alice)
    ana = room.students.get(name="Ana")
    ana.answers.chose_at = ana.answers.goal_at = timezone.now()
    ana.answers.save()
    ana.choices = [room.students.get(name=name).pk for name in ("Ben", "Omar", "Zoe")]
    ana.goals = ["spelling", "lead"]
    ana.save()
    return room


@pytest.fixture
def other_room(charlie):
    """Another teacher's class, as full as alice's."""
    client = Client()
    client.force_login(charlie)
    return make_rich_class(client, charlie, name="Room 7")


def test_a_class_archived_59_days_ago_keeps_everything(room12, now):
    archived(room12, 59, now)
    before = row_counts()
    assert remove_expired_student_data(now).rows == 0
    assert row_counts() == before
    room12.refresh_from_db()
    assert room12.student_data_removed_at is None


def test_a_class_archived_60_days_ago_loses_exactly_what_students_said_and_did(room12, now):
    archived(room12, 60, now)
    before = row_counts()
    assert all(before[label] for label in REMOVED)
    removed = remove_expired_student_data(now)
    after = row_counts()
    assert {label for label in before if after[label] != before[label]} == {
        *REMOVED,
        "jobs.JobChoice",  # today's jobs; the unit's stay (below)
    }
    assert all(after[label] == 0 for label in REMOVED)
    linked = 5  # the students of the 2 choice-time entries (a table of their own)
    assert removed.rows == sum(before.values()) - sum(after.values()) + linked
    assert removed.detail == "from 1 class archived 60+ days"


def test_the_class_keeps_its_roster_rules_plans_and_unit_jobs(room12, now):
    students = list(room12.students.values_list("name", "level", "interests", "teacher_notes"))
    plans = list(room12.plans.values_list("name", "arrangement"))
    rules = list(room12.rules.values_list("kind", "students"))
    archived(room12, 61, now)
    remove_expired_student_data(now)
    assert list(room12.students.values_list("name", "level", "interests", "teacher_notes")) == (
        students
    )
    assert list(room12.plans.values_list("name", "arrangement")) == plans
    assert list(room12.rules.values_list("kind", "students")) == rules
    assert room12.current_plan is not None
    assert list(room12.job_choices.values_list("day", flat=True)) == [None]
    assert room12.headlines.count() == 1 and room12.traits.exists()


def test_the_classmates_and_goal_a_student_chose_go_from_the_roster(room12, now):
    archived(room12, 60, now)
    remove_expired_student_data(now)
    ana = room12.students.get(name="Ana")
    assert ana.choices == [] and ana.goals == ["lead"]


def test_classmates_a_roster_gave_a_student_who_chose_nothing_stay(room12, now):
    ben = room12.students.get(name="Ben")
    ben.choices = [room12.students.get(name="Ana").pk]
    ben.save()
    archived(room12, 60, now)
    remove_expired_student_data(now)
    ben.refresh_from_db()
    assert ben.choices == [room12.students.get(name="Ana").pk]


def test_the_class_records_when_its_student_answers_were_removed(room12, now):
    archived(room12, 90, now)
    remove_expired_student_data(now)
    room12.refresh_from_db()
    assert room12.student_data_removed_at == now and room12.is_archived


def test_another_teacher_s_class_not_archived_keeps_everything(room12, other_room, now):
    archived(room12, 60, now)
    days, notes = other_room.days.count(), other_room.conference_notes.count()
    remove_expired_student_data(now)
    assert (other_room.days.count(), other_room.conference_notes.count()) == (days, notes)
    assert days and notes


def test_a_class_archived_recently_keeps_everything_while_an_old_one_is_cleared(
    room12, other_room, now
):
    archived(room12, 60, now)
    archived(other_room, 3, now)
    removed = remove_expired_student_data(now)
    assert removed.detail == "from 1 class archived 60+ days"
    assert other_room.days.exists() and not room12.days.exists()


def test_bringing_a_class_back_stops_the_clock(room12, now):
    archived(room12, 60, now)
    room12.set_archived(False, now)
    assert remove_expired_student_data(now + dt.timedelta(days=365)).rows == 0
    assert room12.days.exists() and room12.conference_notes.exists()


def test_archiving_again_restarts_the_clock_from_that_day(room12, now):
    archived(room12, 60, now)
    room12.set_archived(False, now)
    archived(room12, 10, now)
    assert remove_expired_student_data(now).rows == 0
    assert remove_expired_student_data(now + dt.timedelta(days=50)).rows > 0


def test_a_second_run_finds_nothing_more(room12, now):
    archived(room12, 60, now)
    assert remove_expired_student_data(now).rows > 0
    assert remove_expired_student_data(now + dt.timedelta(days=1)) == (
        0,
        "from 0 classes archived 60+ days",
    )


def test_zero_days_clears_a_class_at_the_next_run(room12, now, settings):
    settings.PARTNERUP_RETENTION_DAYS = 0
    archived(room12, 0, now)
    assert remove_expired_student_data(now).rows > 0
    assert not room12.days.exists()


def test_the_days_come_from_the_setting(room12, now, settings):
    settings.PARTNERUP_RETENTION_DAYS = 30
    archived(room12, 30, now)
    assert remove_expired_student_data(now).detail == "from 1 class archived 30+ days"


def test_a_class_brought_back_while_the_clean_up_looked_is_left_alone(room12, now):
    """The clean-up read the class as archived, then the teacher brought it back before
    it took the lock: under the lock it looks again and removes nothing."""
    seen = Classroom.objects.get(pk=archived(room12, 60, now).pk)
    room12.set_archived(False, now)
    assert remove_student_data(seen, now) is None
    assert room12.days.exists()


def test_the_log_says_how_many_rows_of_which_class_and_never_a_name(room12, now, caplog):
    archived(room12, 60, now)
    with caplog.at_level("INFO", logger="partnerup.upkeep.retention"):
        removed = remove_expired_student_data(now)
    assert caplog.messages == [f"retention: class {room12.pk}: removed {removed.rows} rows"]
    names = set(room12.students.values_list("name", flat=True)) | {room12.name}
    assert not any(name in message for name in names for message in caplog.messages)
