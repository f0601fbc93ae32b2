"""Server time of the choice-time and insights pages for a class of 36 with a year of
data: 6 saved plans, 180 workshop days, a turn-and-talk a day for every partnership
(3,240 lead turns) and 150 choice-time entries. Target (issue 13): ≤ 100 ms.
Requests go through Django's full stack in-process on a fresh SQLite database.

    .venv/bin/python benchmarks/natural.py [--repeats 20] [--out benchmarks/natural.md]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

SIZE, PLANS, DAYS, ENTRIES = 36, 6, 180, 150


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--out", type=Path, help="also write the table (Markdown) here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        os.environ["PARTNERUP_DATA_DIR"] = data
        os.environ.pop("DATABASE_URL", None)
        os.environ["DJANGO_SETTINGS_MODULE"] = "partnerup.settings"
        table = _measure(args.repeats)
    print(table)
    if args.out:
        args.out.write_text(table + "\n")
    return 0


def _measure(repeats: int) -> str:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from partnerup.choicetime.models import ChoiceTimePartnership
    from partnerup.classes.keys import student_key
    from partnerup.classes.models import Classroom
    from partnerup.classes.roster_import import load_roster
    from partnerup.engine.synthetic import synthetic_class
    from partnerup.workshop.models import LeadTurn, WorkshopDay

    call_command("migrate", verbosity=0)
    teacher = get_user_model().objects.create_user("bench", password="x")
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(teacher)
    classroom = Classroom.objects.create(teacher=teacher, name="A year")
    load_roster(classroom, *synthetic_class(SIZE, seed=1))
    pks = list(classroom.students.order_by("pk").values_list("pk", flat=True))

    def pairs(shift: int) -> list[tuple[int, int]]:
        turned = pks[shift:] + pks[:shift]
        return [(turned[i], turned[i + 1]) for i in range(0, SIZE, 2)]

    def arrangement(groups) -> dict:
        return {"groups": [{"members": [student_key(pk) for pk in g]} for g in groups]}

    for n in range(PLANS):
        classroom.plans.create(
            name=f"Unit {n + 1}",
            is_draft=False,
            is_current=n == PLANS - 1,
            saved=timezone.now() - timedelta(days=30 * (PLANS - n)),
            arrangement=arrangement(pairs(n % 3)),
        )
    start = date(2025, 9, 1)
    days = WorkshopDay.objects.bulk_create(
        WorkshopDay(
            classroom=classroom,
            date=start + timedelta(days=d),
            arrangement=arrangement(pairs((d // 30) % 3)),
        )
        for d in range(DAYS)
    )
    LeadTurn.objects.bulk_create(
        LeadTurn(day=day, members="|".join(map(str, sorted(p))), leader_id=p[d % 2])
        for d, day in enumerate(days)
        for p in pairs((d // 30) % 3)
    )
    for n in range(ENTRIES):
        entry = ChoiceTimePartnership.objects.create(
            classroom=classroom, date=start + timedelta(days=n)
        )
        entry.students.set(pairs(1 + n % 2)[n % (SIZE // 2)])
    pages = {
        "insights page": reverse("insights:class", args=[classroom.pk]),
        "choice-time page": reverse("choicetime:log", args=[classroom.pk]),
        "class page (for comparison)": reverse("classes:detail", args=[classroom.pk]),
    }
    lines = [
        f"Server time, one class of {SIZE} with {PLANS} saved plans, {DAYS} workshop days, "
        f"{LeadTurn.objects.count()} lead turns and {ENTRIES} choice-time entries "
        "(SQLite, in-process).",
        "",
        "| request | runs | queries | median ms | max ms | target |",
        "|---|---|---|---|---|---|",
    ]
    for name, url in pages.items():
        client.get(url)
        times = []
        for _ in range(repeats):
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200, (name, response.status_code)
        target = "–" if "comparison" in name else "≤ 100 ms"
        lines.append(
            f"| {name} | {repeats} | {len(queries)} | {statistics.median(times):.0f} "
            f"| {max(times):.0f} | {target} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
