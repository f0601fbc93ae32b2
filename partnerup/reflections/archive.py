"""The class's goals, check-ins, reflections and closed flags in the class archive
(classes/archive): written into class.json's "reflections" section with students as
the file's refs, and read back into a restored class, every value checked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from partnerup.classes.archive import checks
from partnerup.classes.archive.checks import MANY, RestoreError
from partnerup.classes.models import Classroom
from partnerup.engine import FACES, FLAG_KINDS, FLAG_REASONS, GOAL_LEVELS
from partnerup.voice.checklist import SKILLS

from .models import (
    GOAL_WORDS_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    SENTENCE_MAX_LENGTH,
    CheckIn,
    ClosedFlag,
    GoalWords,
    Reflection,
)

MOST = MANY * 20  # a year of a class of 36: ~6,500 reflections and as many check-ins


def export_data(classroom: Classroom, ref_of: dict[int, int]) -> dict[str, Any]:
    """The "reflections" section of class.json (rows of students no longer in the class
    are left out)."""
    reflections = list(Reflection.objects.filter(student__classroom=classroom).order_by("on", "pk"))
    kept = [r for r in reflections if r.student_id in ref_of]
    reflection_ref = {r.pk: n for n, r in enumerate(kept, start=1)}

    def refs(pks) -> list[int]:
        return [ref_of[pk] for pk in pks if pk in ref_of]

    return {
        "goal_words": [
            {"student": ref_of[g.student_id], "words": g.words}
            for g in GoalWords.objects.filter(student__classroom=classroom).order_by("pk")
            if g.student_id in ref_of
        ],
        "checkins": [
            {
                "student": ref_of[c.student_id],
                "partner": ref_of[c.partner_id],
                "on": c.on.isoformat(),
                "level": c.level,
                "goal_skill": c.goal_skill,
                "goal_words": c.goal_words,
            }
            for c in CheckIn.objects.filter(student__classroom=classroom).order_by("on", "pk")
            if c.student_id in ref_of and c.partner_id in ref_of
        ],
        "reflections": [
            {
                "ref": reflection_ref[r.pk],
                "student": ref_of[r.student_id],
                "on": r.on.isoformat(),
                "partners": refs(r.partners),
                "comfortable": r.comfortable,
                "partner_helped": r.partner_helped,
                "helped_with": r.helped_with,
                "sentence": r.sentence,
                "wants_talk": r.wants_talk,
            }
            for r in kept
        ],
        "closed_flags": [
            {
                "student": ref_of[f.student_id],
                "partners": refs(f.partners),
                "kind": f.kind,
                "reflections": [reflection_ref[pk] for pk in f.reflections if pk in reflection_ref],
                "template": f.template,
                "times": f.times,
                "note": f.note,
                "closed": f.closed.isoformat(),
            }
            for f in ClosedFlag.objects.filter(classroom=classroom).order_by("closed", "pk")
            if f.student_id in ref_of
        ],
    }


def restore_data(classroom: Classroom, section: Any, pk: Callable[[Any, str], int]) -> None:
    """Create the section's rows in the restored `classroom`; `pk(ref, where)` is the
    new student's id for a ref of the file (or raises RestoreError)."""
    data = checks.fields({} if section is None else section, "reflections")
    for n, row in enumerate(checks.items(data, "goal_words", "reflections", MOST), 1):
        where = f"goal in own words {n}"
        row = checks.fields(row, where)
        GoalWords.objects.create(
            student_id=pk(row.get("student"), where),
            words=checks.text(row, "words", where, GOAL_WORDS_MAX_LENGTH),
        )
    _checkins(data, pk)
    reflection_pk = _reflections(data, pk)
    for n, row in enumerate(checks.items(data, "closed_flags", "reflections", MOST), 1):
        where = f"closed flag {n}"
        row = checks.fields(row, where)
        flag = ClosedFlag.objects.create(
            classroom=classroom,
            student_id=pk(row.get("student"), where),
            partners=_students(row, "partners", where, pk),
            kind=checks.choice(row, "kind", where, FLAG_KINDS, None),
            reflections=[
                _ref(reflection_pk, ref, where) for ref in _list(row, "reflections", where)
            ],
            template=checks.choice(row, "template", where, FLAG_REASONS, None),
            times=_number(row, "times", where, 1, MOST),
            note=checks.text(row, "note", where, NOTE_MAX_LENGTH, multiline=True),
        )
        closed = checks.moment(row, "closed", where)
        if closed is not None:
            ClosedFlag.objects.filter(pk=flag.pk).update(closed=closed)


def _checkins(data: dict, pk) -> None:
    rows = []
    for n, row in enumerate(checks.items(data, "checkins", "reflections", MOST), 1):
        where = f"check-in {n}"
        row = checks.fields(row, where)
        student, partner = pk(row.get("student"), where), pk(row.get("partner"), where)
        if student == partner:
            raise RestoreError(f"{where}: a student checks in on a partner, not themself.")
        rows.append(
            CheckIn(
                student_id=student,
                partner_id=partner,
                on=checks.date(row, "on", where, needed=True),
                level=_number(row, "level", where, min(GOAL_LEVELS), max(GOAL_LEVELS)),
                goal_skill=_skill(row.get("goal_skill", ""), where, allow_empty=True),
                goal_words=checks.text(row, "goal_words", where, GOAL_WORDS_MAX_LENGTH),
            )
        )
    CheckIn.objects.bulk_create(rows)


def _reflections(data: dict, pk) -> dict[int, int]:
    reflection_pk: dict[int, int] = {}
    for n, row in enumerate(checks.items(data, "reflections", "reflections", MOST), 1):
        where = f"reflection {n}"
        row = checks.fields(row, where)
        ref = row.get("ref")
        if not checks.is_int(ref) or ref in reflection_pk:
            raise RestoreError(f"{where}: “ref” must be a number no other reflection has.")
        student = pk(row.get("student"), where)
        partners = _students(row, "partners", where, pk)
        if student in partners:
            raise RestoreError(f"{where}: a student is not their own partner.")
        reflection_pk[ref] = Reflection.objects.create(
            student_id=student,
            on=checks.date(row, "on", where, needed=True),
            partners=partners,
            comfortable=_number(row, "comfortable", where, min(FACES), max(FACES)),
            partner_helped=_number(row, "partner_helped", where, min(FACES), max(FACES)),
            helped_with=[_skill(s, where) for s in _list(row, "helped_with", where, len(SKILLS))],
            sentence=checks.text(row, "sentence", where, SENTENCE_MAX_LENGTH),
            wants_talk=checks.flag(row, "wants_talk", where),
        ).pk
    return reflection_pk


def _list(row: dict, key: str, where: str, most: int = 400) -> list:
    return checks.items(row, key, where, most)


def _students(row: dict, key: str, where: str, pk) -> list[int]:
    pks = [pk(ref, f"{where}: {key}") for ref in _list(row, key, where)]
    if len(set(pks)) != len(pks):
        raise RestoreError(f"{where}: {key} names a student twice.")
    return pks


def _number(row: dict, key: str, where: str, least: int, most: int) -> int:
    value = checks.whole(row, key, where, least, most)
    if value is None:
        raise RestoreError(f"{where}: {key} is a number from {least} to {most}.")
    return value


def _skill(value: Any, where: str, allow_empty: bool = False) -> str:
    if value == "" and allow_empty:
        return value
    if not isinstance(value, str) or value not in SKILLS:
        raise RestoreError(f"{where}: a skill is one of {', '.join(sorted(SKILLS))}.")
    return value


def _ref(reflection_pk: dict[int, int], ref: Any, where: str) -> int:
    if not checks.is_int(ref) or ref not in reflection_pk:
        raise RestoreError(f"{where}: {ref!r} is not the ref of a reflection in the file.")
    return reflection_pk[ref]
