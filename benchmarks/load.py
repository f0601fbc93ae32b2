"""Requests per second and latency for 20 teachers at once on gunicorn and PostgreSQL,
with 1 and with 2 worker processes side by side (issue 15).

It DELETES and re-makes the database named by --database-url (its name must contain
"load"), migrates it from empty and gives each teacher an account and a class of 28-36
synthetic students with a saved plan, three weeks of workshop days and a draft on the
board, through the app's own services. Then it runs bin/partnerup-start (production
settings; plain http on 127.0.0.1, so no HTTPS redirect or HSTS) with 1 worker and then
with 2, on the same database. Each simulated teacher is a thread with its own session:
it signs in through the login form, then walks a teacher's path again and again with no
pause until the time is up (the first --warmup seconds are not counted), pressing
Generate, the expensive request, on one loop in --generate-every. An error is a status
other than 2xx/3xx or a failed request; the script exits 1 if there was any. Client and
server share the machine: the table says how much CPU each used.

    .venv/bin/python benchmarks/load.py [--database-url postgres:///partnerup_load?host=/var/run/postgresql] \
        [--teachers 20] [--seconds 60] [--warmup 10] [--generate-every 5] [--out benchmarks/load.md]
"""  # noqa: E501

from __future__ import annotations

import argparse
import contextlib
import math
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT)]

from tables import emit, machine  # noqa: E402

from tests.production_smoke import Browser, Failed, _Page, wait_until_healthy  # noqa: E402

DATABASE_URL = "postgres:///partnerup_load?host=/var/run/postgresql"
START = ROOT / "bin" / "partnerup-start"
SCHOOL_DAYS = 15  # three weeks of workshop days before today
SMALLEST, LARGEST = 28, 36
PASSWORD = "load-test-" + "x" * 12
# The teacher's path, in order; Generate on one loop in --generate-every.
KINDS = (
    "class list",
    "class page",
    "plan board",
    "Today",
    "mark absent (htmx)",
    "mark back (htmx)",
    "radar",
    "static file (htmx.min.js)",
    "student profile",
    "generate",
)
PLAN_FORM = {
    "strategy": "purposeful",
    "level": "similar",
    "talk": "complement",
    "threes": "on",
    "floaters": 0,
    **{f"w_{w}": 2 for w in ("choices", "interests", "same_goal", "strength_meets_goal")},
    **{f"w_{w}": 2 for w in ("level", "talk", "language")},
}


class Record(NamedTuple):
    kind: str
    started: float  # time.perf_counter() when the request was sent
    seconds: float
    problem: str  # "" when the answer was 2xx or 3xx
    request_id: str  # sent as X-Request-ID; gunicorn's access line ends with it


@dataclass(frozen=True)
class Summary:
    requests: int
    errors: int
    per_second: float
    median_ms: float
    p95_ms: float
    p99_ms: float


def percentile(values: list[float], share: float) -> float:
    """Nearest rank: the smallest value with at least `share` of the values at or below
    it (p95 of 1..100 is 95)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summarise(records: list[Record], seconds: float) -> Summary:
    """Count, errors, requests per second over `seconds`, and latency in milliseconds."""
    ms = [r.seconds * 1000 for r in records]
    return Summary(
        requests=len(records),
        errors=sum(1 for r in records if r.problem),
        per_second=len(records) / seconds,
        median_ms=statistics.median(ms) if ms else math.nan,
        p95_ms=percentile(ms, 0.95),
        p99_ms=percentile(ms, 0.99),
    )


def p95_by_kind(records: list[Record]) -> dict[str, float]:
    by_kind: dict[str, list[float]] = {}
    for r in records:
        by_kind.setdefault(r.kind, []).append(r.seconds * 1000)
    return {kind: percentile(ms, 0.95) for kind, ms in by_kind.items()}


def server_times(log: str) -> dict[str, float]:
    """Milliseconds each request spent in a worker, by request id, from gunicorn's access
    lines ('... 200 5120 12ms [id]'): the time without the wait for a free worker."""
    found = re.finditer(r" (\d+)ms \[([0-9a-f]{32})\]$", log, re.MULTILINE)
    return {match.group(2): float(match.group(1)) for match in found}


def p95_in_worker(records: list[Record], in_worker: dict[str, float]) -> dict[str, float]:
    """p95 by kind of the time in a worker (`server_times`), for the requests logged."""
    logged = [r for r in records if r.request_id in in_worker]
    return p95_by_kind([r._replace(seconds=in_worker[r.request_id] / 1000) for r in logged])


def in_window(records: list[Record], start: float, end: float) -> list[Record]:
    """The requests sent while the clock ran (after the warm-up, before the end)."""
    return [r for r in records if start <= r.started < end]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DATABASE_URL, help="deleted and re-made")
    parser.add_argument("--teachers", type=int, default=20, help="simulated teachers")
    parser.add_argument("--seconds", type=float, default=60, help="measured time per run")
    parser.add_argument("--warmup", type=float, default=10, help="seconds not counted")
    parser.add_argument("--generate-every", type=int, default=5, help="loops per Generate")
    parser.add_argument("--out", type=Path, help="also write the table (Markdown) here")
    args = parser.parse_args()
    args.load_before = os.getloadavg()[0]  # before this benchmark adds its own load
    with tempfile.TemporaryDirectory() as data:
        teachers, postgres = _set_up(args.database_url, args.teachers, Path(data))
        runs = {}
        for workers in (1, 2):
            with _serving(workers, args.database_url, Path(data)) as (base, server, log):
                runs[workers] = _drive(base, server, teachers, args)
            in_worker = server_times(log.read_text())  # complete once the server stopped
            runs[workers].server_p95 = p95_in_worker(runs[workers].counted, in_worker)
    lines = _report(runs, args, postgres)
    emit(lines, args.out)
    return 1 if any(run.problems for run in runs.values()) else 0


# --- the database -------------------------------------------------------------------


class Teacher(NamedTuple):
    username: str
    classroom: int
    students: list[int]
    draft: int


def _set_up(database_url: str, count: int, data: Path) -> tuple[list[Teacher], str]:
    """A fresh database with `count` teachers; returns them and PostgreSQL's version."""
    import psycopg
    from psycopg import sql

    name = psycopg.conninfo.conninfo_to_dict(database_url).get("dbname", "")
    if "load" not in name:  # never a school's own database by mistake
        sys.exit(f"--database-url names {name!r}: use a database with 'load' in its name")
    with psycopg.connect(database_url, dbname="postgres", autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        postgres = admin.execute("SHOW server_version").fetchone()[0].split()[0]
    os.environ.update(
        DATABASE_URL=database_url,
        PARTNERUP_DATA_DIR=str(data),
        DJANGO_SETTINGS_MODULE="partnerup.settings",
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    call_command("migrate", verbosity=0)
    teachers = [_teacher(n) for n in range(count)]
    connections.close_all()  # the server's turn now
    print(f"set up: {count} teachers on {name} (PostgreSQL {postgres})", file=sys.stderr)
    return teachers, postgres


def _teacher(n: int) -> Teacher:
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from partnerup.classes.models import Classroom
    from partnerup.classes.roster_import import load_roster
    from partnerup.engine import synthetic_class
    from partnerup.plans import services as plans
    from partnerup.plans.forms import PlanSettingsForm
    from partnerup.workshop import services as workshop

    user = get_user_model().objects.create_user(f"teacher{n:02}", password=PASSWORD)
    classroom = Classroom.objects.create(teacher=user, name=f"Room {n + 1}")
    load_roster(classroom, *synthetic_class(SMALLEST + n % (LARGEST - SMALLEST + 1), seed=n))
    form = PlanSettingsForm(PLAN_FORM)
    assert form.is_valid(), form.errors
    days = _school_days_before(timezone.localdate(), SCHOOL_DAYS)
    plans.save_as_current(plans.generate(classroom, form.chosen()), "Unit 1", days[0], None)
    pks = list(classroom.students.values_list("pk", flat=True))
    rng = random.Random(n)
    for on in days:
        with transaction.atomic():
            day = workshop.day_for(classroom, on)
            for pk in rng.sample(pks, rng.choice((0, 1, 1, 2, 3))):
                workshop.set_absent(day, pk, True)
    draft = plans.generate(classroom, form.chosen())  # the board a teacher adjusts
    return Teacher(user.username, classroom.pk, pks, draft.pk)


def _school_days_before(today, count: int) -> list:
    days, day = [], today - timedelta(days=1)
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return days[::-1]


# --- the server ---------------------------------------------------------------------


@contextlib.contextmanager
def _serving(workers: int, database_url: str, data: Path) -> Iterator[tuple[str, int, Path]]:
    """bin/partnerup-start with `workers` gunicorn workers; yields its address, its pid
    and its log file."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PARTNERUP_", "DJANGO_"))}
    env.update(
        PYTHON=sys.executable,
        PYTHONPATH=str(ROOT),
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_urlsafe(50),
        PARTNERUP_DATA_DIR=str(data),
        PARTNERUP_PUBLIC_URL=base,
        PARTNERUP_SSL_REDIRECT="false",
        PARTNERUP_HSTS_SECONDS="0",
        PARTNERUP_WORKERS=str(workers),
        PARTNERUP_BIND=f"127.0.0.1:{port}",
    )
    log = data / f"server-{workers}.log"
    with log.open("w") as out:
        server = subprocess.Popen([str(START)], env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until_healthy(base, 120)
        yield base, server.pid, log
    except Failed:
        sys.exit(f"the server did not start:\n{log.read_text()[-3000:]}")
    finally:
        server.terminate()
        server.wait(timeout=60)
    booted = log.read_text().count("Booting worker")
    if booted != workers:  # a worker that died and was replaced mid-run
        sys.exit(f"{booted} workers booted, expected {workers}:\n{log.read_text()[-3000:]}")


# --- the teachers -------------------------------------------------------------------


@dataclass
class Run:
    counted: list[Record]
    summary: Summary
    p95: dict[str, float]
    problems: list[str]
    server_cpu: float  # CPUs the gunicorn processes kept busy on average
    client_cpu: float  # CPUs this script's threads kept busy
    machine_busy: float  # share of all CPUs busy (any process)
    server_p95: dict[str, float] = field(default_factory=dict)  # time in a worker


def _drive(base: str, server: int, teachers: list[Teacher], args) -> Run:
    records: list[Record] = []
    window: dict[str, float] = {}
    ready = threading.Barrier(len(teachers) + 1, action=lambda: _start_clock(window, args))
    threads = [
        threading.Thread(target=_teacher_loop, args=(base, t, n, ready, window, records, args))
        for n, t in enumerate(teachers)
    ]
    for thread in threads:
        thread.start()
    ready.wait(timeout=300)
    time.sleep(max(0.0, window["start"] - time.perf_counter()))
    before = _cpu(server)
    time.sleep(max(0.0, window["end"] - time.perf_counter()))
    after = _cpu(server)
    for thread in threads:
        thread.join()
    counted = in_window(records, window["start"], window["end"])
    wall = after[0] - before[0]
    run = Run(
        counted=counted,
        summary=summarise(counted, args.seconds),
        p95=p95_by_kind(counted),
        problems=[f"{r.kind}: {r.problem}" for r in records if r.problem],
        server_cpu=(after[1] - before[1]) / wall,
        client_cpu=(after[2] - before[2]) / wall,
        machine_busy=1 - (after[3] - before[3]) / (after[4] - before[4]),
    )
    print(f"{len(teachers)} teachers, {base}: {run.summary}", file=sys.stderr)
    for problem in run.problems[:10]:
        print(f"  error: {problem}", file=sys.stderr)
    return run


def _start_clock(window: dict[str, float], args) -> None:
    window["start"] = time.perf_counter() + args.warmup
    window["end"] = window["start"] + args.seconds


def _teacher_loop(base, teacher: Teacher, n: int, ready, window, records, args) -> None:
    browser = Browser(base, base)
    try:
        token = browser.form("/accounts/login/")
        browser.post(
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "username": teacher.username, "password": PASSWORD},
        )
        page, _ = browser.get("/classes/")
        static = next(a for a in _Page(page).assets if "htmx" in a)
        token = browser.form(f"/classes/{teacher.classroom}/plans/")
    except (Failed, OSError, StopIteration) as error:
        records.append(Record("sign in", math.inf, 0.0, str(error) or "no htmx on the page", ""))
        ready.wait(timeout=300)
        return
    ready.wait(timeout=300)
    steps = _Steps(browser, teacher, token, static)
    # Teachers start at different points of the path, so they are not all on the same
    # page at once, and press Generate on different loops.
    position = n
    while time.perf_counter() < window["end"]:
        kind, loop = KINDS[position % len(KINDS)], position // len(KINDS)
        position += 1
        if kind != "generate" or (loop + n) % args.generate_every == 0:
            _timed(records, kind, lambda sent, k=kind, i=loop: steps.take(k, i, sent))


def _timed(records: list[Record], kind: str, request: Callable[[dict], int]) -> None:
    """Send one request with its own id (to find it in the server's log) and record it."""
    request_id = uuid.uuid4().hex
    started = time.perf_counter()
    try:
        status = request({"X-Request-ID": request_id})
        problem = "" if 200 <= status < 400 else f"status {status}"
    except (Failed, OSError) as error:
        problem = str(error) or type(error).__name__
    records.append(Record(kind, started, time.perf_counter() - started, problem, request_id))


class _Steps:
    """One request of the teacher's path by its kind; returns the status."""

    def __init__(self, browser: Browser, teacher: Teacher, token: str, static: str) -> None:
        self.browser, self.teacher, self.token, self.static = browser, teacher, token, static
        self.draft = teacher.draft
        self.home = f"/classes/{teacher.classroom}/"

    def take(self, kind: str, loop: int, headers: dict) -> int:
        student = self.teacher.students[loop % len(self.teacher.students)]
        paths = {
            "class list": "/classes/",
            "class page": self.home,
            "plan board": f"{self.home}plans/{self.draft}/board/",
            "Today": f"{self.home}today/",
            "radar": f"{self.home}conferring/",
            "static file (htmx.min.js)": self.static,
            "student profile": f"{self.home}students/{student}/",
        }
        if kind in paths:
            status, answer, _ = self.browser.request(paths[kind], extra=headers)
            if "/accounts/login/" in answer.get("Location", ""):  # a redirect, but no page
                raise Failed(f"GET {paths[kind]}: sent to sign in again")
            return status
        if kind == "generate":
            return self._generate(headers)
        absent = "yes" if kind == "mark absent (htmx)" else "no"
        values = {"csrfmiddlewaretoken": self.token, "student": student, "absent": absent}
        htmx = {**headers, "HX-Request": "true"}
        status, _, body = self.browser.request(f"{self.home}today/absent/", values, extra=htmx)
        # The repaired board offers the opposite tap for that student: the tap took.
        undo = "no" if absent == "yes" else "yes"
        if status == 200 and f'"student": "{student}", "absent": "{undo}"'.encode() not in body:
            raise Failed(f"marking student {student} absent={absent} did not change Today")
        return status

    def _generate(self, headers: dict) -> int:
        values = {"csrfmiddlewaretoken": self.token, **PLAN_FORM}
        status, answer, _ = self.browser.request(
            f"{self.home}plans/generate/", values, extra=headers
        )
        board = re.search(r"/plans/(\d+)/board/$", answer.get("Location", ""))
        if status == 302 and board:
            self.draft = int(board.group(1))
            return status
        raise Failed(f"generate answered {status} without a new board")


def _cpu(server: int) -> tuple[float, float, float, float, float]:
    """Now: wall clock, CPU seconds of the server's processes and of this script, and the
    machine's idle and total CPU time (from /proc/stat)."""
    with open("/proc/stat") as stat:
        ticks = [int(t) for t in stat.readline().split()[1:]]
    idle, total = ticks[3] + ticks[4], sum(ticks[:8])
    return time.perf_counter(), _tree_cpu(server), time.process_time(), idle, total


def _tree_cpu(root: int) -> float:
    """CPU seconds of process `root` and its children (gunicorn's master and workers)."""
    seconds = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(entry.name) == root or int(fields[1]) == root:
            seconds += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return seconds


# --- the table ----------------------------------------------------------------------


def _report(runs: dict[int, Run], args, postgres: str) -> list[str]:
    one, two = runs[1], runs[2]
    sent = {workers: Counter(r.kind for r in run.counted) for workers, run in runs.items()}
    rows = [
        ("requests", "{:d}", "requests"),
        ("requests per second", "{:.1f}", "per_second"),
        ("median ms", "{:.0f}", "median_ms"),
        ("p95 ms", "{:.0f}", "p95_ms"),
        ("p99 ms", "{:.0f}", "p99_ms"),
    ]
    return [
        f"{args.teachers} simulated teachers at once on gunicorn (bin/partnerup-start, "
        f"production settings) and PostgreSQL {postgres}: {args.seconds:.0f} s measured "
        f"after {args.warmup:.0f} s of warm-up, both runs on the same database.",
        "",
        "| | 1 worker | 2 workers |",
        "|---|---|---|",
        *(
            f"| {label} | {form.format(getattr(one.summary, name))} "
            f"| {form.format(getattr(two.summary, name))} |"
            for label, form, name in rows
        ),
        f"| errors (warm-up included) | {len(one.problems)} | {len(two.problems)} |",
        f"| server CPU (CPUs kept busy) | {one.server_cpu:.2f} | {two.server_cpu:.2f} |",
        f"| client CPU (CPUs kept busy) | {one.client_cpu:.2f} | {two.client_cpu:.2f} |",
        f"| machine busy (all CPUs, any process) | {one.machine_busy:.0%} "
        f"| {two.machine_busy:.0%} |",
        "",
        "p95 by request, ms: the answer as the teacher waits for it, and the time in a "
        "worker (gunicorn's access log) without the wait for a free worker.",
        "",
        "| request | requests (1 / 2 workers) | 1 worker: answer | in a worker "
        "| 2 workers: answer | in a worker |",
        "|---|---|---|---|---|---|",
        *(
            f"| {kind} | {sent[1][kind]} / {sent[2][kind]} "
            f"| {_ms(one.p95, kind)} | {_ms(one.server_p95, kind)} "
            f"| {_ms(two.p95, kind)} | {_ms(two.server_p95, kind)} |"
            for kind in KINDS
        ),
        "",
        _path_note(args),
        "",
        _meaning(runs, args),
        "",
        machine(
            "client and server on the same machine (the client's threads, gunicorn and "
            "PostgreSQL share its CPUs, with whatever else runs)"
        ),
    ]


def _ms(p95: dict[str, float], kind: str) -> str:
    value = p95.get(kind, math.nan)
    return "–" if math.isnan(value) else f"{value:.0f}"


def _path_note(args) -> str:
    return (
        f"Each teacher has a class of {SMALLEST}-{LARGEST} synthetic students, a saved plan, "
        f"{SCHOOL_DAYS} school days of Today with absences and a draft plan. A teacher signs "
        "in once, then repeats without a pause: the class list, the class page, the plan "
        "board, Today, marks a student absent and back (two htmx taps that repair the day), "
        "the conferring radar, htmx.min.js (a static file), a student's profile, and on "
        f"one loop in {args.generate_every} Generate (1 request in "
        f"{9 * args.generate_every + 1}). A teacher's requests are sent one at a time."
    )


def _meaning(runs: dict[int, Run], args) -> str:
    one, two = runs[1].summary, runs[2].summary
    best = max(one.per_second, two.per_second)
    in_worker = {k: v for k, v in runs[2].server_p95.items() if not math.isnan(v)}
    slowest = max(in_worker, key=in_worker.__getitem__, default="–")
    return (
        "What it means for a school: the simulated teachers never pause, so the server is "
        "always busy and each request waits for the ones ahead of it; most of the answer "
        "times above is that wait (the median is close to teachers ÷ requests per second), "
        "and the work itself is the 'in a worker' column. The figure that matters is "
        f"requests per second: {one.per_second:.0f} with 1 worker and "
        f"{two.per_second:.0f} with 2 ({two.per_second / one.per_second:.1f}×), on a "
        "machine whose 2 CPUs also run PostgreSQL and the simulated teachers. A teacher "
        "running writing workshop sends about one request every 10 seconds (a tap on "
        f"Today, the next page), so {best:.0f} requests per second is about "
        f"{best * 10:.0f} teachers using PartnerUp at the same moment before requests "
        "queue. A school sets PARTNERUP_WORKERS to the number of CPUs its server has. The "
        f"slowest request in a worker was {slowest} (p95 {_ms(in_worker, slowest)} ms "
        "with 2 workers)." + _shared_machine_warning(args.load_before)
    )


def _shared_machine_warning(load_before: float) -> str:
    """Said when the machine was already busy before the benchmark started (its own
    server and teachers keep the load near the number of CPUs while it runs)."""
    cpus = os.cpu_count() or 1
    if load_before <= cpus / 2:
        return f" The machine was quiet before the runs (load average {load_before:.1f})."
    return (
        f" The load average was already {load_before:.1f} before the runs, on {cpus} CPUs: "
        "other work shared the machine, so these numbers are lower than the server can "
        "do; run it again on a quiet machine."
    )


if __name__ == "__main__":
    raise SystemExit(main())
