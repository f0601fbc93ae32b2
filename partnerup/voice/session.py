"""A student's session on a shared classroom device: opened by their card, ended by
"I'm done", by inactivity, or when the teacher revokes or re-issues the card."""

from __future__ import annotations

import time
from datetime import timedelta
from functools import wraps

from django.contrib.auth import logout
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from partnerup.clientaddress import client_address

from .models import SignInAttempt, SignInCard

SESSION_KEY = "student_card"
IDLE_SECONDS = 15 * 60
# A whole school often shares one network address, so one device (a browser session)
# gets few tries and the address many; either limit stops guessing (25**8 codes).
MAX_FAILURES = 10
MAX_FAILURES_PER_ADDRESS = 100
FAILURE_WINDOW = timedelta(minutes=10)
SLOW_DOWN = gettext_noop("Too many tries. Wait a few minutes, then ask your teacher.")


def sign_in(request, card: SignInCard) -> None:
    """A fresh session for this student (a teacher signed in on this device is signed out)."""
    logout(request)
    request.session[SESSION_KEY] = {"card": card.pk, "token": card.token, "seen": time.time()}


def sign_out(request) -> None:
    request.session.flush()


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


def student_required(view):
    """The view gets the signed-in student's card and speaks its language (whatever the
    device's browser asks for); anyone else gets a 403 that shows nothing but "scan
    your card", in English."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        card = current_card(request)
        with translation.override(card.language if card else "en"):
            if card is None:
                return render(request, "voice/signed_out.html", status=403)
            return view(request, card, *args, **kwargs)

    wrapped.access = "student"  # read by tests/test_scoping.py, as schools/access.py's marks
    return wrapped


def _device(request) -> str:
    if not request.session.session_key:
        request.session.save()
    return request.session.session_key


def too_many_failures(request) -> bool:
    recent = SignInAttempt.objects.filter(created__gte=timezone.now() - FAILURE_WINDOW)
    return (
        recent.filter(device=_device(request)).count() >= MAX_FAILURES
        or recent.filter(address=client_address(request)).count() >= MAX_FAILURES_PER_ADDRESS
    )


def record_failure(request) -> None:
    SignInAttempt.objects.filter(created__lt=timezone.now() - FAILURE_WINDOW).delete()
    SignInAttempt.objects.create(address=client_address(request), device=_device(request))
