"""bin/partnerup-start: migrate, collectstatic, then gunicorn with production settings.
Run here on SQLite (CI runs the same on PostgreSQL, .ci/run) and driven as a teacher
behind a TLS proxy would: tests/production_smoke.py."""

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.production_smoke import teacher_path
from tests.test_serve import free_port
from tests.test_settings_production import SECRET

ROOT = Path(__file__).resolve().parents[1]
START = ROOT / "bin" / "partnerup-start"
PUBLIC = "https://partnerup.myschool.org"
OTHER_NAME = "https://writing.myschool.org"


def wait_for_health(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                assert response.read().decode().strip() == "ok"
                return
        except OSError:
            assert server.poll() is None, "the start script stopped"
            assert time.monotonic() < deadline, "no /healthz answer"
            time.sleep(0.3)


def test_the_start_script_serves_a_teachers_path_behind_a_tls_proxy(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PARTNERUP_DEMO")}
    env.update(
        PYTHON=sys.executable,
        PYTHONPATH=str(ROOT),
        PARTNERUP_DATA_DIR=str(tmp_path),
        PARTNERUP_BIND=f"127.0.0.1:{port}",
        SECRET_KEY=SECRET,
        PARTNERUP_PUBLIC_URL=PUBLIC,
        PARTNERUP_BEHIND_PROXY="true",
        CSRF_TRUSTED_ORIGINS=OTHER_NAME,
    )
    env.pop("DJANGO_SETTINGS_MODULE", None)
    server = subprocess.Popen(
        [str(START)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    steps = []
    try:
        wait_for_health(f"http://127.0.0.1:{port}/healthz", server)
        teacher_path(f"http://127.0.0.1:{port}", PUBLIC, OTHER_NAME, say=steps.append)
    finally:
        server.terminate()
        log = server.communicate(timeout=30)[0]
    assert steps[-1] == "Today: open", log
    assert "partnerup-start: migrating the database" in log
    assert (tmp_path / "partnerup.sqlite3").exists()
    assert (tmp_path / "static" / "staticfiles.json").exists()  # hashed names
    assert len(re.findall(r"Booting worker with pid", log)) == 2
    # Access lines end with the request id; the refused cross-site POST is logged with it.
    assert re.search(r'"GET /classes/\d+/today/ HTTP/1.1" 200 \d+ \d+ms \[[0-9a-f]{32}\]', log)
    assert re.search(r"WARNING \[[0-9a-f]{32}\] django.security.csrf: Forbidden", log), log
