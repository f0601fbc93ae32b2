"""The workshop day in a browser: mark two students away and see the repaired board."""

import re

from django.urls import reverse

from partnerup import demo
from partnerup.classes.keys import KEY_CLOSE, KEY_OPEN, key_pk
from partnerup.classes.models import Classroom
from partnerup.classes.services import class_roster, names_of
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


def chip_names(page) -> list[str]:
    """The names on the board's chips, without partner letters or the leader's star."""
    chips = page.locator("#board ol.board-cards button.chip").all_inner_texts()
    return [re.sub(r"^[A-C]\s+|\s*★.*$", "", chip.strip(), flags=re.S) for chip in chips]


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
    names = names_of(classroom)
    assert sorted(chip_names(page)) == sorted(names.values())
    plan_groups = classroom.current_plan.arrangement["groups"]
    pairs = [g["members"] for g in plan_groups if len(g["members"]) == 2]
    away = [key_pk(pairs[0][0]), key_pk(pairs[1][0])]
    page.evaluate("window.stillThisPage = true")
    board_ready(page)
    for pk in away:
        page.locator(".attend-grid").get_by_role("button", name=names[pk], exact=True).click()
        page.locator("button.attend[aria-pressed=true]", has_text=names[pk]).wait_for()
    assert page.get_by_text("2 away").count() >= 1
    changed = page.locator("#board li.pcard.changed")
    assert changed.count() >= 1
    assert "pair up" in changed.first.inner_text() or "joins" in changed.first.inner_text()
    board_text = page.locator("#board ol.board-cards").inner_text()
    for pk in away:
        assert names[pk] not in board_text
    assert KEY_OPEN not in page.content() and KEY_CLOSE not in page.content()
    assert page.evaluate("window.stillThisPage") is True
    shot(page, "21-two-away")
    page.get_by_role("button", name="Looks good").click()
    page.get_by_text("accepted").wait_for()
    day = classroom.days.get()
    assert day.is_accepted and day.absent == sorted(away)
    page.get_by_role("link", name="Show on the projector").click()
    page.get_by_role("heading", name="Writing partners today").wait_for()
    wall = page.locator("ol.wall").inner_text()
    for pk, name in names.items():
        assert (name in wall) is (pk not in away), name
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
    names = names_of(classroom)
    first = " & ".join(names[pk] for pk in week.groups[0])
    assert page.locator(".headline-wall li").first.inner_text() == first
    page.get_by_role("link", name="Print the week's cards").click()
    assert page.locator(".week-card").count() == 12
    assert page.locator(".week-card h2").first.inner_text() == first
    shot(page, "24-headline-cards")
    pdf = page.pdf(format="Letter")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
