"""Temporary partners on a tablet: two away, a keep-together pair ticked apart, the
groups shown keep every rule, the choosing count matches its list, and placing a
chooser against a rule asks first."""

from __future__ import annotations

import re

from django.urls import reverse

from partnerup.classes.keys import key_pk
from partnerup.classes.services import names_of
from tests.workshop.reason_facts import choosing_count_problems

from .conftest import TABLET, board_ready, shot
from .test_today import demo_class_with_current_plan, sign_in


def card_of(page, pk: int):
    return page.locator(
        "#board ol.board-cards li.pcard", has=page.locator(f'button.chip[data-student="{pk}"]')
    )


def names_on(card) -> set[str]:
    """The names on a card's chips, without partner letters or the leader's star."""
    chips = card.locator("button.chip").all_inner_texts()
    return {re.sub(r"^[A-D]\s+|\s*★.*$", "", chip.strip(), flags=re.S) for chip in chips}


def tick(page, name, on: bool):
    box = page.locator("details.mix label.pick", has_text=name).locator("input")
    if box.is_checked() != on:
        box.click()


def test_temporary_partners_keep_the_rules_on_a_tablet(open_page, django_user_model):
    classroom = demo_class_with_current_plan(django_user_model)
    names = names_of(classroom)
    pk = {name: pk for pk, name in names.items()}
    plan_groups = classroom.current_plan.arrangement["groups"]
    ticked_here = {"Amara", "Linh", "Ben", "Jayden"}  # the test ticks these by hand
    away = [
        names[key_pk(g["members"][0])]
        for g in plan_groups
        if len(g["members"]) == 2 and not ticked_here & {names[key_pk(m)] for m in g["members"]}
    ][:2]
    page = open_page(TABLET)
    sign_in(page)
    page.goto(reverse("workshop:today", args=[classroom.pk]))
    board_ready(page)
    for name in away:
        page.locator(".attend-grid").get_by_role("button", name=name, exact=True).click()
        page.locator("button.attend[aria-pressed=true]", has_text=name).wait_for()

    page.get_by_text("Temporary partners: half assigned, half choose").click()
    tick(page, "Linh", True)  # Linh chooses, Amara (kept together with her) does not
    tick(page, "Amara", False)
    tick(page, "Ben", True)
    tick(page, "Jayden", False)  # Ben and Jayden are kept apart
    shot(page, "temporary-1-ticks")
    page.get_by_role("button", name="Start temporary partners").click()
    page.get_by_text("Temporary partners until").wait_for()
    board_ready(page)

    assert "Amara and Linh are assigned together" in page.inner_text(".temporary") or (
        "Linh and Amara are assigned together" in page.inner_text(".temporary")
    )
    assert {"Amara", "Linh"} <= names_on(card_of(page, pk["Amara"]))
    assert choosing_count_problems(page.content()) == []
    board = page.locator("#board ol.board-cards").inner_text()
    assert "floater" not in board and "Temporary partners for today" in board
    # No absent student sits on a card (a card's reason may still say who is away).
    placed = set().union(*(names_on(card) for card in page.locator("#board li.pcard").all()))
    assert placed and not placed & set(away)
    shot(page, "temporary-2-started")

    # Ben chooses Jayden: the rule is named and must be confirmed, as on the plan board.
    page.locator("li.pcard.floaters button.chip", has_text="Ben").click()
    card_of(page, pk["Jayden"]).locator(".move-here").click()
    page.get_by_role("heading", name="Moving Ben breaks a rule").wait_for()
    assert "keep-apart rule" in page.inner_text(".confirm")
    shot(page, "temporary-3-asks-first")
    assert "Ben" not in names_on(card_of(page, pk["Jayden"]))
    page.get_by_role("button", name="Do it anyway").click()
    page.get_by_role("heading", name="Moving Ben breaks a rule").wait_for(state="detached")
    # The confirm closes before the board's swap lands: wait for the chip to arrive.
    card_of(page, pk["Jayden"]).locator("button.chip", has_text="Ben").wait_for()
    assert "Ben" in names_on(card_of(page, pk["Jayden"]))
    assert choosing_count_problems(page.content()) == []
    shot(page, "temporary-4-placed")
