"""The workshop day in a browser: mark two students away and see the repaired board."""

import re

from django.urls import reverse

from partnerup import demo
from partnerup.classes.models import Classroom
from partnerup.classes.services import class_roster
from partnerup.engine import plan_partnerships, plan_to_dict
from partnerup.plans.models import Plan

from .conftest import TABLET, board_ready, shot

PASSWORD = "writing-partners-2026"


def demo_class_with_current_plan(django_user_model) -> Classroom:
    teacher = django_user_model.objects.create_user("ms.lee", password=PASSWORD)
    classroom = Classroom.objects.create(teacher=teacher, name="Room 12")
    demo.fill_with_example(classroom)
    students, rules = class_roster(classroom)
    Plan.objects.create(
        classroom=classroom,
        name="Unit 2",
        arrangement=plan_to_dict(plan_partnerships(students, rules)),
        is_draft=False,
        is_current=True,
    )
    return classroom


def sign_in(page):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("ms.lee")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_two_absences_repair_the_board(open_page, django_user_model):
    classroom = demo_class_with_current_plan(django_user_model)
    page = open_page(TABLET)
    sign_in(page)
    page.goto(reverse("classes:detail", args=[classroom.pk]))
    page.get_by_role("link", name="Today", exact=True).click()
    page.get_by_role("heading", name="Who is away today?").wait_for()
    shot(page, "20-today")
    plan_groups = classroom.current_plan.arrangement["groups"]
    pairs = [g["members"] for g in plan_groups if len(g["members"]) == 2]
    away = [pairs[0][0], pairs[1][0]]
    page.evaluate("window.stillThisPage = true")
    board_ready(page)
    for name in away:
        page.locator("button.attend", has_text=name).click()
        page.locator("button.attend[aria-pressed=true]", has_text=name).wait_for()
    assert page.get_by_text("2 away").count() >= 1
    changed = page.locator("#board li.pcard.changed")
    assert changed.count() >= 1
    assert "pair up" in changed.first.inner_text() or "joins" in changed.first.inner_text()
    board_text = page.locator("#board ol.board-cards").inner_text()
    for name in away:
        assert name not in board_text
    assert page.evaluate("window.stillThisPage") is True
    shot(page, "21-two-away")
    page.get_by_role("button", name="Looks good").click()
    page.get_by_text("accepted").wait_for()
    day = classroom.days.get()
    assert day.is_accepted and day.absent == sorted(away)
    page.get_by_role("link", name="Show on the projector").click()
    page.get_by_role("heading", name="Writing partners today").wait_for()
    shot(page, "22-today-projector")


def test_monday_headline_partners_and_their_week_card(open_page, django_user_model):
    classroom = demo_class_with_current_plan(django_user_model)
    page = open_page()
    sign_in(page)
    page.goto(reverse("workshop:today", args=[classroom.pk]))
    page.get_by_role("link", name="Monday headline partners").click()
    page.get_by_label("Week of Monday").fill("2026-09-14")
    page.get_by_role("button", name="Make this Monday's partners").click()
    page.get_by_role("heading", name="Headline partners · week of September 14").wait_for()
    shot(page, "23-headline-week")
    week = classroom.headlines.get()
    assert page.locator(".headline-wall li").count() == len(week.groups) == 12
    page.get_by_role("link", name="Print the week's cards").click()
    assert page.locator(".week-card").count() == 12
    shot(page, "24-headline-cards")
    pdf = page.pdf(format="Letter")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
