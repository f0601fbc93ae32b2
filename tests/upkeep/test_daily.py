"""`python manage.py daily`: one plain line per task; expired sessions go; a bad
PARTNERUP_RETENTION_DAYS stops it with the setting's name."""

import datetime as dt
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from partnerup.upkeep.sessions import remove_expired_sessions
from partnerup.upkeep.tasks import TASKS
from partnerup.voice.models import Answers
from tests.classes.factories import make_classroom, make_student

ROOT = Path(__file__).resolve().parents[2]


def daily() -> list[str]:
    out = StringIO()
    call_command("daily", stdout=out)
    return out.getvalue().splitlines()


def a_session(expires: dt.datetime) -> str:
    store = SessionStore()
    store["seen"] = True
    store.create()
    Session.objects.filter(pk=store.session_key).update(expire_date=expires)
    return store.session_key


@pytest.mark.django_db
def test_the_command_says_what_each_task_removed(alice):
    room = make_classroom(alice, is_archived=True)
    room.set_archived(True, timezone.now() - dt.timedelta(days=61))
    Answers.objects.create(student=make_student(room, name="Ana"), ad_sentence="I like horses.")
    a_session(timezone.now() - dt.timedelta(days=1))
    a_session(timezone.now() - dt.timedelta(days=2))
    assert daily() == [
        "retention: removed 1 row from 1 class archived 60+ days",
        "sessions: removed 2 rows",
        "sign-in counts: removed 0 rows",
    ]
    assert daily() == [
        "retention: removed 0 rows from 0 classes archived 60+ days",
        "sessions: removed 0 rows",
        "sign-in counts: removed 0 rows",
    ]


def test_retention_runs_first_then_expired_sessions_then_sign_in_counts():
    assert [name for name, _ in TASKS] == ["retention", "sessions", "sign-in counts"]


@pytest.mark.django_db
def test_only_sessions_expired_by_then_are_removed():
    now = timezone.now()
    old = a_session(now - dt.timedelta(minutes=1))
    live = a_session(now + dt.timedelta(days=13))
    assert remove_expired_sessions(now) == 1
    assert list(Session.objects.values_list("pk", flat=True)) == [live]
    assert old != live


@pytest.mark.django_db
def test_a_session_expires_for_a_clock_moved_past_it():
    now = timezone.now()
    a_session(now + dt.timedelta(days=13))
    assert remove_expired_sessions(now + dt.timedelta(days=14)) == 1


def run(code: list[str], tmp_path, **env) -> subprocess.CompletedProcess:
    environment = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **env}
    environment["DJANGO_SETTINGS_MODULE"] = "partnerup.settings"
    environment["PARTNERUP_DATA_DIR"] = str(tmp_path)
    return subprocess.run(
        [sys.executable, *code], capture_output=True, text=True, env=environment, cwd=ROOT
    )


@pytest.mark.parametrize("value", ["-1", "abc", "6O", " 60", "1.5", ""], ids=repr)
def test_a_bad_retention_setting_refuses_to_start_and_names_it(value, tmp_path):
    result = run(["manage.py", "daily"], tmp_path, PARTNERUP_RETENTION_DAYS=value)
    assert result.returncode != 0 and result.stdout == ""
    assert f"PARTNERUP_RETENTION_DAYS must be a whole number from 0, not {value!r}" in (
        result.stderr
    )


@pytest.mark.parametrize("value, days", [(None, "60"), ("0", "0"), ("365", "365")])
def test_the_setting_is_60_days_unless_the_school_sets_it(value, days, tmp_path):
    env = {} if value is None else {"PARTNERUP_RETENTION_DAYS": value}
    code = "import django; django.setup(); from django.conf import settings as s; "
    result = run(["-c", code + "print(s.PARTNERUP_RETENTION_DAYS)"], tmp_path, **env)
    assert result.stdout.strip() == days, result.stderr
