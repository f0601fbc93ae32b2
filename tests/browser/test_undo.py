"""Undo in a browser: on the draft board and on Today (a tablet), with the projector
following Today, and a second tablet's Undo refused once the first one undid."""

from django.urls import reverse

from partnerup.classes.keys import pks_of
from partnerup.classes.services import names_of
from partnerup.plans import services as plans
from partnerup.plans.services import BOARD_CHANGED
from tests.plans.test_plans import unruled_groups

from .conftest import TABLET, board_ready, shot
from .test_projector_live import SHOWS_NAME, today_and_projector
from .test_today import demo_class_with_current_plan, sign_in


def card_texts(page) -> list[str]:
    return page.eval_on_selector_all(
        "#board ol.board-cards li.pcard", "cards => cards.map(c => c.innerText)"
    )


def test_undo_on_the_board_takes_back_a_swap_once(open_page, django_user_model):
    classroom = demo_class_with_current_plan(django_user_model)
    draft = plans.draft_from(classroom.current_plan)
    names = names_of(classroom)
    first, second = (group[0] for group in unruled_groups(draft)[:2])
    board_url = reverse("plans:board", args=[classroom.pk, draft.pk])
    tablet, other = open_page(TABLET), open_page(TABLET)
    for page in (tablet, other):
        sign_in(page)
        page.goto(board_url)
        board_ready(page)
    before = card_texts(tablet)
    assert tablet.get_by_role("button", name="Undo:").count() == 0
    tablet.locator(f'#board button.chip[data-student="{first}"]').click()
    tablet.locator(f'#board button.chip[data-student="{second}"]').click()
    undo = tablet.get_by_role("button", name=f"Undo: swapped {names[first]} and {names[second]}")
    undo.wait_for()
    assert card_texts(tablet) != before
    shot(tablet, "60-board-undo-offered")
    other.reload()  # the second tablet now shows the swap and its Undo
    board_ready(other)
    undo.click()
    tablet.get_by_role("button", name="Undo:").wait_for(state="detached")
    assert card_texts(tablet) == before
    shot(tablet, "61-board-undone")
    other.get_by_role("button", name="Undo:").click()
    other.get_by_text(BOARD_CHANGED).wait_for()
    assert card_texts(other) == before
    shot(other, "62-board-second-undo-refused")


def test_undo_on_today_brings_a_student_back_on_the_projector(open_page, django_user_model):
    classroom = demo_class_with_current_plan(django_user_model)
    names = names_of(classroom)
    pair = next(pks_of(g["members"]) for g in classroom.current_plan.arrangement["groups"])
    away = names[pair[0]]
    tablet, wall = today_and_projector(open_page, classroom)
    before = card_texts(tablet)
    tablet.locator(".attend-grid").get_by_role("button", name=away, exact=True).click()
    undo = tablet.get_by_role("button", name=f"Undo: marked {away} away")
    undo.wait_for()
    wall.wait_for_function(f"!({SHOWS_NAME})({away!r})", timeout=3500)
    shot(tablet, "63-today-undo-offered")
    undo.click()
    tablet.locator("button.attend[aria-pressed=false]", has_text=away).wait_for()
    assert tablet.get_by_role("button", name="Undo:").count() == 0
    assert card_texts(tablet) == before
    wall.wait_for_function(f"({SHOWS_NAME})({away!r})", timeout=3500)
    shot(tablet, "64-today-undone")
    shot(wall, "65-projector-after-undo")
    day = classroom.days.get()
    assert day.absent == [] and day.undo_steps == []
