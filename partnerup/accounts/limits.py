"""Sign-in limits that hold under parallel requests and without cookies.

A try is *reserved* before the password or code is checked: one transaction locks the
counter rows of every limit the try falls under (select_for_update; SQLite runs writes
one at a time), and counts it only if each has room. Forty guesses sent at once can
therefore never get more than the limit checked. A right password or code gives its
try back (an account's count starts again), so the counts are of wrong tries. A window
starts at its first try; when it has passed, counting starts again, so a pause ends by
itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import SignInCounter


@dataclass(frozen=True)
class Limit:
    scope: str
    most: int
    window: timedelta

    @property
    def minutes(self) -> int:
        return int(self.window.total_seconds() // 60)


# A teacher's account: a few wrong passwords, then a pause (or a reset by email).
TEACHER_ACCOUNT = Limit("account", 10, timedelta(minutes=15))
# One address trying many accounts (a school's teachers share one address: kept high).
TEACHER_ADDRESS = Limit("address", 50, timedelta(minutes=15))
# The generic code page (/s/): high, because a whole school may share one address.
CODE_ADDRESS = Limit("code", 100, timedelta(minutes=10))
# A class's own sign-in page: counted per (class, address), so a busy school address
# never pauses another class's page; the teacher sees a pause and can clear it.
CLASS_ADDRESS = Limit("class", 20, timedelta(minutes=10))
LIMITS = (TEACHER_ACCOUNT, TEACHER_ADDRESS, CODE_ADDRESS, CLASS_ADDRESS)


@dataclass(frozen=True)
class Try:
    """One try as a limit counts it: the limit, whose key, and the class it is for."""

    limit: Limit
    key: str
    classroom_id: int | None = None


def account_key(username: str) -> str:
    """An account's counter, however its name is capitalised."""
    return username.casefold()[:150]


def reserve(*tries: Try, now: datetime | None = None) -> Limit | None:
    """Count one try under each limit at once: None when every limit had room (the try
    is counted under each), or the first limit that is full (nothing is counted)."""
    now = now or timezone.now()
    with transaction.atomic():
        rows = _locked_rows(tries, now)
        for one in tries:
            row = rows[one.limit.scope, one.key]
            if row.started <= now - one.limit.window:
                row.tries, row.started = 0, now
        counted = [(t.limit, rows[t.limit.scope, t.key].tries) for t in tries]
        full = next((limit for limit, n in counted if n >= limit.most), None)
        for row in rows.values():
            if full is None:
                row.tries += 1
            row.save(update_fields=["tries", "started"])  # a window that has passed restarts
    return full


def give_back(*tries: Try) -> None:
    """A right password or code: its reserved try no longer counts."""
    for one in tries:
        SignInCounter.objects.filter(scope=one.limit.scope, key=one.key, tries__gt=0).update(
            tries=F("tries") - 1
        )


def full_limit(*tries: Try, now: datetime | None = None) -> Limit | None:
    """The first of these limits that is full now (read only, for showing a page)."""
    now = now or timezone.now()
    for one in tries:
        if SignInCounter.objects.filter(
            scope=one.limit.scope,
            key=one.key,
            tries__gte=one.limit.most,
            started__gt=now - one.limit.window,
        ).exists():
            return one.limit
    return None


def forget(limit: Limit, key: str) -> None:
    SignInCounter.objects.filter(scope=limit.scope, key=key).delete()


def paused_for(classroom_id: int, now: datetime | None = None) -> int:
    """How many addresses the class's own sign-in page is paused for now."""
    now = now or timezone.now()
    return SignInCounter.objects.filter(
        scope=CLASS_ADDRESS.scope,
        classroom_id=classroom_id,
        tries__gte=CLASS_ADDRESS.most,
        started__gt=now - CLASS_ADDRESS.window,
    ).count()


def resume(classroom_id: int) -> int:
    """The teacher lets the class sign in again: every count of its page starts over."""
    return SignInCounter.objects.filter(
        scope=CLASS_ADDRESS.scope, classroom_id=classroom_id
    ).delete()[0]


def purge(now: datetime) -> int:
    """Delete the counters whose window has passed; how many."""
    old = Q(pk__in=[])
    for limit in LIMITS:
        old |= Q(scope=limit.scope, started__lte=now - limit.window)
    return SignInCounter.objects.filter(old).delete()[0]


def _locked_rows(tries: tuple[Try, ...], now: datetime) -> dict[tuple[str, str], SignInCounter]:
    SignInCounter.objects.bulk_create(
        [
            SignInCounter(scope=t.limit.scope, key=t.key, classroom_id=t.classroom_id, started=now)
            for t in tries
        ],
        ignore_conflicts=True,
    )
    wanted = Q(pk__in=[])
    for one in tries:
        wanted |= Q(scope=one.limit.scope, key=one.key)
    # Locked in one order by every request, so two never wait on each other.
    found = SignInCounter.objects.select_for_update().filter(wanted).order_by("scope", "key")
    return {(row.scope, row.key): row for row in found}
