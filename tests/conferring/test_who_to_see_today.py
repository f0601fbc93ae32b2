"""Who to see today on the web: absences from Today, conference dates, and the
suggestion gone once its note is saved."""

import pytest
from django.urls import reverse

from partnerup.conferring import services
from partnerup.reflections.models import CheckIn, Reflection
from partnerup.voice.models import Answers
from partnerup.workshop.models import WorkshopDay
from tests.classes.factories import pk_of
from tests.conferring.helpers import HTMX, days_ago, note_for, url

pytestmark = pytest.mark.django_db


def suggested(classroom):
    return services.who_to_see_today(classroom, days_ago(0))


def test_three_to_five_suggestions_each_with_a_reason(room12):
    found = suggested(room12)
    assert 3 <= len(found) <= 5
    assert all(s.reasons == ("No conference yet.",) for s in found)


def test_a_student_marked_away_on_today_is_not_suggested(alice_client, room12):
    first = suggested(room12)[0].pk
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    alice_client.post(
        reverse("workshop:absent", args=[room12.pk]), {"student": first, "absent": "yes"}
    )
    assert first not in [s.pk for s in suggested(room12)]


def test_a_student_back_after_being_away_is_suggested_with_the_day(room12):
    everyone = list(room12.students.values_list("pk", flat=True))
    for pk in everyone:
        note_for(room12, [pk], days=3)
    theo = pk_of(room12, "Theo")
    WorkshopDay.objects.create(classroom=room12, date=days_ago(1), absent=[theo])
    found = suggested(room12)
    assert found[0].pk == theo and found[0].kind == "back"
    assert found[0].reasons[0].startswith("Back after being away on ")


def test_the_suggestion_goes_once_its_note_is_saved(alice_client, room12):
    first = suggested(room12)[0]
    page = alice_client.get(url("radar", room12)).content.decode()
    assert f"?students={first.pk}" in page.split('id="note"')[0]
    answer = alice_client.post(url("note", room12), {"students": first.pk, "skill": "lead"}, **HTMX)
    who = answer.content.decode().split('id="note"')[0]
    assert f'?students={first.pk}"' not in who and "Note saved" in answer.content.decode()
    assert first.pk not in [s.pk for s in suggested(room12)]


def test_the_overdue_reason_says_the_days(room12):
    for pk in room12.students.values_list("pk", flat=True):
        note_for(room12, [pk], days=2)
    ana = pk_of(room12, "Ana")
    note_for(room12, [ana], days=40)
    room12.conference_notes.filter(student_id=ana, date=days_ago(2)).delete()
    found = suggested(room12)
    assert (found[0].pk, found[0].reasons) == (ana, ("Last conference 40 days ago.",))


def test_a_student_who_asked_to_talk_comes_first_with_the_flags_reason(room12):
    for pk in room12.students.values_list("pk", flat=True):
        note_for(room12, [pk], days=2)
    maya, zoe = pk_of(room12, "Maya"), pk_of(room12, "Zoe")
    Reflection.objects.create(
        student_id=maya, on=days_ago(0), partners=[zoe], comfortable=3, partner_helped=3,
        wants_talk=True,
    )  # fmt: skip
    first = suggested(room12)[0]
    assert (first.pk, first.kind) == (maya, "flag")
    assert first.reasons[0] == "Maya asked to talk with you about their partnership."


def test_a_stalled_goal_is_a_reason_to_confer(room12):
    for pk in room12.students.values_list("pk", flat=True):
        note_for(room12, [pk], days=2)
    ana, ben = pk_of(room12, "Ana"), pk_of(room12, "Ben")
    Answers.objects.create(student_id=ana, goal="lead")
    for days in (6, 4, 1):
        CheckIn.objects.create(
            student_id=ben, partner_id=ana, on=days_ago(days), level=1, goal_skill="lead"
        )
    first = suggested(room12)[0]
    assert (first.pk, first.kind) == (ana, "stalled")
    assert first.reasons[0].startswith("The last 3 check-ins on ")


def test_without_flags_or_stalled_goals_no_such_reason_is_given(room12):
    assert services._attention(room12, days_ago(0)) == ([], [])
    assert all(s.kind not in ("flag", "stalled") for s in suggested(room12))


def test_the_who_page_lists_the_suggestions(alice_client, room12):
    page = alice_client.get(url("today", room12)).content.decode()
    assert "Who to see today" in page and page.count('class="who-pick') >= 3
