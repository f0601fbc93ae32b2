"""The projector follows the teacher's tablet within 2 seconds, and a partnership keeps
its plan number on both screens after absences."""

import re

from django.urls import reverse

from partnerup.classes.keys import pks_of
from partnerup.classes.services import names_of
from partnerup.plans.services import board_plan

from .conftest import TABLET, board_ready, shot
from .test_today import demo_class_with_current_plan, sign_in

PROJECTOR = {"width": 1920, "height": 1080}
SHOWS_NAME = (
    "name => new RegExp(`\\\\b${name}\\\\b`).test(document.querySelector('ol.wall').innerText)"
)


def today_and_projector(open_page, classroom):
    """A tablet on Today and a projector on the wall, both signed in to the class."""
    tablet, wall = open_page(TABLET), open_page(PROJECTOR)
    for page in (tablet, wall):
        sign_in(page)
    tablet.goto(reverse("workshop:today", args=[classroom.pk]))
    board_ready(tablet)
    wall.goto(reverse("workshop:projector", args=[classroom.pk]))
    return tablet, wall


def test_the_projector_follows_the_tablet_and_numbers_stay(open_page, django_user_model):
    classroom = demo_class_with_current_plan(django_user_model)
    tablet, wall = today_and_projector(open_page, classroom)
    names = names_of(classroom)
    plan = board_plan(classroom.current_plan)
    pairs = [pks_of(p.members) for p in plan.partnerships if len(p.members) == 2]
    away = [pair[0] for pair in pairs[:3]]
    for pk in away:
        tablet.locator(".attend-grid").get_by_role("button", name=names[pk], exact=True).click()
        tablet.locator("button.attend[aria-pressed=true]", has_text=names[pk]).wait_for()
    # Within 2 seconds (and a margin for the request) the wall no longer shows them.
    for pk in away:
        wall.wait_for_function(f"!({SHOWS_NAME})({names[pk]!r})", timeout=3500)
    shot(wall, "35-projector-follows")
    # Read each screen's cards at once (the wall is swapped every 2 seconds).
    on_wall = wall.eval_on_selector_all("ol.wall li", "cards => cards.map(c => c.innerText)")
    on_tablet = tablet.eval_on_selector_all(
        "#board ol.board-cards li.pcard", "cards => cards.map(c => c.innerText)"
    )
    for partnership in plan.partnerships:
        members = pks_of(partnership.members)
        if set(members) & set(away):
            continue
        label = re.compile(rf"Partnership {partnership.number}\b")
        first = re.compile(rf"\b{names[members[0]]}\b")
        for cards in (on_wall, on_tablet):
            card = [text for text in cards if first.search(text)]
            assert len(card) == 1 and label.search(card[0]), (names[members[0]], card)
