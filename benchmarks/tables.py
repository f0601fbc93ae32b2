"""What the benchmarks share: the machine line under a table, writing it, timing a
call, and a fresh SQLite database for the web benchmarks."""

from __future__ import annotations

import contextlib
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any


def machine(extra: str = "") -> str:
    """'CPython 3.11.7[, extra], on 2 CPUs (x86_64), load average 1.2 when it ended'."""
    python = f"{platform.python_implementation()} {platform.python_version()}"
    return (
        f"{python}{', ' + extra if extra else ''}, on {os.cpu_count()} CPUs "
        f"({platform.machine()}), load average {os.getloadavg()[0]:.1f} when it ended"
    )


def timed(work: Callable[[], Any], runs: int) -> tuple[float, float, float, Any]:
    """Median and slowest wall-clock seconds, median CPU seconds (less disturbed by
    other work on a shared machine), and what the last run returned."""
    wall, cpu = [], []
    result = None
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = work()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(wall), max(wall), statistics.median(cpu), result


def emit(lines: list[str], out: Path | None) -> int:
    """Print the table and write it to `out` when given; the script's exit code."""
    table = "\n".join(lines) + "\n"
    print(table)
    if out:
        out.write_text(table, encoding="utf-8")
    return 0


@contextlib.contextmanager
def fresh_sqlite() -> Iterator[None]:
    """Django's settings on an empty SQLite database in a temporary folder (call
    django.setup() and migrate inside)."""
    with tempfile.TemporaryDirectory() as data:
        os.environ["PARTNERUP_DATA_DIR"] = data
        os.environ.pop("DATABASE_URL", None)
        os.environ["DJANGO_SETTINGS_MODULE"] = "partnerup.settings"
        yield
