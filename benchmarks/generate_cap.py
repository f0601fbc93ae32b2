"""Web Generate at the class-size cap, and refused above it.

Target (issue 10): Generate answers within its time limit + 0.3 s whatever the class
size. A class of up to PARTNERUP_MAX_CLASS_SIZE (60) is planned; a larger one (which
can exist only if the cap was lowered after it was filled) is refused at once with a
plain message. Requests go through Django's full stack in-process on a fresh SQLite
database, as in benchmarks/web.py.

    .venv/bin/python benchmarks/generate_cap.py [--classes 5] [--out benchmarks/generate_cap.md]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tables import fresh_sqlite  # noqa: E402

SIZES = (60, 61, 200, 400)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classes", type=int, default=5, help="synthetic classes per size")
    parser.add_argument("--out", type=Path, help="also write the table (Markdown) here")
    args = parser.parse_args()
    with fresh_sqlite():
        table = _measure(args.classes)
    print(table)
    if args.out:
        args.out.write_text(table + "\n")
    return 0


def _measure(classes: int) -> str:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from partnerup.classes.models import Classroom
    from partnerup.classes.roster_import import load_roster
    from partnerup.engine.synthetic import synthetic_class
    from partnerup.plans.services import WEB_TIME_LIMIT, WEIGHT_NAMES

    call_command("migrate", verbosity=0)
    teacher = get_user_model().objects.create_user("bench", password="x")
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(teacher)
    form = {
        "strategy": "purposeful",
        "level": "similar",
        "talk": "complement",
        "threes": "on",
        "floaters": "0",
    }
    form.update({f"w_{name}": "2" for name in WEIGHT_NAMES})
    cap = settings.PARTNERUP_MAX_CLASS_SIZE
    rows = []
    for size in SIZES:
        times, planned = [], 0
        for seed in range(classes):
            classroom = Classroom.objects.create(teacher=teacher, name=f"{size}-{seed}")
            settings.PARTNERUP_MAX_CLASS_SIZE = max(cap, size)  # fill it, then plan as usual
            load_roster(classroom, *synthetic_class(size, seed=seed))
            settings.PARTNERUP_MAX_CLASS_SIZE = cap
            start = time.perf_counter()
            response = client.post(reverse("plans:generate", args=[classroom.pk]), form)
            times.append((time.perf_counter() - start) * 1000)
            planned += response.status_code == 302
        outcome = f"planned {planned}/{classes}" if planned else "refused (plain message)"
        rows.append(
            f"| {size} | {outcome} | {statistics.median(times):.0f} | {max(times):.0f} | "
            f"≤ {(WEB_TIME_LIMIT + 0.3) * 1000:.0f} ms |"
        )
    return "\n".join(
        [
            f"Web Generate by class size (cap {cap}), {classes} synthetic classes each "
            "(SQLite, in-process, all weights 'Some', threes allowed).",
            "",
            "| students | outcome | median ms | max ms | target |",
            "|---|---|---|---|---|",
            *rows,
        ]
    )


if __name__ == "__main__":
    raise SystemExit(main())
