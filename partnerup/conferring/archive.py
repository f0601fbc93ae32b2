"""The conferring part of a class export (class.json's "conferring" section) and of
its restore: the radar's colours and every conference note, students by their ref.

A note written to several students is one entry with their refs, as it was written.
An export made before conferring existed has no section: nothing is restored then.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.db import models

from partnerup.classes.archive import checks
from partnerup.classes.archive.checks import MANY, RestoreError
from partnerup.classes.models import Classroom
from partnerup.voice.checklist import SKILLS

from .models import (
    MOST_DAYS,
    NEXT_STEP_MAX_LENGTH,
    SUPPORT_LEVELS,
    TEXT_MAX_LENGTH,
    ConferenceNote,
    ConferringSettings,
)
from .services import MOST_IN_A_NOTE, members_token

NOTE_FIELDS = ("skill", "support", "compliment", "teaching_point", "next_step")


def conferring_data(classroom: Classroom, ref_of: dict[int, int]) -> dict[str, Any]:
    setting = ConferringSettings.objects.filter(classroom=classroom).first()
    notes: dict[tuple, dict[str, Any]] = {}
    rows = ConferenceNote.objects.filter(classroom=classroom).order_by("date", "created", "pk")
    for note in rows:
        if note.student_id not in ref_of:
            continue
        together = (note.once or f"pk{note.pk}", note.members, note.date)
        entry = notes.setdefault(
            together,
            {"date": note.date.isoformat(), "students": []}
            | {field: getattr(note, field) for field in NOTE_FIELDS},
        )
        entry["students"].append(ref_of[note.student_id])
    return {
        "green_days": setting.green_days if setting else None,
        "yellow_days": setting.yellow_days if setting else None,
        "notes": list(notes.values()),
    }


def restore_conferring(
    classroom: Classroom, payload: dict[str, Any], pk_of: dict[int, int]
) -> None:
    """Raises RestoreError for anything a teacher could not have entered."""
    if payload.get("conferring") is None:
        return
    section = checks.fields(payload["conferring"], "conferring")
    green = checks.whole(section, "green_days", "conferring", 1, MOST_DAYS)
    yellow = checks.whole(section, "yellow_days", "conferring", 1, MOST_DAYS)
    if (green is None) != (yellow is None) or (green is not None and green >= yellow):
        raise RestoreError("conferring: green days must be fewer than yellow days.")
    if green is not None:
        ConferringSettings.objects.create(classroom=classroom, green_days=green, yellow_days=yellow)
    notes = []
    for n, row in enumerate(checks.items(section, "notes", "conferring", MANY), 1):
        notes += _note_rows(classroom, checks.fields(row, f"conference note {n}"), n, pk_of)
    ConferenceNote.objects.bulk_create(notes, batch_size=500)


def _note_rows(classroom, row: dict, n: int, pk_of: dict[int, int]) -> list[models.Model]:
    where = f"conference note {n}"
    refs = checks.items(row, "students", where, MOST_IN_A_NOTE)
    if not refs or not all(checks.is_int(ref) and ref in pk_of for ref in refs):
        raise RestoreError(f"{where}: “students” must list refs of students in the file.")
    pks = sorted({pk_of[ref] for ref in refs})
    if len(pks) != len(refs):
        raise RestoreError(f"{where}: a student is named twice.")
    skill = checks.choice(row, "skill", where, sorted(SKILLS), None)
    values = {
        "date": checks.date(row, "date", where, needed=True),
        "skill": skill,
        "support": checks.choice(row, "support", where, ["", *dict(SUPPORT_LEVELS)], ""),
        "compliment": checks.text(row, "compliment", where, TEXT_MAX_LENGTH),
        "teaching_point": checks.text(row, "teaching_point", where, TEXT_MAX_LENGTH),
        "next_step": checks.text(row, "next_step", where, NEXT_STEP_MAX_LENGTH),
    }
    once, members = secrets.token_urlsafe(16), members_token(pks)
    return [
        ConferenceNote(classroom=classroom, student_id=pk, members=members, once=once, **values)
        for pk in pks
    ]
