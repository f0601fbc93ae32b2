import re
from datetime import date, timedelta
from itertools import combinations

import pytest
from django.urls import reverse

from partnerup.classes.keys import KEY_CLOSE, KEY_OPEN, pks_of
from partnerup.workshop.models import HeadlineWeek
from tests.classes.factories import make_classroom, make_rule, make_student, pk_of
from tests.workshop.test_today import save_current_plan

MONDAY = date(2026, 9, 14)


@pytest.fixture
def room(alice_client, alice):
    classroom = make_classroom(alice)
    for i in range(12):
        make_student(classroom, name=f"Kid{i:02}")
    make_rule(
        classroom,
        kind="keep_apart",
        students=[pk_of(classroom, "Kid00"), pk_of(classroom, "Kid05")],
    )
    save_current_plan(alice_client, classroom, threes="")
    return classroom


def make(client, classroom, monday, follow=False, **extra):
    url = reverse("workshop:headline_make", args=[classroom.pk])
    return client.post(url, {"monday": monday.isoformat(), **extra}, follow=follow)


def pairs(week):
    return {frozenset(p) for g in week.groups for p in combinations(g, 2)}


def names_in(classroom, group) -> list[str]:
    names = dict(classroom.students.values_list("pk", "name"))
    return [names[pk] for pk in group]


def test_weeks_made_one_by_one_never_repeat_or_pair_long_term_or_kept_apart(alice_client, room):
    partners = {
        frozenset(p)
        for g in room.current_plan.arrangement["groups"]
        for p in combinations(pks_of(g["members"]), 2)
    }
    assert partners
    seen = set()
    for week in range(9):
        make(alice_client, room, MONDAY + timedelta(weeks=week))
    for made in room.headlines.order_by("monday"):
        pks = sorted(m for g in made.groups for m in g)
        assert pks == sorted(room.students.values_list("pk", flat=True))
        assert not pairs(made) & partners
        assert frozenset((pk_of(room, "Kid00"), pk_of(room, "Kid05"))) not in pairs(made)
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


def note_url(classroom, week):
    return reverse("workshop:headline_note", args=[classroom.pk, week.pk])


def test_two_pluses_and_a_wish_are_saved_and_shown(alice_client, room):
    make(alice_client, room, MONDAY)
    week = room.headlines.get()
    url = note_url(room, week)
    kid01 = pk_of(room, "Kid01")
    response = alice_client.post(
        url,
        {"student": kid01, "plus_one": "Big lead", "plus_two": "Dialogue", "wish": "Ending"},
        follow=True,
    )
    assert b"Saved Kid01&#x27;s two pluses and a wish." in response.content
    page = alice_client.get(reverse("workshop:headline_week", args=[room.pk, week.pk])).content
    assert b"Big lead" in page and b"Ending" in page
    assert week.notes.get().student_id == kid01
    response = alice_client.post(url, {"student": "Zed", "plus_one": "x"}, follow=True)
    assert b"That student has no headline partner this week" in response.content
    response = alice_client.post(
        url, {"student": pk_of(room, "Kid02"), "wish": "x" * 300}, follow=True
    )
    assert b"under 200 letters" in response.content
    assert week.notes.count() == 1


def test_a_note_for_a_student_of_another_class_or_not_in_that_week_is_refused(
    alice_client, room, django_user_model
):
    make(alice_client, room, MONDAY)
    week = room.headlines.get()
    nia = make_student(room, name="Nia").pk  # joined after the week was made
    charlie = django_user_model.objects.create_user("charlie-other", password="pw-other-123!")
    elsewhere = make_student(make_classroom(charlie, name="Room 9"), name="Kid01").pk
    no_partner = b"That student has no headline partner this week."
    refused = {
        nia: no_partner,
        elsewhere: no_partner,
        "²": no_partner,
        "7" * 10_000: no_partner,
        "9" * 20: no_partner,
        "": b"Choose a student.",
        "1\x00": b"Null characters are not allowed.",
    }
    for student, message in refused.items():
        response = alice_client.post(
            note_url(room, week), {"student": student, "plus_one": "Nice"}, follow=True
        )
        assert response.status_code == 200
        assert message in response.content, student
    assert not week.notes.exists()


@pytest.mark.parametrize("field", ["plus_one", "plus_two", "wish"])
def test_a_note_over_200_characters_is_refused(alice_client, room, field):
    make(alice_client, room, MONDAY)
    week = room.headlines.get()
    kid03 = pk_of(room, "Kid03")
    response = alice_client.post(
        note_url(room, week), {"student": kid03, field: "y" * 201}, follow=True
    )
    assert b"Keep each plus and the wish under 200 letters" in response.content
    assert not week.notes.exists()
    alice_client.post(note_url(room, week), {"student": kid03, field: "y" * 200})
    assert getattr(week.notes.get(), field) == "y" * 200


def test_week_card_and_student_page_show_the_partners(alice_client, room):
    make(alice_client, room, MONDAY)
    week = room.headlines.get()
    printed = alice_client.get(reverse("workshop:headline_print", args=[room.pk, week.pk]))
    for group in week.groups:
        assert " &amp; ".join(names_in(room, group)).encode() in printed.content
    student, partner = week.groups[0][0], week.groups[0][1]
    page = alice_client.get(reverse("classes:student", args=[room.pk, student])).content
    partner_name = names_in(room, [partner])[0]
    assert b"Monday headline partners: " + partner_name.encode() in page


def test_headline_weeks_keep_ids_and_show_renamed_students_new_names(alice_client, room):
    make(alice_client, room, MONDAY)
    week = room.headlines.get()
    assert all(type(pk) is int for g in week.groups for pk in g)
    student, partner = week.groups[0][0], week.groups[0][1]
    renamed = room.students.get(pk=partner)
    old = renamed.name
    renamed.set_name("Zuzanna Renamed")
    renamed.save()
    week.refresh_from_db()
    assert partner in week.groups[0]
    pages = {
        "list": reverse("workshop:headlines", args=[room.pk]),
        "week": reverse("workshop:headline_week", args=[room.pk, week.pk]),
        "print": reverse("workshop:headline_print", args=[room.pk, week.pk]),
        "student": reverse("classes:student", args=[room.pk, student]),
    }
    for page, url in pages.items():
        body = alice_client.get(url).content.decode()
        assert "Zuzanna Renamed" in body, page
        assert not re.search(rf"\b{old}\b", body), page
        assert KEY_OPEN not in body and KEY_CLOSE not in body, page
    response = alice_client.post(
        note_url(room, week), {"student": partner, "wish": "More detail"}, follow=True
    )
    assert b"Saved Zuzanna Renamed&#x27;s two pluses and a wish." in response.content


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
        for name in names_in(room, group):
            assert f"For {name}:".encode() in printed.content
