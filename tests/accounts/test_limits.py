"""The counter under every sign-in limit (partnerup/accounts/limits.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from partnerup.accounts.limits import Limit, Try, give_back, reserve
from partnerup.accounts.models import SignInCounter

pytestmark = pytest.mark.django_db
SMALL = Limit("account", 2, timedelta(minutes=15))
WIDE = Limit("address", 5, timedelta(minutes=15))


def tries_of(limit, key) -> int:
    return SignInCounter.objects.get(scope=limit.scope, key=key).tries


def test_a_try_is_counted_under_every_limit_it_falls_under():
    assert reserve(Try(SMALL, "alice"), Try(WIDE, "10.0.0.1")) is None
    assert (tries_of(SMALL, "alice"), tries_of(WIDE, "10.0.0.1")) == (1, 1)


def test_a_full_limit_is_named_and_nothing_is_counted():
    for _ in range(SMALL.most):
        reserve(Try(SMALL, "alice"), Try(WIDE, "10.0.0.1"))
    assert reserve(Try(SMALL, "alice"), Try(WIDE, "10.0.0.1")) == SMALL
    assert (tries_of(SMALL, "alice"), tries_of(WIDE, "10.0.0.1")) == (2, 2)


def test_a_window_that_has_passed_starts_counting_again():
    start = timezone.now()
    for _ in range(SMALL.most):
        reserve(Try(SMALL, "alice"), now=start)
    later = start + SMALL.window + timedelta(seconds=1)
    assert reserve(Try(SMALL, "alice"), now=later) is None
    assert tries_of(SMALL, "alice") == 1


def test_a_try_given_back_no_longer_counts_and_never_goes_below_nothing():
    reserve(Try(WIDE, "10.0.0.1"))
    give_back(Try(WIDE, "10.0.0.1"))
    give_back(Try(WIDE, "10.0.0.1"))
    assert tries_of(WIDE, "10.0.0.1") == 0
