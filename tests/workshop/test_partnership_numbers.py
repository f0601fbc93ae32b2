"""Partnership numbers are the plan's: the same pair has the same number on the
printed chart, the projector, the board and Today, whatever happens in between."""

import re

import pytest
from django.urls import reverse

from partnerup.classes import keys
from tests.plans.test_plans import draft_of
from tests.workshop.test_today import open_today, post, room12, today  # noqa: F401

pytestmark = pytest.mark.django_db


def numbered_pairs(arrangement) -> dict[frozenset[int], int]:
    return {frozenset(keys.pks_of(g["members"])): g["number"] for g in arrangement["groups"]}


def shown_numbers(html: str) -> list[int]:
    return [int(n) for n in re.findall(r"Partnership (\d+)</span>", html)]


def test_three_absences_keep_the_numbers_of_the_untouched_partnerships(alice_client, room12):  # noqa: F811
    plan = numbered_pairs(room12.current_plan.arrangement)
    open_today(alice_client, room12)
    away = [next(iter(members)) for members in list(plan)[:3]]
    for pk in away:
        post(alice_client, room12, "absent", student=pk, absent="yes")
    now = numbered_pairs(today(room12).arrangement)
    untouched = {m: n for m, n in plan.items() if not m & set(away)}
    assert untouched and all(now[m] == n for m, n in untouched.items())
    plan_members = {n: m for m, n in plan.items()}
    for members, number in now.items():
        # A plan number stays with (some of) its partnership; others are new numbers.
        if number <= max(plan.values()):
            assert members & plan_members[number]
    assert len(set(now.values())) == len(now)
    assert sorted(shown_numbers(open_today(alice_client, room12))) == sorted(now.values())


def test_locking_a_card_on_the_draft_board_renumbers_nothing(alice_client, room12):  # noqa: F811
    alice_client.post(reverse("plans:copy", args=[room12.pk, room12.current_plan.pk]))
    draft = draft_of(room12)
    before = numbered_pairs(draft.arrangement)
    alice_client.post(
        reverse("plans:lock", args=[room12.pk, draft.pk, 3]),
        {"locked": "yes"},
        HTTP_HX_REQUEST="true",
    )
    draft.refresh_from_db()
    assert numbered_pairs(draft.arrangement) == before
    assert draft.arrangement["groups"][3]["locked"]


def cards_by_number(html: str, card_start: str) -> dict[int, str]:
    """Each card's HTML by the number it shows."""
    found = {}
    for chunk in html.split(card_start)[1:]:
        number = re.search(r"Partnership (\d+)<", chunk)
        if number:
            found[int(number.group(1))] = chunk
    return found


def test_print_projector_and_today_give_a_pair_the_same_number(alice_client, room12):  # noqa: F811
    plan = room12.current_plan
    url = {
        view: reverse(f"plans:{view}", args=[room12.pk, plan.pk]) for view in ("print", "projector")
    }
    printed = alice_client.get(url["print"]).content.decode()
    projected = cards_by_number(alice_client.get(url["projector"]).content.decode(), "<li>")
    on_today = cards_by_number(open_today(alice_client, room12), 'class="pcard')
    for members, number in numbered_pairs(plan.arrangement).items():
        for pk in members:
            name = room12.students.get(pk=pk).name
            row = re.search(rf'<td class="num">{number}</td>(.*?)</tr>', printed, re.S)
            assert name in row.group(1)
            assert name in projected[number] and name in on_today[number]
