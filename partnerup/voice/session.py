"""A student's session on a shared classroom device: opened by their card, ended by
"I'm done", by inactivity, when the teacher revokes or re-issues the card, or when a
teacher signs in on that browser."""

from __future__ import annotations

import time
from functools import wraps

from django.contrib.auth import logout
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_noop

from .models import SignInCard

SESSION_KEY = "student_card"
IDLE_SECONDS = 15 * 60
SLOW_DOWN = gettext_noop("Too many tries. Wait a few minutes, then ask your teacher.")


def sign_in(request, card: SignInCard) -> None:
    """A fresh session for this student (a teacher signed in on this device is signed
    out). It ends after IDLE_SECONDS without a page, so its row can be purged then."""
    logout(request)
    request.session[SESSION_KEY] = {"card": card.pk, "token": card.token, "seen": time.time()}
    request.session.set_expiry(IDLE_SECONDS)


def sign_out(request) -> None:
    request.session.flush()


def end_student_session(sender, request, user, **kwargs) -> None:
    """A teacher signing in (user_logged_in) ends the student session of that browser:
    Django's login keeps the session's other data."""
    if request is not None and request.session.pop(SESSION_KEY, None) is not None:
        request.session.set_expiry(None)


def current_card(request) -> SignInCard | None:
    data = request.session.get(SESSION_KEY)
    if not data:
        return None
    if time.time() - data.get("seen", 0) > IDLE_SECONDS:
        sign_out(request)
        return None
    card = (
        SignInCard.objects.select_related("student__classroom")
        .filter(pk=data["card"], token=data["token"], is_revoked=False)
        .first()
    )
    if card is None:
        sign_out(request)
        return None
    request.session[SESSION_KEY] = {**data, "seen": time.time()}
    return card


def never_stored(view):
    """Shared devices: no browser or proxy keeps a copy of a student's page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapped


def student_required(view):
    """The view gets the signed-in student's card and speaks its language (whatever the
    device's browser asks for); anyone else gets a 403 that shows nothing but "scan
    your card", in English. No response is stored (never_stored)."""

    @never_stored
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        card = current_card(request)
        with translation.override(card.language if card else "en"):
            if card is None:
                return render(request, "voice/signed_out.html", status=403)
            return view(request, card, *args, **kwargs)

    wrapped.access = "student"  # read by tests/test_scoping.py, as schools/access.py's marks
    return wrapped
