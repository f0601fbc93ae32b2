"""Logging natural partnerships seen in choice time, listing and deleting them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from partnerup.classes.models import Classroom, lock_class
from partnerup.classes.services import names_of

from .models import ChoiceTimePartnership

LISTED = 60  # the newest entries the page lists


@dataclass(frozen=True)
class Logged:
    pk: int
    date: date
    names: tuple[str, ...]


def log_partnership(classroom: Classroom, on: date, pks: list[int]) -> bool:
    """Keep that these students chose to work together on `on`. With the class locked,
    so a double tap (or a second tablet) keeps it once: False when it was already kept."""
    with transaction.atomic():
        lock_class(classroom)
        wanted = set(pks)
        same_day = classroom.choice_time.filter(date=on).prefetch_related("students")
        if any({s.pk for s in entry.students.all()} == wanted for entry in same_day):
            return False
        entry = ChoiceTimePartnership.objects.create(classroom=classroom, date=on)
        entry.students.set(pks)
    return True


def delete_partnership(entry: ChoiceTimePartnership) -> None:
    """Delete one entry (already scoped to the teacher's class); a second tap finds
    nothing left to delete."""
    with transaction.atomic():
        ChoiceTimePartnership.objects.filter(pk=entry.pk).delete()


def logged(classroom: Classroom, names: dict[int, str] | None = None) -> list[Logged]:
    """The newest entries, each with its students' names (two queries)."""
    names = names_of(classroom) if names is None else names
    entries = list(classroom.choice_time.values_list("pk", "date")[:LISTED])
    members: dict[int, list[int]] = {pk: [] for pk, _ in entries}
    # The students of those entries by id only: no student rows are built.
    through = ChoiceTimePartnership.students.through.objects.filter(
        choicetimepartnership_id__in=list(members)
    )
    for entry, pk in through.values_list("choicetimepartnership_id", "student_id"):
        members[entry].append(pk)
    return [
        Logged(pk, on, tuple(sorted(names[s] for s in members[pk] if s in names)))
        for pk, on in entries
    ]


def described(entry: ChoiceTimePartnership, names: dict[int, str]) -> tuple[str, ...]:
    return tuple(sorted(names[s.pk] for s in entry.students.all() if s.pk in names))


def away_on(classroom: Classroom, on: date) -> set[int]:
    """Students marked away on Today that day (none when Today was not opened)."""
    day = classroom.days.filter(date=on).values_list("absent", flat=True).first()
    return set(day or [])
