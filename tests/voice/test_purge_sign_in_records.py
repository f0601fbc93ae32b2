"""The daily clean-up's sign-in tasks: expired sessions and passed sign-in counts go;
the clock is moved forward instead of waited for."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerup.accounts.limits import CLASS_ADDRESS, CODE_ADDRESS, TEACHER_ACCOUNT
from partnerup.accounts.models import SignInCounter
from partnerup.upkeep.tasks import TASKS
from partnerup.voice.models import SignInCard
from partnerup.voice.session import IDLE_SECONDS


def purge_sign_in_records(now) -> int:
    """What the daily command's session and sign-in-count tasks remove."""
    tasks = dict(TASKS)
    return tasks["sessions"](now) + tasks["sign-in counts"](now)


def a_student_session(classroom) -> str:
    client = Client()
    card = SignInCard.objects.get(student__classroom=classroom, student__name="Ana Ruiz")
    client.get(reverse("voice:card", args=[card.token]))
    return client.session.session_key


def a_count(limit, key: str, started) -> SignInCounter:
    return SignInCounter.objects.create(scope=limit.scope, key=key, tries=3, started=started)


def test_nothing_current_is_purged(room12, alice_client):
    a_student_session(room12)
    a_count(CODE_ADDRESS, "127.0.0.1", timezone.now())
    assert purge_sign_in_records(timezone.now()) == 0
    assert Session.objects.count() == 2 and SignInCounter.objects.count() == 1


def test_a_student_session_is_purged_once_it_has_been_idle_too_long(room12, alice_client):
    student = a_student_session(room12)
    later = timezone.now() + timedelta(seconds=IDLE_SECONDS + 1)
    assert purge_sign_in_records(later) == 1
    assert not Session.objects.filter(session_key=student).exists()
    assert Session.objects.count() == 1  # the teacher's lasts two weeks


def test_every_expired_session_is_purged(room12, alice_client):
    a_student_session(room12)
    assert purge_sign_in_records(timezone.now() + timedelta(days=15)) == 2
    assert not Session.objects.exists()


def test_a_count_is_purged_when_its_window_has_passed(room12):
    start = timezone.now()
    a_count(CODE_ADDRESS, "127.0.0.1", start)
    a_count(TEACHER_ACCOUNT, "alice", start)
    later = start + CODE_ADDRESS.window + timedelta(seconds=1)  # 10 of the teacher's 15 minutes
    assert purge_sign_in_records(later) == 1
    assert list(SignInCounter.objects.values_list("scope", flat=True)) == [TEACHER_ACCOUNT.scope]


def test_a_class_pages_count_is_purged_too(room12):
    SignInCounter.objects.create(
        scope=CLASS_ADDRESS.scope, key="x", classroom=room12, tries=20, started=timezone.now()
    )
    assert purge_sign_in_records(timezone.now() + timedelta(hours=1)) == 1
