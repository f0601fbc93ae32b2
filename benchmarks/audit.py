"""What the activity record costs a request: the Today page and writing a note, with
and without the recording middleware, on the support_pages class (36 students, a year
of data; SQLite, in-process).

A teacher's repeated views of a page within ten minutes (the projector's polling, htmx
refreshes) cost one indexed read; the first view of a page in a window, and every
change, add the class's name and the insert.

    .venv/bin/python benchmarks/audit.py [--runs 30] [--out benchmarks/audit.md]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support_pages import _a_year, _counting, _ok  # noqa: E402
from tables import emit, fresh_sqlite, machine, timed  # noqa: E402

MIDDLEWARE = "partnerup.audit.recording.AuditMiddleware"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="requests per row")
    parser.add_argument("--out", type=Path, help="also write the table (Markdown) here")
    args = parser.parse_args()
    with fresh_sqlite():
        lines = _measure(args.runs)
    return emit(lines, args.out)


def _measure(runs: int) -> list[str]:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings
    from django.urls import reverse

    from partnerup.audit import recording

    call_command("migrate", verbosity=0)
    teacher = get_user_model().objects.create_user("bench", password="x")
    classroom, _student, pair, _notes = _a_year(teacher)
    today = reverse("workshop:today", args=[classroom.pk])
    counter = itertools.count()
    client = Client()

    def read_today():
        return client.get(today)

    def write_note():
        values = {"students": list(pair), "skill": "lead", "once": f"run-{next(counter):08d}"}
        url = reverse("conferring:note", args=[classroom.pk])
        return client.post(url, values, HTTP_HX_REQUEST="true")

    plain_key = recording._view_key

    def first_in_its_window(planned, class_id):  # every run a new ten-minute window
        return f"{plain_key(planned, class_id)}|{next(counter)}"

    spent: list[float] = []  # the recording's own time in each request (plan + write)

    def clocked(work):
        def run(*args):
            started = time.perf_counter()
            try:
                return work(*args)
            finally:
                spent.append(time.perf_counter() - started)

        return run

    recording.plan, recording.write = clocked(recording.plan), clocked(recording.write)
    without = [m for m in settings.MIDDLEWARE if m != MIDDLEWARE]
    rows = [
        ("Today page, no activity record", without, read_today, plain_key),
        ("Today page, seen again within ten minutes", None, read_today, plain_key),
        ("Today page, first view in ten minutes", None, read_today, first_in_its_window),
        ("write a note, no activity record", without, write_note, plain_key),
        ("write a note, recorded", None, write_note, plain_key),
    ]
    lines = [
        f"What the activity record adds to a request: {classroom.students.count()} students "
        f"with a year of data (benchmarks/support_pages.py), SQLite, in-process, {runs} runs.",
        "",
        "| request | median ms | median CPU ms | queries | recording's own ms per request |",
        "|---|---|---|---|---|",
    ]
    for name, middleware, request, key in rows:
        recording._view_key = key
        with override_settings(MIDDLEWARE=middleware or settings.MIDDLEWARE):
            client = Client(SERVER_NAME="127.0.0.1")  # its handler loads the middleware
            client.force_login(teacher)
            _ok(request())  # warm, and this window's view recorded
            queries: list = []
            with connection.execute_wrapper(_counting(queries)):
                _ok(request())
            spent.clear()
            median, _slowest, cpu, _ = timed(lambda r=request: _ok(r()), runs)
        own = f"{sum(spent) / runs * 1000:.2f}" if spent else "–"
        lines.append(
            f"| {name} | {median * 1000:.1f} | {cpu * 1000:.1f} | {len(queries)} | {own} |"
        )
    recording._view_key = plain_key
    note = (
        "Wall-clock and CPU times of whole pages vary with the load of the shared machine "
        "(below); the last column times only the middleware's work, which is what the "
        "record adds."
    )
    return [*lines, "", note, "", machine()]


if __name__ == "__main__":
    raise SystemExit(main())
