"""Double taps and two devices at once against a live server: nothing posted or closed
twice, nothing answered 500."""

import pytest
from django.test import Client
from django.urls import reverse

from partnerup.helpboard.models import HelpPost
from partnerup.voice.models import SignInCard
from tests.test_concurrency import ROUNDS, Tablet, at_once

pytestmark = pytest.mark.django_db(transaction=True)


def device(live_server, classroom, name) -> Tablet:
    """A student's device signed in with their card (a Tablet with the student's session)."""
    card = SignInCard.objects.get(student__classroom=classroom, student__name=name)
    client = Client()
    client.get(reverse("voice:card", args=[card.token]))
    found = Tablet.__new__(Tablet)
    found.base, found.cookies = live_server.url, {"sessionid": client.cookies["sessionid"].value}
    found.get(reverse("helpboard_student:help"))
    found.csrf = found.cookies["csrftoken"]
    return found


def test_a_double_tap_posts_one_need_and_closes_it_once(live_server, room):
    ana = device(live_server, room, "Ana")
    url = reverse("helpboard_student:help")
    for skill in ("lead", "ending", "spelling")[:ROUNDS]:
        data = {"kind": "need", "skill": skill}
        answers = at_once(*(lambda d=data: ana.post(url, d, htmx=False) for _ in range(2)))
        assert [status for status, _ in answers] == [200, 200]
        assert HelpPost.objects.filter(skill=skill).count() == 1
    need = HelpPost.objects.get(skill="lead")
    close = reverse("helpboard_student:close")
    answers = at_once(*(lambda: ana.post(close, {"post": need.pk}, htmx=False) for _ in range(2)))
    assert [status for status, _ in answers] == [200, 200]
    need.refresh_from_db()
    assert need.closed is not None


def test_two_needs_posted_at_once_are_both_matched(live_server, room):
    di = device(live_server, room, "Di")
    di.post(reverse("helpboard_student:help"), {"kind": "offer", "skill": "lead"}, htmx=False)
    ana, cy = device(live_server, room, "Ana"), device(live_server, room, "Cy")
    data = {"kind": "need", "skill": "lead"}
    url = reverse("helpboard_student:help")
    answers = at_once(
        lambda: ana.post(url, data, htmx=False), lambda: cy.post(url, data, htmx=False)
    )
    assert [status for status, _ in answers] == [200, 200]
    helpers = HelpPost.objects.filter(kind="need").values_list("helper__name", flat=True)
    assert sorted(helpers) == ["Di", "Di"]
