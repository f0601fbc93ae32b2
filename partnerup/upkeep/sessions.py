"""Expired sessions: every sign-in (a teacher's, a student's card, a failed guess's)
leaves a session row that Django never removes on its own."""

from __future__ import annotations

import datetime as dt
from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session


def remove_expired_sessions(now: dt.datetime) -> int:
    """Sessions expired by `now`. The database engines (PartnerUp's) are counted and
    cleared here with the clock given; any other engine clears itself, uncounted."""
    if settings.SESSION_ENGINE in (
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
    ):
        return Session.objects.filter(expire_date__lt=now).delete()[0]
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
    return 0
