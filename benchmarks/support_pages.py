"""Server time of the pages that support partnerships, for a class of 36 with a year
of data.

The class has four saved plans (one a unit, the last current), 180 workshop days with
absences and turn-and-talks, about 400 conference notes (some to partnerships), a
reflection and a goal check-in from each student about twice a week, a year of help
posts, choice-time partnerships and partner jobs. Each request goes through Django's
full stack in-process (middleware, sessions, ORM, templates) on a fresh SQLite
database in a temporary folder: server time without the network.
Target (issue 13): ≤ 100 ms for each page and for writing a note.

    .venv/bin/python benchmarks/support_pages.py [--runs 30] \
        [--out benchmarks/support_pages.md]
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tables import emit, fresh_sqlite, machine, timed  # noqa: E402

SIZE, SCHOOL_DAYS, NOTES, UNITS = 36, 180, 400, 4
SAYS_EVERY = 2  # a student reflects and checks in on every second workshop day
HELP_POSTS, CHOICE_TIME = 1000, 150
TARGET_MS = 100


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="requests per page")
    parser.add_argument("--out", type=Path, help="also write the table (Markdown) here")
    args = parser.parse_args()
    with fresh_sqlite():
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
    _what_students_said(classroom, days, pairs, rng)
    _turns_help_and_choice_time(classroom, days, pairs, rng)
    _partner_jobs(classroom, plans[-1])
    return classroom, pks[0], pairs[0], len(notes)


def _what_students_said(classroom, days, pairs, rng) -> None:
    from partnerup.reflections.models import CheckIn, Reflection

    reflections, checkins = [], []
    for n, on in enumerate(days):
        for pair in pairs:
            for pk in pair:
                if (n + pk) % SAYS_EVERY:
                    continue
                partner = next(p for p in pair if p != pk)
                face = rng.choice((1, 2, 3, 3, 3))
                reflections.append(
                    Reflection(
                        student_id=pk, on=on, partners=[partner], comfortable=face,
                        partner_helped=rng.choice((2, 3)), helped_with=["lead"],
                        wants_talk=rng.random() < 0.01,
                    )
                )  # fmt: skip
                checkins.append(
                    CheckIn(
                        student_id=pk, partner_id=partner, on=on, level=rng.choice((1, 2, 3)),
                        goal_skill="elaboration",
                    )
                )  # fmt: skip
    Reflection.objects.bulk_create(reflections)
    CheckIn.objects.bulk_create(checkins)


def _turns_help_and_choice_time(classroom, days, pairs, rng) -> None:
    from datetime import datetime, time

    from django.utils import timezone

    from partnerup.choicetime.models import ChoiceTimePartnership
    from partnerup.helpboard.models import HelpPost
    from partnerup.workshop.models import LeadTurn

    stored = list(classroom.days.order_by("date"))
    LeadTurn.objects.bulk_create(
        LeadTurn(day=day, members="|".join(map(str, sorted(pair))), leader_id=pair[n % 2])
        for n, day in enumerate(stored)
        for pair in pairs
        if len(pair) == 2
    )
    pks = [pk for pair in pairs for pk in pair]
    posts = []
    for n in range(HELP_POSTS):
        at = timezone.make_aware(datetime.combine(days[n * len(days) // HELP_POSTS], time(10)))
        kind = "need" if n % 2 else "offer"
        posts.append(
            HelpPost(
                classroom=classroom, student_id=rng.choice(pks), kind=kind,
                skill=rng.choice(("lead", "spelling", "dialogue")), created=at,
                closed=at if n < HELP_POSTS - 12 else None,
            )
        )  # fmt: skip
    HelpPost.objects.bulk_create(posts)
    for n in range(CHOICE_TIME):
        entry = ChoiceTimePartnership.objects.create(classroom=classroom, date=days[n % len(days)])
        entry.students.set(rng.sample(pks, 2))


def _partner_jobs(classroom, plan) -> None:
    from partnerup.jobs.models import JobChoice
    from partnerup.jobs.services import roles_of

    roles = roles_of(classroom)  # the starter roles, copied into the class
    JobChoice.objects.create(classroom=classroom, plan=plan, roles=[r.pk for r in roles[:2]])


def _measure(runs: int) -> list[str]:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from partnerup.conferring.services import url_token
    from partnerup.voice.models import SignInCard

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

    card = SignInCard.objects.create(student_id=student, language="es")
    pupil = Client(SERVER_NAME="127.0.0.1")
    _ok(pupil.get(reverse("voice:card", args=[card.token]), follow=True))

    def page(name, *args):
        return lambda: client.get(reverse(name, args=[*at, *args]))

    pages = {
        "class page": page("classes:detail"),
        "today page": page("workshop:today"),
        "radar (full page)": page("conferring:radar"),
        "who to see today": lambda: client.get(reverse("conferring:today", args=at)),
        "student timeline": lambda: client.get(reverse("conferring:student", args=[*at, student])),
        "partnership timeline": lambda: client.get(
            reverse("conferring:partnership", args=[*at, url_token(pair)])
        ),
        "write a note (htmx, answers the panel)": write_note,
        "goals and reflections": page("reflections:overview"),
        "insights": page("insights:class"),
        "help board": page("helpboard:board"),
        "help board projector": page("helpboard:projector"),
        "partner jobs": page("jobs:index"),
        "choice time": page("choicetime:log"),
        "student: home page": lambda: pupil.get(reverse("voice:home")),
        "student: reflect page": lambda: pupil.get(reverse("voice:reflections:reflect")),
        "student: help page": lambda: pupil.get(reverse("helpboard_student:help")),
    }
    lines = [
        f"Pages that support partnerships, server time: a class of {SIZE} with {SCHOOL_DAYS} "
        f"workshop days, {UNITS} saved plans, {notes} conference notes, "
        f"{_count('reflections.Reflection')} reflections, {_count('reflections.CheckIn')} "
        f"goal check-ins, {HELP_POSTS} help posts and {CHOICE_TIME} choice-time partnerships "
        f"(SQLite, in-process, {runs} runs).",
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


def _count(model: str) -> int:
    from django.apps import apps

    return apps.get_model(model).objects.count()


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
