from datetime import date, timedelta
from itertools import combinations

import pytest
from django.urls import reverse

from partnerup.classes.models import Rule
from partnerup.workshop.models import HeadlineWeek
from tests.classes.factories import make_classroom, make_student
from tests.workshop.test_today import save_current_plan

MONDAY = date(2026, 9, 14)


@pytest.fixture
def room(alice_client, alice):
    classroom = make_classroom(alice)
    for i in range(12):
        make_student(classroom, name=f"Kid{i:02}")
    Rule.objects.create(classroom=classroom, kind="keep_apart", students=["Kid00", "Kid05"])
    save_current_plan(alice_client, classroom, threes="")
    return classroom


def make(client, classroom, monday, follow=False, **extra):
    url = reverse("workshop:headline_make", args=[classroom.pk])
    return client.post(url, {"monday": monday.isoformat(), **extra}, follow=follow)


def pairs(week):
    return {frozenset(p) for g in week.groups for p in combinations(g, 2)}


def test_weeks_made_one_by_one_never_repeat_or_pair_long_term_or_kept_apart(alice_client, room):
    partners = {
        frozenset(p)
        for g in room.current_plan.arrangement["groups"]
        for p in combinations(g["members"], 2)
    }
    seen = set()
    for week in range(9):
        make(alice_client, room, MONDAY + timedelta(weeks=week))
    for made in room.headlines.order_by("monday"):
        names = sorted(m for g in made.groups for m in g)
        assert names == sorted(room.students.values_list("name", flat=True))
        assert not pairs(made) & partners
        assert frozenset(("Kid00", "Kid05")) not in pairs(made)
        assert not pairs(made) & seen, made.monday
        seen |= pairs(made)
    assert room.headlines.count() == 9


def test_an_odd_class_has_one_three(alice_client, room):
    make_student(room, name="Nia")
    make(alice_client, room, MONDAY)
    week = room.headlines.get()
    assert sorted(len(g) for g in week.groups) == [2] * 5 + [3]


def test_a_date_that_is_not_a_monday_is_refused(alice_client, room):
    response = make(alice_client, room, MONDAY + timedelta(days=1), follow=True)
    assert b"is not a Monday" in response.content
    response = alice_client.post(
        reverse("workshop:headline_make", args=[room.pk]), {"monday": "soon"}, follow=True
    )
    assert b"Choose the week" in response.content
    assert not room.headlines.exists()


def test_remaking_a_week_needs_the_tick(alice_client, room):
    make(alice_client, room, MONDAY)
    first = room.headlines.get().groups
    response = make(alice_client, room, MONDAY, follow=True)
    assert b"already has headline partners" in response.content
    assert room.headlines.get().groups == first
    make(alice_client, room, MONDAY, replace="yes")
    assert room.headlines.count() == 1


def test_two_pluses_and_a_wish_are_saved_and_shown(alice_client, room):
    make(alice_client, room, MONDAY)
    week = room.headlines.get()
    url = reverse("workshop:headline_note", args=[room.pk, week.pk])
    alice_client.post(
        url, {"student": "Kid01", "plus_one": "Big lead", "plus_two": "Dialogue", "wish": "Ending"}
    )
    page = alice_client.get(reverse("workshop:headline_week", args=[room.pk, week.pk])).content
    assert b"Big lead" in page and b"Ending" in page
    response = alice_client.post(url, {"student": "Zed", "plus_one": "x"}, follow=True)
    assert b"Zed has no headline partner this week" in response.content
    response = alice_client.post(url, {"student": "Kid02", "wish": "x" * 300}, follow=True)
    assert b"under 200 letters" in response.content
    assert week.notes.count() == 1


def test_week_card_and_student_page_show_the_partners(alice_client, room):
    make(alice_client, room, MONDAY)
    week = room.headlines.get()
    printed = alice_client.get(reverse("workshop:headline_print", args=[room.pk, week.pk]))
    for group in week.groups:
        assert " &amp; ".join(group).encode() in printed.content
    name, partner = week.groups[0][0], week.groups[0][1]
    student = room.students.get(name=name)
    page = alice_client.get(reverse("classes:student", args=[room.pk, student.pk])).content
    assert b"Monday headline partners: " + partner.encode() in page


def test_another_teacher_cannot_see_or_make_weeks(client, charlie, alice_client, room):
    make(alice_client, room, MONDAY)
    week = HeadlineWeek.objects.get()
    client.force_login(charlie)
    for url in (
        reverse("workshop:headlines", args=[room.pk]),
        reverse("workshop:headline_week", args=[room.pk, week.pk]),
        reverse("workshop:headline_print", args=[room.pk, week.pk]),
    ):
        assert client.get(url).status_code == 404
    assert make(client, room, MONDAY + timedelta(weeks=1)).status_code == 404
    assert HeadlineWeek.objects.count() == 1


def test_an_earlier_monday_and_a_remade_week_avoid_every_other_weeks_pairs(alice_client, room):
    for week in (1, 2, 3):
        make(alice_client, room, MONDAY + timedelta(weeks=week))
    make(alice_client, room, MONDAY)
    first = room.headlines.get(monday=MONDAY)
    others = set().union(*(pairs(w) for w in room.headlines.exclude(pk=first.pk)))
    assert not pairs(first) & others
    before = pairs(first)
    make(alice_client, room, MONDAY, replace="yes")
    again = room.headlines.get(monday=MONDAY)
    assert pairs(again) != before and not pairs(again) & others


def test_the_week_card_has_lines_for_each_student(alice_client, room):
    make(alice_client, room, MONDAY)
    week = room.headlines.get()
    printed = alice_client.get(reverse("workshop:headline_print", args=[room.pk, week.pk]))
    for group in week.groups:
        for name in group:
            assert f"For {name}:".encode() in printed.content
