"""Monday headline partners on the day: repaired for absences as Today is, and shown
on the projector (which follows the teacher's device)."""

from itertools import combinations

import pytest
from django.urls import reverse

from partnerup.classes.keys import pks_of
from partnerup.workshop import services as workshop
from partnerup.workshop.headlines import groups_of
from tests.classes.factories import pk_of
from tests.workshop.test_headlines import MONDAY, make, names_in, room  # noqa: F401

pytestmark = pytest.mark.django_db


def long_term_pairs(classroom) -> set[frozenset[int]]:
    return {
        frozenset(p)
        for g in classroom.current_plan.arrangement["groups"]
        for p in combinations(pks_of(g["members"]), 2)
    }


def test_mondays_partners_are_repaired_for_the_students_away_that_day(alice_client, room):  # noqa: F811
    make(alice_client, room, MONDAY)
    week = room.headlines.get()
    away = [group[0] for group in week.groups[:3]]
    day = workshop.day_for(room, MONDAY)
    for pk in away:
        workshop.set_absent(day, pk, True)
    page = alice_client.get(reverse("workshop:headline_week", args=[room.pk, week.pk])).content
    wall = page.decode().split('<ol class="headline-wall">')[1].split("</ol>")[0]
    for pk in away:
        assert names_in(room, [pk])[0] not in wall
    present = {pk for g in week.groups for pk in g} - set(away)
    for pk in present:
        assert names_in(room, [pk])[0] in wall
    assert "changed today" in wall

    together = {
        frozenset(p)
        for g in groups_of(room, week)
        for p in combinations([m for m, _ in g.members], 2)
    }
    assert not together & long_term_pairs(room)
    assert frozenset((pk_of(room, "Kid00"), pk_of(room, "Kid05"))) not in together


def test_a_monday_with_nobody_away_shows_the_week_as_made(alice_client, room):  # noqa: F811
    make(alice_client, room, MONDAY)
    week = room.headlines.get()
    page = alice_client.get(reverse("workshop:headline_week", args=[room.pk, week.pk])).content
    assert "changed today" not in page.decode()


def test_the_headline_projector_shows_the_week_and_follows_the_teacher(alice_client, room):  # noqa: F811
    make(alice_client, room, MONDAY)
    week = room.headlines.get()
    url = reverse("workshop:headline_projector", args=[room.pk, week.pk])
    page = alice_client.get(url).content.decode()
    assert 'hx-trigger="every 2s"' in page and f'hx-get="{url}"' in page
    for group in week.groups:
        for name in names_in(room, group):
            assert name in page


def test_todays_and_the_plans_projectors_follow_the_teacher(alice_client, room):  # noqa: F811
    plan = room.current_plan
    for url in (
        reverse("workshop:projector", args=[room.pk]),
        reverse("plans:projector", args=[room.pk, plan.pk]),
    ):
        page = alice_client.get(url).content.decode()
        assert 'hx-trigger="every 2s"' in page and f'hx-get="{url}"' in page
