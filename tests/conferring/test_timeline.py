"""A student's and a partnership's timeline: notes and partners, newest first."""

import pytest
from django.utils import timezone

from partnerup.conferring.timeline import partnership_timeline, student_timeline
from partnerup.reflections.models import CheckIn, ClosedFlag, Reflection
from partnerup.workshop.models import WorkshopDay
from tests.classes.factories import make_classroom, make_student
from tests.conferring.helpers import days_ago, note_for, partnerships, url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def unit_started_weeks_ago(room12):
    room12.current_plan.__class__.objects.filter(pk=room12.current_plan.pk).update(
        starts=days_ago(20)
    )


def test_a_students_timeline_has_notes_partners_and_days_away_newest_first(alice_client, room12):
    ana, ben = partnerships(room12)[0][:2]
    note_for(room12, [ana], days=5, skill="lead", next_step="ending")
    note_for(room12, [ana, ben], days=1, skill="dialogue")
    WorkshopDay.objects.create(classroom=room12, date=days_ago(3), absent=[ana])
    entries = student_timeline(room12, ana)
    kinds = [(e.date, e.kind) for e in entries]
    assert kinds == sorted(kinds, key=lambda k: k[0], reverse=True)
    assert [e.kind for e in entries][:3] == ["note", "away", "note"]
    assert entries[-1].kind == "plan" and "Unit 1" in entries[-1].title
    names = dict(room12.students.values_list("pk", "name"))
    assert names[ben] in entries[-1].title
    assert ("Next step", "a strong ending") in entries[2].lines
    page = alice_client.get(url("student", room12, ana)).content.decode()
    assert "using dialogue" in page and "Away" in page


def test_a_partnerships_timeline_shows_its_note_once(alice_client, room12):
    pair = partnerships(room12)[0]
    note_for(room12, list(pair), days=2, skill="ending")
    for note in room12.conference_notes.all():
        note.once = "written-together"
        note.save()
    entries = partnership_timeline(room12, pair)
    assert [e.kind for e in entries] == ["note", "plan"]
    token = "-".join(map(str, pair))
    page = alice_client.get(url("partnership", room12, token))
    assert page.status_code == 200 and "a strong ending" in page.content.decode()


def test_a_partnership_url_of_students_not_in_the_class_is_not_found(alice_client, room12, charlie):
    outsider = make_student(make_classroom(charlie), name="Zed")
    ana = room12.students.first().pk
    for token in (
        f"{ana}-{outsider.pk}",
        f"{ana}",
        f"{ana}-{ana}",
        "x-y",
        "1-2-3-4-5",
        "9" * 30 + "-1",
    ):
        assert alice_client.get(url("partnership", room12, token)).status_code == 404, token


def test_a_student_of_another_class_has_no_timeline_here(alice_client, room12, charlie):
    outsider = make_student(make_classroom(charlie), name="Zed")
    assert alice_client.get(url("student", room12, outsider.pk)).status_code == 404


def test_an_empty_timeline_says_so(alice_client, alice):
    classroom = make_classroom(alice)
    student = make_student(classroom, name="Nia")
    page = alice_client.get(url("student", classroom, student.pk)).content.decode()
    assert "Nothing yet" in page
    assert timezone.localdate()  # the page needs no plan and no day


def test_reflections_check_ins_and_talks_join_the_timelines(alice_client, room12):
    ana, ben = partnerships(room12)[0][:2]
    Reflection.objects.create(
        student_id=ana, on=days_ago(2), partners=[ben], comfortable=1, partner_helped=3,
        helped_with=["lead"], sentence="She listens", wants_talk=True,
    )  # fmt: skip
    CheckIn.objects.create(
        student_id=ben, partner_id=ana, on=days_ago(1), level=2, goal_skill="lead"
    )
    ClosedFlag.objects.create(
        classroom=room12, student_id=ana, partners=[ben], kind="talk", reflections=[],
        template="{student} asked to talk", note="Talked at recess",
    )  # fmt: skip
    names = dict(room12.students.values_list("pk", "name"))
    entries = student_timeline(room12, ana)
    assert [e.kind for e in entries][:3] == ["flag", "checkin", "reflection"]
    flag, checkin, reflection = entries[:3]
    assert ("Note", "Talked at recess") in flag.lines
    assert checkin.title == f"{names[ben]} checked in on {names[ana]}'s goal"
    assert ("Check-in", "Starting to") in checkin.lines and (
        "Goal",
        "a strong lead",
    ) in checkin.lines
    assert ("Comfortable?", "Not really") in reflection.lines
    assert ("In their words", "She listens") in reflection.lines
    assert ("Asked", "to talk with you about their partnership") in reflection.lines
    assert [e.kind for e in student_timeline(room12, ben)].count("reflection") == 0
    assert {"flag", "checkin", "reflection"} <= {
        e.kind for e in partnership_timeline(room12, (ana, ben))
    }
    page = alice_client.get(url("student", room12, ana)).content.decode()
    assert "She listens" in page and "Talked at recess" in page


def test_a_long_timeline_shows_the_newest_entries_and_a_link_to_the_whole_year(
    alice_client, room12
):
    ana = partnerships(room12)[0][0]
    for days in range(1, 81):
        note_for(room12, [ana], days=days, skill="lead")
    page = alice_client.get(url("student", room12, ana)).content.decode()
    assert page.count('<li class="entry ') == 60
    more = len(student_timeline(room12, ana)) - 60
    assert f"Show the whole year ({more} more entries)" in page
    whole = alice_client.get(url("student", room12, ana) + "?all=1").content.decode()
    assert whole.count('class="entry note"') == 80 and "Show the whole year" not in whole
