"""The daily tasks, in order: `python manage.py daily` runs each and prints a line.

A task is a function `task(now) -> int` (the rows it removed) — or a `Removed(rows,
detail)` to say from where — that is safe to run twice at once (two servers' timers).
Adding one is one line here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from partnerup.accounts import limits

from .retention import Removed, remove_expired_student_data
from .sessions import remove_expired_sessions

Task = Callable[[dt.datetime], "int | Removed"]

TASKS: list[tuple[str, Task]] = [
    ("retention", remove_expired_student_data),
    ("sessions", remove_expired_sessions),
    ("sign-in counts", limits.purge),
]
