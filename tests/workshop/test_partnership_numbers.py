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
    new = [n for m, n in now.items() if m not in plan]
    assert all(n > max(plan.values()) for n in new)
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


def test_print_projector_and_today_give_a_pair_the_same_number(alice_client, room12):  # noqa: F811
    plan = room12.current_plan
    pages = [
        alice_client.get(reverse(f"plans:{view}", args=[room12.pk, plan.pk])).content.decode()
        for view in ("print", "projector")
    ]
    today_page = open_today(alice_client, room12)
    for members, number in numbered_pairs(plan.arrangement).items():
        name = room12.students.get(pk=min(members)).name
        assert re.search(
            rf'<td class="num">{number}</td>(?:(?!</tr>).)*{re.escape(name)}', pages[0]
        )
        assert re.search(
            rf"Partnership {number}</span>(?:(?!</li>).)*{re.escape(name)}", pages[1], re.S
        )
        assert re.search(
            rf"Partnership {number}</span>(?:(?!</li>\s*<li).)*{re.escape(name)}", today_page, re.S
        )
