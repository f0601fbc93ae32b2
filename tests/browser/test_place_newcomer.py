"""A student added mid-unit: Today says so and places them with one tap (tablet)."""

from django.urls import reverse

from tests.classes.factories import make_student

from .conftest import TABLET, board_ready, shot
from .test_today import demo_class_with_current_plan, sign_in


def test_a_student_added_after_looks_good_is_placed_with_one_tap(open_page, django_user_model):
    classroom = demo_class_with_current_plan(django_user_model)
    page = open_page(TABLET)
    sign_in(page)
    page.goto(reverse("workshop:today", args=[classroom.pk]))
    board_ready(page)
    page.get_by_role("button", name="Looks good").click()
    page.get_by_text("accepted").wait_for()
    make_student(classroom, name="Nia Okafor")
    page.reload()
    board_ready(page)
    notice = page.locator(".unplaced")
    assert "Not on a partnership today" in notice.inner_text()
    shot(page, "36-unplaced")
    page.get_by_role("button", name="Place Nia Okafor").click()
    page.locator("#board ol.board-cards li.pcard", has_text="Nia Okafor").wait_for()
    assert page.locator(".unplaced").count() == 0
    card = page.locator("#board ol.board-cards li.pcard", has_text="Nia Okafor")
    assert card.locator("button.chip").count() >= 3
    shot(page, "37-placed")
