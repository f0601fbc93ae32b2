"""Forty code guesses sent at once, without cookies, to a live server: no more than the
limit are looked up, and a right code that follows is refused while the page is paused
(on SQLite and on PostgreSQL)."""

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from partnerup.accounts.limits import CLASS_ADDRESS, CODE_ADDRESS
from partnerup.accounts.models import SignInCounter
from partnerup.voice import guesses
from partnerup.voice.guesses import page_for
from tests.live_forms import post_form
from tests.test_concurrency import at_once
from tests.voice.test_code_limits import WRONG, code_of

pytestmark = pytest.mark.django_db(transaction=True)
AT_ONCE = 40


def post_code(url: str, code: str) -> int:
    return post_form(url, {"code": code})[0]


@pytest.fixture
def looked_up(monkeypatch) -> list[str]:
    """Every code actually looked up, by any thread of the live server."""
    seen: list[str] = []
    look_up = guesses.card_with_code

    def counted(code, page):
        seen.append(code)
        return look_up(code, page)

    monkeypatch.setattr(guesses, "card_with_code", counted)
    return seen


def test_guesses_sent_at_once_on_a_class_page_never_get_more_than_the_limit_checked(
    live_server, room12, looked_up
):
    url = live_server.url + reverse("voice:class_code", args=[page_for(room12).key])
    answers = at_once(*(lambda: post_code(url, WRONG) for _ in range(AT_ONCE)))
    assert sorted(set(answers)) == [400, 429]
    assert answers.count(400) == len(looked_up) == CLASS_ADDRESS.most
    assert post_code(url, code_of(room12, "Ana Ruiz")) == 429
    assert len(looked_up) == CLASS_ADDRESS.most
    assert Session.objects.count() == 0


def test_guesses_sent_at_once_on_the_code_page_never_pass_the_address_limit(
    live_server, room12, looked_up
):
    room_left = 10
    SignInCounter.objects.create(
        scope=CODE_ADDRESS.scope,
        key="127.0.0.1",
        tries=CODE_ADDRESS.most - room_left,
        started=timezone.now(),
    )
    url = live_server.url + reverse("voice:code")
    answers = at_once(*(lambda: post_code(url, WRONG) for _ in range(AT_ONCE)))
    assert answers.count(400) == len(looked_up) == room_left
    assert answers.count(429) == AT_ONCE - room_left
