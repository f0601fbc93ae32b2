"""A teacher switches the class to "first name and last initial" and Today, the
projector and the printed chart show names that way, a second letter telling two
students with the same first name and initial apart."""

from partnerup.classes.services import class_roster
from partnerup.engine import plan_partnerships, plan_to_dict
from tests.classes.factories import give_surnames

from .conftest import DESKTOP, TABLET, shot
from .test_today import demo_class_with_current_plan, sign_in


def with_surnames(classroom):
    give_surnames(classroom)
    plan = classroom.current_plan
    plan.arrangement = plan_to_dict(plan_partnerships(*class_roster(classroom)))
    plan.save()


def test_the_teacher_shows_first_names_and_initials(open_page, django_user_model):
    classroom = demo_class_with_current_plan(django_user_model)
    with_surnames(classroom)
    page = open_page(TABLET)
    sign_in(page)
    page.goto(f"/classes/{classroom.pk}/")
    page.get_by_role("link", name="Class settings").click()
    page.get_by_label("First name and last initial (Ana G.)").check()
    shot(page, "name-display-settings")
    page.get_by_role("button", name="Save").click()

    page.goto(f"/classes/{classroom.pk}/today/")
    board = page.locator("#board").inner_text()
    assert "Ana Ga." in board and "Ana Gó." in board
    assert "García" not in board and "Okafor" not in board
    shot(page, "name-display-today-tablet")

    page.set_viewport_size(DESKTOP)
    page.goto(f"/classes/{classroom.pk}/plans/{classroom.current_plan.pk}/print/")
    chart = page.locator("body").inner_text()
    assert "Ana Ga." in chart and "García" not in chart
    shot(page, "name-display-print")
