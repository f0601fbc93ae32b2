"""The choice-time log in a class's export (class.json's "choice_time") and back.

Called from classes/archive (export.class_data and restore._Restore), so the teacher's
download carries it and a restore brings it back; students are the file's refs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from partnerup.classes.models import Classroom

from .forms import LARGEST
from .models import ChoiceTimePartnership

Refs = Callable[[Iterable[int]], list[int]]


def choice_time_data(classroom: Classroom, refs: Refs) -> list[dict[str, Any]]:
    """Each entry with two or more students still in the class, oldest first."""
    entries = classroom.choice_time.order_by("date", "pk").prefetch_related("students")
    rows = [
        {"date": e.date.isoformat(), "students": refs(sorted(s.pk for s in e.students.all()))}
        for e in entries
    ]
    return [row for row in rows if len(row["students"]) >= 2]


def restore_choice_time(
    classroom: Classroom, payload: dict[str, Any], refs_of: Callable[[dict, str, str], list[int]]
) -> None:
    """The entries of class.json's "choice_time" (none in an older export), each checked:
    a date and two or three students of the file. Raises RestoreError naming the entry."""
    # Here, not at the top: the archive package imports this module.
    from partnerup.classes.archive import checks
    from partnerup.classes.archive.checks import MANY, RestoreError

    for n, row in enumerate(checks.items(payload, "choice_time", "class.json", MANY), 1):
        where = f"choice time {n}"
        entry = checks.fields(row, where)
        on = checks.date(entry, "date", where, needed=True)
        pks = refs_of(entry, "students", where)
        if not 2 <= len(pks) <= LARGEST:
            raise RestoreError(f"{where}: a partnership holds two or three students.")
        saved = ChoiceTimePartnership.objects.create(classroom=classroom, date=on)
        saved.students.set(pks)
