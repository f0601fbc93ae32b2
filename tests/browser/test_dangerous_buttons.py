"""Buttons that stop printed cards ask first, and a plan that ended says so (tablet)."""

from datetime import timedelta

from django.utils import timezone

from partnerup import demo
from partnerup.classes.models import Classroom
from partnerup.voice.models import SignInCard

from .conftest import TABLET, shot


def sign_in_to_demo(page, settings) -> Classroom:
    settings.DEMO_MODE = True
    demo.ensure_demo()
    page.set_viewport_size(TABLET)
    page.goto("/")
    page.get_by_role("button", name="Try the demo class").click()
    page.get_by_role("link", name=demo.DEMO_CLASS).click()
    return Classroom.objects.get(name=demo.DEMO_CLASS)


def test_new_cards_for_the_whole_class_asks_first(page, settings):
    classroom = sign_in_to_demo(page, settings)
    page.get_by_role("link", name="Student sign-in cards").click()
    codes = dict(SignInCard.objects.values_list("pk", "code"))
    page.get_by_role("button", name="New cards for the whole class").click()
    page.get_by_role("heading", name="New cards for the whole class?").wait_for()
    shot(page, "33-cards-ask-first")
    assert dict(SignInCard.objects.values_list("pk", "code")) == codes
    page.get_by_role("link", name="No, keep the cards").click()
    page.get_by_role("button", name="Stop this card").first.click()
    page.get_by_role("button", name="Yes, stop").click()
    assert SignInCard.objects.filter(student__classroom=classroom, is_revoked=True).count() == 1
    assert "stopped" in page.content()


def test_a_current_plan_that_ended_is_flagged_on_today(page, settings):
    classroom = sign_in_to_demo(page, settings)
    plan = classroom.current_plan
    plan.ends = timezone.localdate() - timedelta(days=30)
    plan.save(update_fields=["ends"])
    page.get_by_role("link", name="Today").first.click()
    warning = page.locator(".plan-ended")
    assert "ended on" in warning.inner_text()
    shot(page, "34-plan-ended")
