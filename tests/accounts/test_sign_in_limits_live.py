"""Thirty wrong passwords sent at once to a live server: no more than the limit are
checked, and the right password that follows is refused while the account is paused
(on SQLite and on PostgreSQL)."""

import pytest
from django.contrib.auth.base_user import AbstractBaseUser
from django.urls import reverse

from partnerup.accounts.limits import TEACHER_ACCOUNT
from tests.live_forms import post_form
from tests.test_concurrency import at_once

pytestmark = pytest.mark.django_db(transaction=True)
AT_ONCE = 30


def sign_in(base: str, username: str, password: str) -> tuple[int, str]:
    return post_form(base + reverse("login"), {"username": username, "password": password})


@pytest.fixture
def checked(monkeypatch) -> list[str]:
    """Every password actually checked, by any thread of the live server."""
    seen: list[str] = []
    check = AbstractBaseUser.check_password

    def counted(user, raw_password):
        seen.append(user.get_username())
        return check(user, raw_password)

    monkeypatch.setattr(AbstractBaseUser, "check_password", counted)
    return seen


def test_wrong_passwords_sent_at_once_never_get_more_than_the_limit_checked(
    live_server, alice, checked
):
    calls = [lambda: sign_in(live_server.url, "alice", "wrong-guess") for _ in range(AT_ONCE)]
    answers = at_once(*calls)
    assert [status for status, _ in answers] == [200] * AT_ONCE
    assert len(checked) == TEACHER_ACCOUNT.most
    status, page = sign_in(live_server.url, "alice", "pw-alice-123!")
    assert status == 200 and "Too many wrong passwords for this account" in page
    assert len(checked) == TEACHER_ACCOUNT.most
