"""A step on a board that another device changed meanwhile: the board as it is now,
with a one-line message, and nothing moved to a card the teacher did not see."""

import pytest
from django.urls import reverse

from partnerup.plans.services import BOARD_CHANGED, members_token
from tests.plans.test_plans import draft_of, generate, groups, room12  # noqa: F401

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def seen(plan, index: int) -> str:
    return members_token(groups(plan)[index])


def test_a_move_to_a_card_that_changed_meanwhile_shows_the_board_now(alice_client, room12):  # noqa: F811
    generate(alice_client, room12)
    plan = draft_of(room12)
    before = seen(plan, 0)
    a, b = groups(plan)[0][0], groups(plan)[1][0]
    move = reverse("plans:move", args=[room12.pk, plan.pk])
    alice_client.post(move, {"student": a, "with": b, "confirm": "yes"}, **HTMX)  # other tablet
    mover = groups(draft_of(room12))[3][0]
    response = alice_client.post(
        move, {"student": mover, "to": "0", "members": before, "confirm": "yes"}, **HTMX
    )
    assert BOARD_CHANGED in response.content.decode()
    assert mover in groups(draft_of(room12))[3]


def test_a_move_to_an_unchanged_card_goes_ahead(alice_client, room12):  # noqa: F811
    generate(alice_client, room12)
    plan = draft_of(room12)
    mover = groups(plan)[3][0]
    move = reverse("plans:move", args=[room12.pk, plan.pk])
    alice_client.post(
        move, {"student": mover, "to": "0", "members": seen(plan, 0), "confirm": "yes"}, **HTMX
    )
    assert mover in groups(draft_of(room12))[0]


def test_locking_a_card_that_changed_meanwhile_locks_nothing(alice_client, room12):  # noqa: F811
    generate(alice_client, room12)
    plan = draft_of(room12)
    stale = seen(plan, 0)
    a, b = groups(plan)[0][0], groups(plan)[1][0]
    move = reverse("plans:move", args=[room12.pk, plan.pk])
    alice_client.post(move, {"student": a, "with": b, "confirm": "yes"}, **HTMX)
    lock = reverse("plans:lock", args=[room12.pk, plan.pk, 0])
    response = alice_client.post(lock, {"locked": "yes", "members": stale}, **HTMX)
    assert BOARD_CHANGED in response.content.decode()
    assert not draft_of(room12).arrangement["groups"][0]["locked"]
    alice_client.post(lock, {"locked": "yes", "members": seen(draft_of(room12), 0)}, **HTMX)
    assert draft_of(room12).arrangement["groups"][0]["locked"]


def test_the_board_page_sends_each_cards_students_with_its_steps(alice_client, room12):  # noqa: F811
    generate(alice_client, room12)
    plan = draft_of(room12)
    page = alice_client.get(reverse("plans:board", args=[room12.pk, plan.pk])).content.decode()
    assert f'data-members="{seen(plan, 0)}"' in page
    assert f'"members": "{seen(plan, 0)}"' in page
