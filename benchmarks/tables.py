"""What the import benchmarks share: the machine line under a table, and writing it."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def machine(extra: str = "") -> str:
    """'CPython 3.11.7[, extra], on 2 CPUs (x86_64), load average 1.2 when it ended'."""
    python = f"{platform.python_implementation()} {platform.python_version()}"
    return (
        f"{python}{', ' + extra if extra else ''}, on {os.cpu_count()} CPUs "
        f"({platform.machine()}), load average {os.getloadavg()[0]:.1f} when it ended"
    )


def emit(lines: list[str], out: Path | None) -> int:
    """Print the table and write it to `out` when given; the script's exit code."""
    table = "\n".join(lines) + "\n"
    print(table)
    if out:
        out.write_text(table, encoding="utf-8")
    return 0
