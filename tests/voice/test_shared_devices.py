"""A classroom device passes from child to child and to the teacher: nothing of a
student's page is stored, and a teacher signing in ends the student's session."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerup.voice.guesses import page_for
from partnerup.voice.models import SignInCard
from partnerup.voice.session import IDLE_SECONDS, SESSION_KEY
from tests.voice.test_student_pages import STUDENT_PAGES


def student_device(classroom, name: str) -> Client:
    client = Client()
    card = SignInCard.objects.get(student__classroom=classroom, student__name=name)
    assert client.get(reverse("voice:card", args=[card.token])).status_code == 302
    return client


def never_stored(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.parametrize("page", STUDENT_PAGES)
def test_a_students_page_is_never_stored(room12, page):
    assert never_stored(student_device(room12, "Ana Ruiz").get(reverse(page)))


def test_the_scan_your_card_page_is_never_stored(room12):
    response = Client().get(reverse("voice:home"))
    assert response.status_code == 403 and never_stored(response)


def test_the_code_pages_and_the_card_link_are_never_stored(room12):
    card = SignInCard.objects.get(student__name="Ana Ruiz")
    class_page = reverse("voice:class_code", args=[page_for(room12).key])
    for response in (
        Client().get(reverse("voice:code")),
        Client().get(class_page),
        Client().post(class_page, {"code": "AAAAAAAA"}),
        Client().get(reverse("voice:card", args=[card.token])),
        Client().get(reverse("voice:card", args=["not-a-card"])),
        student_device(room12, "Ana Ruiz").post(reverse("voice:done")),
    ):
        assert never_stored(response), response.request["PATH_INFO"]


def test_a_teacher_signing_in_ends_the_student_session_on_that_browser(room12, alice):
    device = student_device(room12, "Ana Ruiz")
    response = device.post(reverse("login"), {"username": "alice", "password": "pw-alice-123!"})
    assert response.status_code == 302
    assert SESSION_KEY not in device.session
    page = device.get(reverse("voice:home"))
    assert page.status_code == 403 and b"Scan your card" in page.content


def test_a_teacher_signed_in_after_a_student_keeps_the_usual_session_length(room12, alice):
    device = student_device(room12, "Ana Ruiz")
    device.post(reverse("login"), {"username": "alice", "password": "pw-alice-123!"})
    assert device.session.get_expire_at_browser_close() is False
    assert "_session_expiry" not in device.session


def test_a_student_session_row_expires_when_the_student_would_be_signed_out(room12):
    device = student_device(room12, "Ana Ruiz")
    row = Session.objects.get(session_key=device.session.session_key)
    assert row.expire_date <= timezone.now() + timedelta(seconds=IDLE_SECONDS)
