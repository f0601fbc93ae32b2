"""Server time of the conferring pages for a class of 36 with a year of data.

The class has four saved plans (one a unit, the last current), 180 workshop days with
absences, and about 400 conference notes (some to partnerships). Each request goes
through Django's full stack in-process (middleware, sessions, ORM, templates) on a
fresh SQLite database in a temporary folder: server time without the network.
Target (issue 13): ≤ 100 ms for each page and for writing a note.

    .venv/bin/python benchmarks/conferring_pages.py [--runs 30] \
        [--out benchmarks/conferring_pages.md]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tables import emit, machine, timed  # noqa: E402

SIZE, SCHOOL_DAYS, NOTES, UNITS = 36, 180, 400, 4
TARGET_MS = 100


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="requests per page")
    parser.add_argument("--out", type=Path, help="also write the table (Markdown) here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        os.environ["PARTNERUP_DATA_DIR"] = data
        os.environ.pop("DATABASE_URL", None)
        os.environ["DJANGO_SETTINGS_MODULE"] = "partnerup.settings"
        lines = _measure(args.runs)
    return emit(lines, args.out)


def _a_year(teacher):
    """The class, its plans, days and notes; returns (class, a student, a partnership)."""
    from django.utils import timezone

    from partnerup.classes.models import Classroom
    from partnerup.classes.roster_import import load_roster
    from partnerup.classes.services import class_roster
    from partnerup.conferring.models import ConferenceNote
    from partnerup.conferring.services import current_partnerships, members_token
    from partnerup.engine import PlanSettings, plan_partnerships, plan_to_dict, synthetic_class
    from partnerup.plans.models import Plan
    from partnerup.workshop.models import WorkshopDay

    rng = random.Random(13)
    classroom = Classroom.objects.create(teacher=teacher, name="Room 36")
    load_roster(classroom, *synthetic_class(SIZE, seed=13))
    students, rules = class_roster(classroom)
    pks = list(classroom.students.values_list("pk", flat=True))
    today = timezone.localdate()
    days = []
    day = today - timedelta(days=1)
    while len(days) < SCHOOL_DAYS:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    days.reverse()
    per_unit = SCHOOL_DAYS // UNITS
    plans = []
    for unit in range(UNITS):
        arrangement = plan_to_dict(
            plan_partnerships(students, rules, PlanSettings(seed=unit, time_limit=5.0))
        )
        plans.append(
            Plan.objects.create(
                classroom=classroom,
                name=f"Unit {unit + 1}",
                starts=days[unit * per_unit],
                arrangement=arrangement,
                is_draft=False,
                is_current=unit == UNITS - 1,
                saved=timezone.now(),
            )
        )
    WorkshopDay.objects.bulk_create(
        WorkshopDay(
            classroom=classroom,
            date=on,
            plan=plans[min(n // per_unit, UNITS - 1)],
            absent=rng.sample(pks, rng.choice((0, 1, 1, 2, 3))),
            arrangement=plans[min(n // per_unit, UNITS - 1)].arrangement,
            is_accepted=True,
        )
        for n, on in enumerate(days)
    )
    pairs = current_partnerships(plans[-1])
    notes = []
    while len(notes) < NOTES:
        on = rng.choice(days)
        who = list(rng.choice(pairs)) if rng.random() < 0.3 else [rng.choice(pks)]
        skill = rng.choice(("lead", "ending", "dialogue", "elaboration", "spelling"))
        notes += [
            ConferenceNote(
                classroom=classroom,
                student_id=pk,
                date=on,
                members=members_token(who),
                skill=skill,
                support=rng.choice(("", "model", "coach")),
                compliment="You kept going when it was hard.",
                teaching_point="Writers reread to find the best spot for a detail.",
                next_step=rng.choice(("", "dialogue", "capitals", "Try a list poem")),
                once=f"bench-{len(notes)}",
            )
            for pk in who
        ]
    ConferenceNote.objects.bulk_create(notes)
    return classroom, pks[0], pairs[0], len(notes)


def _measure(runs: int) -> list[str]:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from partnerup.conferring.services import url_token

    call_command("migrate", verbosity=0)
    teacher = get_user_model().objects.create_user("bench", password="x")
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(teacher)
    classroom, student, pair, notes = _a_year(teacher)
    at = [classroom.pk]
    _ok(client.get(reverse("workshop:today", args=at)))  # today's day exists from here on
    counter = iter(range(1_000_000))

    def write_note():
        values = {"students": list(pair), "skill": "lead", "once": f"run-{next(counter):08d}"}
        return client.post(reverse("conferring:note", args=at), values, HTTP_HX_REQUEST="true")

    pages = {
        "radar (full page)": lambda: client.get(reverse("conferring:radar", args=at)),
        "who to see today": lambda: client.get(reverse("conferring:today", args=at)),
        "student timeline": lambda: client.get(reverse("conferring:student", args=[*at, student])),
        "partnership timeline": lambda: client.get(
            reverse("conferring:partnership", args=[*at, url_token(pair)])
        ),
        "today page": lambda: client.get(reverse("workshop:today", args=at)),
        "write a note (htmx, answers the panel)": write_note,
    }
    lines = [
        f"Conferring pages, server time: a class of {SIZE} with {SCHOOL_DAYS} workshop days, "
        f"{UNITS} saved plans and {notes} conference notes (SQLite, in-process, {runs} runs).",
        "",
        "| request | median ms | slowest ms | median CPU ms | queries | target |",
        "|---|---|---|---|---|---|",
    ]
    for name, request in pages.items():
        _ok(request())  # warm: templates compiled, translations loaded
        queries = []
        with connection.execute_wrapper(_counting(queries)):
            _ok(request())
        median, slowest, cpu, _ = timed(lambda r=request: _ok(r()), runs)
        lines.append(
            f"| {name} | {median * 1000:.0f} | {slowest * 1000:.0f} | {cpu * 1000:.0f} "
            f"| {len(queries)} | ≤ {TARGET_MS} ms |"
        )
    note = (
        "Wall-clock times include waiting for a CPU when the machine is shared (see the "
        "load average below); the CPU column is the request's own work."
    )
    return [*lines, "", note, "", machine()]


def _counting(queries: list):
    def wrapper(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    return wrapper


def _ok(response):
    if response.status_code != 200:
        sys.exit(f"benchmark request failed with {response.status_code}")
    if b'class="problem"' in response.content:
        sys.exit("benchmark request was refused: check the values it sends")
    return response


if __name__ == "__main__":
    raise SystemExit(main())
