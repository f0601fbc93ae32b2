"""`partnerup serve --demo` (what `make run` runs): migrate, demo class, serve."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from partnerup import demo
from partnerup.classes.models import Classroom

SCRIPT = Path(sys.executable).with_name("partnerup")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for(url: str, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while True:
        try:
            return get(url)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_demo_migrates_loads_the_demo_class_once_and_serves(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PARTNERUP_DEMO")}
    env["PARTNERUP_DATA_DIR"] = str(tmp_path)
    command = [str(SCRIPT), "serve", "--demo", "--port", str(port)]
    for run in (1, 2):
        server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
        try:
            login = wait_for(f"http://127.0.0.1:{port}/accounts/login/")
            assert "Try the demo class" in login
            css = get(f"http://127.0.0.1:{port}/static/partnerup/site.css")
            assert ":root" in css
        finally:
            server.terminate()
            output = server.communicate(timeout=10)[0]
        assert f"http://127.0.0.1:{port}/" in output
        assert "Try the demo class" in output
        assert ("Loaded the demo class" in output) == (run == 1)
    assert (tmp_path / "partnerup.sqlite3").exists()


def test_without_demo_mode_there_is_no_demo_button(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PARTNERUP_DEMO")}
    env["PARTNERUP_DATA_DIR"] = str(tmp_path)
    server = subprocess.Popen(
        [str(SCRIPT), "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert "Try the demo class" not in wait_for(f"http://127.0.0.1:{port}/accounts/login/")
    finally:
        server.terminate()
        server.communicate(timeout=10)


@pytest.mark.django_db
def test_ensure_demo_is_idempotent_and_loads_the_rules():
    assert demo.ensure_demo() is True
    assert demo.ensure_demo() is False
    classroom = Classroom.objects.get(name=demo.DEMO_CLASS)
    assert classroom.students.count() == 24
    assert classroom.rules.count() == 3
    assert not classroom.teacher.has_usable_password()


@pytest.mark.django_db
def test_the_demo_class_opens_with_a_current_plan_history_and_answers():
    from datetime import date

    from partnerup.voice.models import Answers
    from partnerup.workshop.models import LeadTurn

    demo.ensure_demo()
    classroom = Classroom.objects.get(name=demo.DEMO_CLASS)
    plan = classroom.current_plan
    assert plan is not None and not plan.is_draft
    days = list(classroom.days.order_by("date"))
    assert len(days) == 3 and all(d.date.weekday() < 5 and d.date < date.today() for d in days)
    assert all(len(d.absent) == 1 and d.is_accepted for d in days)
    assert LeadTurn.objects.filter(day__classroom=classroom).count() > 0
    assert Answers.objects.filter(student__classroom=classroom, ad_at__isnull=False).count() == 4
    ben = classroom.students.get(name="Ben")
    assert [classroom.students.get(pk=pk).name for pk in ben.choices] == ["Liam", "Marco", "Noah"]


@pytest.mark.django_db
def test_the_home_page_offers_the_demo_only_in_demo_mode(client, settings):
    settings.DEMO_MODE = False
    assert "Try the demo class" not in client.get("/").content.decode()
    settings.DEMO_MODE = True
    assert "Try the demo class" in client.get("/").content.decode()
