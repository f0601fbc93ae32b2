"""A teacher's first visit to the demo: from the home page, one tap into a class that
already has a current plan, workshop days and students' answers; and the planning
page offers both talk-style pairings (article 05)."""

from partnerup import demo

from .conftest import TABLET, shot


def test_the_demo_opens_from_the_home_page_with_today_ready(page, settings):
    settings.DEMO_MODE = True
    demo.ensure_demo()
    page.set_viewport_size(TABLET)
    page.goto("/")
    shot(page, "30-home-demo")
    page.get_by_role("button", name="Try the demo class").click()
    page.get_by_role("link", name=demo.DEMO_CLASS).click()
    page.get_by_role("link", name="Today").first.click()
    page.wait_for_selector("#board .pcard")
    assert page.locator("#board ol.board-cards li.pcard[data-members]").count() >= 10
    shot(page, "31-demo-today")


def test_planning_offers_like_with_like_talk_styles(page, settings):
    settings.DEMO_MODE = True
    demo.ensure_demo()
    page.goto("/")
    page.get_by_role("button", name="Try the demo class").click()
    page.get_by_role("link", name=demo.DEMO_CLASS).click()
    page.get_by_role("link", name="Plan partnerships").click()
    alike = page.get_by_label("Like with like (quiet with quiet, talkative with talkative)")
    alike.check()
    shot(page, "32-talk-styles")
    page.get_by_role("button", name="Make partnerships").click()
    page.wait_for_selector("#board")
    assert "similar talk styles" in page.content()
