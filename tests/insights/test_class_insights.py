"""The insights page (insights:class) on a hand-built history."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerup.classes.keys import student_key
from partnerup.insights.services import class_insights
from partnerup.reflections.models import Reflection
from partnerup.workshop.models import LeadTurn, WorkshopDay
from tests.classes.factories import make_classroom, make_student

pytestmark = pytest.mark.django_db


def arrangement(*groups):
    return {"groups": [{"members": [student_key(pk) for pk in g]} for g in groups]}


@pytest.fixture
def room(alice):
    classroom = make_classroom(alice)
    for name in ("Ana", "Ben", "Cy", "Di", "Eva", "Finn"):
        make_student(classroom, name=name)
    return classroom


def ids(room):
    return {s.name: s.pk for s in room.students.all()}


def save_plan(room, name, *groups, current=False, days_ago=0):
    saved = timezone.now() - timedelta(days=days_ago)
    return room.plans.create(
        name=name, is_draft=False, is_current=current, saved=saved, arrangement=arrangement(*groups)
    )


def a_year(room):
    """Two plans; Ana and Ben together in both and every day; Cy, Di, Eva vary."""
    s = ids(room)
    ab = (s["Ana"], s["Ben"])
    save_plan(room, "Unit 1", ab, (s["Cy"], s["Di"], s["Eva"]), days_ago=30)
    save_plan(room, "Unit 2", ab, (s["Cy"], s["Eva"]), current=True)
    day = WorkshopDay.objects.create(
        classroom=room, date=date(2026, 9, 15), arrangement=arrangement(ab, (s["Di"], s["Eva"]))
    )
    turns = [(ab, "Ana")] * 5 + [(ab, "Ben")] + [((s["Di"], s["Eva"]), "Di")] * 2
    LeadTurn.objects.bulk_create(
        LeadTurn(day=day, members="|".join(map(str, sorted(m))), leader_id=s[who])
        for m, who in turns
    )
    # Draft plans are not history: this would give Ana a second partner.
    room.plans.create(is_draft=True, arrangement=arrangement((s["Ana"], s["Cy"])))


def table(insights):
    return {row.name: dict(zip(insights.titles, row.cells, strict=True)) for row in insights.rows}


def test_each_student_s_different_partners_come_from_saved_plans_and_days(room):
    a_year(room)
    rows = table(class_insights(room))
    partners = {name: cells["Different partners"] for name, cells in rows.items()}
    assert partners == {"Ana": "1", "Ben": "1", "Cy": "2", "Di": "2", "Eva": "2", "Finn": "0"}


def test_lead_balance_counts_turns_led_and_names_an_unfair_share(room):
    a_year(room)
    rows = table(class_insights(room))
    assert rows["Ana"]["Turn-and-talks led"] == "led 5 of 6 · leads more than a fair share"
    assert rows["Ben"]["Turn-and-talks led"] == "led 1 of 6 · leads less than a fair share"
    assert rows["Di"]["Turn-and-talks led"] == "led 2 of 2"
    assert rows["Eva"]["Turn-and-talks led"] == "led 0 of 2"
    assert rows["Cy"]["Turn-and-talks led"] == ""


def test_the_class_sees_partners_who_never_change(room):
    a_year(room)
    insights = class_insights(room)
    assert sorted(u.members for u in insights.unchanged) == [("Ana", "Ben"), ("Cy", "Eva")]
    assert insights.never_changed == ("Ana", "Ben")


def test_one_occasion_together_is_not_never_changing(room):
    s = ids(room)
    save_plan(room, "Unit 1", (s["Ana"], s["Ben"]), current=True)
    assert class_insights(room).never_changed == ()


def test_columns_without_anything_to_say_are_left_out(room):
    insights = class_insights(room)
    assert insights.titles == () and insights.unchanged == () and insights.never_changed == ()
    s = ids(room)
    save_plan(room, "Unit 1", (s["Ana"], s["Ben"]), current=True)
    assert class_insights(room).titles == ("Different partners",)


def test_choice_time_partners_are_a_column_once_logged(room):
    s = ids(room)
    seen = room.choice_time.create(date=date(2026, 9, 15))
    seen.students.set([s["Ana"], s["Finn"]])
    rows = table(class_insights(room))
    assert rows["Ana"]["Chose in choice time"] == "Finn"
    assert rows["Ben"]["Chose in choice time"] == ""


def test_conferences_are_counted_and_those_never_conferred_with_named(alice_client, room):
    s = ids(room)
    for pk in (s["Ana"], s["Ana"], s["Ben"]):
        room.conference_notes.create(student_id=pk, date=date(2026, 9, 15), skill="lead")
    insights = class_insights(room)
    rows = table(insights)
    assert (rows["Ana"]["Conferences"], rows["Ben"]["Conferences"], rows["Cy"]["Conferences"]) == (
        "2", "1", "0",
    )  # fmt: skip
    assert insights.never_conferred == ("Cy", "Di", "Eva", "Finn")
    page = alice_client.get(reverse("insights:class", args=[room.pk])).content.decode()
    assert "4 students have had no conference yet:" in page and "Cy, Di, Eva, Finn" in page


@pytest.mark.parametrize(
    "answers, says",
    [
        ([(3, 3)], "1 reflection"),
        ([(3, 3)] * 3 + [(1, 2)] * 3, "6 reflections · feeling worse"),
        ([(1, 1)] * 3 + [(2, 3)] * 2, "5 reflections · feeling better"),
        ([(2, 2), (3, 1), (2, 2), (1, 3)], "4 reflections · steady"),
    ],
)
def test_the_reflection_trend_compares_the_last_answers_with_those_before(room, answers, says):
    ana = ids(room)["Ana"]
    for n, (comfortable, helped) in enumerate(answers):
        Reflection.objects.create(
            student_id=ana, on=date(2026, 9, 1) + timedelta(days=n), partners=[],
            comfortable=comfortable, partner_helped=helped,
        )  # fmt: skip
    rows = table(class_insights(room))
    assert rows["Ana"]["Reflections"] == says and rows["Ben"]["Reflections"] == ""


def test_the_page_shows_the_table_and_warnings(alice_client, room):
    a_year(room)
    page = alice_client.get(reverse("insights:class", args=[room.pk])).content.decode()
    assert "Different partners" in page and "led 5 of 6" in page
    assert "2 students have only ever had one partner:" in page
    assert "Ana and Ben have been partners in the last 2 plans." in page


def test_the_page_says_so_when_there_is_no_history(alice_client, room):
    page = alice_client.get(reverse("insights:class", args=[room.pk])).content.decode()
    assert "Nothing to show yet" in page and "<table" not in page


def test_another_teacher_gets_not_found(client, charlie, room):
    client.force_login(charlie)
    assert client.get(reverse("insights:class", args=[room.pk])).status_code == 404


def test_a_year_of_36_students_takes_few_queries(
    alice, alice_client, django_assert_max_num_queries
):
    big = make_classroom(alice, name="Big")
    pks = [make_student(big, name=f"S{n:02}").pk for n in range(36)]
    pairs = [tuple(pks[i : i + 2]) for i in range(0, 36, 2)]
    for n in range(6):
        save_plan(big, f"Unit {n}", *pairs, current=n == 5, days_ago=30 * (6 - n))
    start = date(2025, 9, 1)
    days = [
        WorkshopDay(classroom=big, date=start + timedelta(days=d), arrangement=arrangement(*pairs))
        for d in range(180)
    ]
    WorkshopDay.objects.bulk_create(days)
    first = big.days.order_by("date").first()
    LeadTurn.objects.bulk_create(
        LeadTurn(day=first, members="|".join(map(str, p)), leader_id=p[0]) for p in pairs * 100
    )
    # 16 for the page, 4 to record the teacher's first view of it (audit/recording.py)
    with django_assert_max_num_queries(16 + 4):
        page = alice_client.get(reverse("insights:class", args=[big.pk]))
    assert page.status_code == 200 and "S00" in page.content.decode()
