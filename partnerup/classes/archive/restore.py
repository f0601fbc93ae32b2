"""Restoring a class: `restore_class` reads an export back into a NEW class.

read_class_json finds class.json (in the zip, or uploaded alone) and checks its size,
format and version; _Restore then reads its sections in order, creating as it goes,
each value through checks.py. The class's history (plans, days, headline weeks…) is
restored by history.RestoreHistory, which _Restore builds on.
"""

from __future__ import annotations

import dataclasses
import io
import json
import zipfile
import zlib
from typing import Any

from django.conf import settings
from django.db import DataError, IntegrityError, transaction
from django.utils import timezone

from partnerup.choicetime.archive import restore_choice_time
from partnerup.conferring.archive import restore_conferring
from partnerup.engine import (
    EXTERNAL_ID_MAX_LENGTH,
    LEVELS,
    NAME_MAX_LENGTH,
    NAME_STYLES,
    TAG_MAX_LENGTH,
    TALK_STYLES,
    name_key,
    normalise_name,
    student_fields,
)
from partnerup.engine import Student as EngineStudent  # noqa: I001
from partnerup.helpboard.archive import restore_help_board
from partnerup.jobs.archive import restore_jobs
from partnerup.reflections.archive import restore_data as restore_reflections
from partnerup.voice.models import LANGUAGES, Answers, ClassTrait, SignInCard, SurveyQuestion
from partnerup.voice.traits import BY_KEY
from partnerup.workshop.models import Routine, Support

from ..models import Classroom, Rule, Student, classes_for
from . import checks
from .checks import MANY, RestoreError
from .export import FORMAT, STAMPS, VERSION
from .history import RestoreHistory

MAX_FILE_BYTES = 5_000_000  # the zip as uploaded, and class.json inside it
CLASS_NAME_MAX_LENGTH = 120


def restore_class(teacher, data: bytes) -> Classroom:
    """A new class of `teacher` made from an export (the zip, or its class.json).

    Raises RestoreError, with nothing created, for a file that is not a PartnerUp
    export of this version, is too large, or holds anything a teacher could not type.
    """
    payload = read_class_json(data)
    try:
        with transaction.atomic():
            return _Restore(teacher, payload).run()
    except (IntegrityError, DataError) as error:
        raise RestoreError(f"class.json contradicts itself ({error}).") from None
    except (TypeError, ValueError, KeyError, AttributeError, ArithmeticError):
        # Every value is checked before use; this only keeps a file shaped in a way
        # no check foresaw from becoming a server error.
        raise RestoreError("class.json is not as PartnerUp writes it.") from None


def read_class_json(data: bytes) -> dict[str, Any]:
    if len(data) > MAX_FILE_BYTES:
        raise RestoreError("The file is larger than 5 MB: a PartnerUp export is smaller.")
    raw = _class_json_in_zip(data) if data.startswith(b"PK") else data
    try:
        payload = json.loads(raw.decode("utf-8-sig"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise RestoreError(
            "This is not a PartnerUp export: choose the zip that “Download everything” made."
        ) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise RestoreError("This is not a PartnerUp export: class.json is another kind of file.")
    if payload.get("version") != VERSION:
        raise RestoreError(
            f"This export is version {str(payload.get('version'))[:20]}; this PartnerUp "
            f"restores version {VERSION}."
        )
    return payload


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def _class_json_in_zip(data: bytes) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            found = [
                info
                for info in archive.infolist()
                if info.filename.rsplit("/", 1)[-1] == "class.json" and not info.is_dir()
            ]
            if len(found) != 1:
                raise RestoreError(
                    "The zip has no class.json (or more than one): choose the zip that "
                    "“Download everything” made."
                )
            if found[0].file_size > MAX_FILE_BYTES:
                raise RestoreError("class.json is larger than 5 MB: a PartnerUp export is smaller.")
            with archive.open(found[0]) as stream:
                raw = stream.read(MAX_FILE_BYTES + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
            NotImplementedError, RuntimeError):  # fmt: skip
        raise RestoreError("The zip file cannot be opened: it is damaged or not a zip.") from None
    if len(raw) > MAX_FILE_BYTES:
        raise RestoreError("class.json is larger than 5 MB: a PartnerUp export is smaller.")
    return raw


def _roster_fields(row: dict, where: str) -> dict[str, Any]:
    """The student's own roster fields (not classmates), each checked by its kind."""
    default = {f.name: f.default for f in dataclasses.fields(EngineStudent)}
    values: dict[str, Any] = {}
    for field in student_fields("tags"):
        values[field] = checks.tags(row, field, where)
    for field in student_fields("text"):
        values[field] = checks.text(row, field, where, TAG_MAX_LENGTH)
    for field in student_fields("level"):
        values[field] = checks.whole(row, field, where, *LEVELS)
    for field in student_fields("english_level"):
        values[field] = checks.english_level(row, where)
    for field in student_fields("talk"):
        values[field] = checks.choice(row, field, where, TALK_STYLES, default[field])
    for field in student_fields("flag"):
        values[field] = checks.flag(row, field, where)
    return values


def _archived(about: dict) -> dict[str, Any]:
    """Archived or not, and the retention clock: a class archived in the file keeps the
    day it was archived (a file from before the clock existed starts it now), and a
    class whose students' answers were removed says so again."""
    now = timezone.now()
    archived = {
        "is_archived": checks.flag(about, "is_archived", "class"),
        "archived_at": checks.moment(about, "archived_at", "class"),
        "student_data_removed_at": checks.moment(about, "student_data_removed_at", "class"),
    }
    for key in ("archived_at", "student_data_removed_at"):
        if archived[key] is not None and archived[key] > now:
            raise RestoreError(f"class: {key} is later than now.")
    if archived["is_archived"]:
        archived["archived_at"] = archived["archived_at"] or now
    elif archived["archived_at"] is not None:
        raise RestoreError("class: archived_at is set but the class is not archived.")
    return archived


class _Restore(RestoreHistory):
    """One restore: reads class.json's sections in order, creating as it goes (the
    caller's transaction undoes everything if a later section is refused)."""

    def __init__(self, teacher, payload: dict[str, Any]):
        self.teacher, self.payload = teacher, payload
        self.pk_of: dict[int, int] = {}  # student ref → new student id
        self.question_pk: dict[int, int] = {}
        self.plan_pk: dict[int, int] = {}
        self.trait_keys: set[str] = set()
        self.name_keys: set[str] = set()
        self.external_ids: set[str] = set()

    def run(self) -> Classroom:
        about = checks.fields(self.payload.get("class"), "class")
        self.classroom = Classroom.objects.create(
            teacher=self.teacher,
            name=self._free_name(
                checks.text(about, "name", "class", CLASS_NAME_MAX_LENGTH, needed=True)
            ),
            name_display=checks.choice(about, "name_display", "class", NAME_STYLES, "full"),
            **_archived(about),
        )
        if checks.flag(about, "quiet_lead_first", "class"):
            Routine.objects.create(classroom=self.classroom, quiet_lead_first=True)
        rows = checks.items(self.payload, "students", "class.json", MANY)
        most = settings.PARTNERUP_MAX_CLASS_SIZE
        if len(rows) > most:
            raise RestoreError(f"The file has {len(rows)} students; a class holds at most {most}.")
        students = [
            self._student(checks.fields(row, f"student {n}"), n) for n, row in enumerate(rows, 1)
        ]
        self._traits()
        self._questions()
        for student, row in zip(students, rows, strict=True):
            self._student_links(student, row)
        self._rules()
        self._plans()
        self._days()
        self._temporary_partners()
        self._headline_weeks()
        restore_jobs(self.classroom, self.payload, self.plan_pk)
        restore_help_board(self.classroom, self.payload, self._pk)  # the helpboard app's
        restore_conferring(self.classroom, self.payload, self.pk_of)
        restore_choice_time(self.classroom, self.payload, self._refs)
        restore_reflections(self.classroom, self.payload.get("reflections"), self._pk)
        return self.classroom

    def _free_name(self, name: str) -> str:
        # Co-taught classes are on the restorer's list too: never two of one name there.
        taken = set(classes_for(self.teacher).values_list("name", flat=True))
        if name not in taken:
            return name
        for n in range(1, 1000):
            suffix = " (restored)" if n == 1 else f" (restored {n})"
            candidate = name[: CLASS_NAME_MAX_LENGTH - len(suffix)] + suffix
            if candidate not in taken:
                return candidate
        raise RestoreError("You already have too many classes of this name.")

    # --- students

    def _student(self, row: dict, n: int) -> Student:
        where = f"student {n}"
        ref = row.get("ref")
        if not checks.is_int(ref) or ref in self.pk_of:
            raise RestoreError(f"{where}: “ref” must be a number no other student has.")
        name = normalise_name(checks.text(row, "name", where, NAME_MAX_LENGTH, needed=True))
        where = f"student {name}"
        if name_key(name) in self.name_keys:
            raise RestoreError(f"{where}: two students have this name.")
        self.name_keys.add(name_key(name))
        external_id = checks.text(row, "external_id", where, EXTERNAL_ID_MAX_LENGTH)
        if external_id and external_id in self.external_ids:
            raise RestoreError(f"{where}: two students have the school id {external_id}.")
        self.external_ids.add(external_id)
        student = Student.objects.create(
            classroom=self.classroom,
            name=name,
            external_id=external_id,
            teacher_notes=checks.text(row, "teacher_notes", where, 4000, multiline=True),
            **_roster_fields(row, where),
        )
        self.pk_of[ref] = student.pk
        return student

    def _student_links(self, student: Student, row: dict) -> None:
        where = f"student {student.name}"  # as in _student
        for field in student_fields("classmates"):
            pks = self._refs(row, field, where)
            if student.pk in pks:
                raise RestoreError(f"{where}: {field} names the student themself.")
            setattr(student, field, pks)
        partner = row.get("reading_partner")
        student.reading_partner_id = self._pk(partner, where) if partner is not None else None
        if student.reading_partner_id == student.pk:
            raise RestoreError(f"{where}: the reading partner is the student themself.")
        student.save(update_fields=["choices", "avoid", "past_partners", "reading_partner"])
        if row.get("card") is not None:
            card = checks.fields(row["card"], f"{where}: card")
            language = checks.choice(card, "language", f"{where}: card", dict(LANGUAGES), "en")
            SignInCard.objects.create(student=student, language=language)
        if row.get("support") is not None:
            support = checks.fields(row["support"], f"{where}: support")
            Support.objects.create(
                student=student,
                observe_until=checks.date(support, "observe_until", where),
                with_teacher=checks.flag(support, "with_teacher", where),
            )
        if row.get("answers") is not None:
            self._answers(student, checks.fields(row["answers"], f"{where}: answers"), where)

    def _answers(self, student: Student, row: dict, where: str) -> None:
        def traits(field: str) -> list[str]:
            keys = [
                checks.one_text(k, f"{where}: {field}", 40)
                for k in checks.items(row, field, where, 20)
            ]
            # The starter traits count even when the class never listed its own.
            unknown = [key for key in keys if key not in self.trait_keys and key not in BY_KEY]
            if unknown:
                raise RestoreError(f"{where}: {field} names a trait the class does not have.")
            return keys

        survey = checks.fields(row.get("survey", {}), f"{where}: survey")
        answered = {}
        for ref, text in survey.items():
            if not ref.isdigit() or int(ref) not in self.question_pk:
                raise RestoreError(f"{where}: a survey answer is to a question not in the file.")
            answered[str(self.question_pk[int(ref)])] = checks.one_text(
                text, f"{where}: survey", 1000, multiline=True
            )
        Answers.objects.create(
            student=student,
            wanted=traits("wanted"),
            offered=traits("offered"),
            ad_sentence=checks.text(row, "ad_sentence", where, 200, multiline=True),
            answered_ads=self._refs(row, "answered_ads", where),
            tchart_like=checks.text(row, "tchart_like", where, 1000, multiline=True),
            tchart_offer=checks.text(row, "tchart_offer", where, 1000, multiline=True),
            goal=checks.text(row, "goal", where, 80),
            survey=answered,
            **{stamp: checks.moment(row, stamp, where) for stamp in STAMPS},
        )

    def _pk(self, ref: Any, where: str) -> int:
        if not checks.is_int(ref):
            raise RestoreError(f"{where}: this is not a student's ref.")
        if ref not in self.pk_of:
            raise RestoreError(f"{where}: {ref} is not the ref of a student in the file.")
        return self.pk_of[ref]

    def _refs(self, row: dict, field: str, where: str) -> list[int]:
        refs = checks.items(row, field, where, settings.PARTNERUP_MAX_CLASS_SIZE)
        pks = [self._pk(ref, f"{where}: {field}") for ref in refs]
        if len(set(pks)) != len(pks):
            raise RestoreError(f"{where}: {field} names a student twice.")
        return pks

    # --- the class's own lists

    def _traits(self) -> None:
        for n, row in enumerate(checks.items(self.payload, "traits", "class.json", 200), 1):
            where = f"trait {n}"
            trait = checks.fields(row, where)
            key = checks.text(trait, "key", where, 40, needed=True)
            if key in self.trait_keys:
                raise RestoreError(f"{where}: two traits have the key {key}.")
            self.trait_keys.add(key)
            ClassTrait.objects.create(
                classroom=self.classroom,
                key=key,
                en=checks.text(trait, "en", where, 80, needed=True),
                es=checks.text(trait, "es", where, 80),
                offer_en=checks.text(trait, "offer_en", where, 80),
                offer_es=checks.text(trait, "offer_es", where, 80),
                icon=checks.choice(trait, "icon", where, BY_KEY, None),
                is_on=checks.flag(trait, "is_on", where, default=True),
            )

    def _questions(self) -> None:
        questions = checks.items(self.payload, "survey_questions", "class.json", 200)
        for n, row in enumerate(questions, 1):
            where = f"survey question {n}"
            question = checks.fields(row, where)
            ref = question.get("ref")
            if not checks.is_int(ref) or ref in self.question_pk:
                raise RestoreError(f"{where}: “ref” must be a number no other question has.")
            self.question_pk[ref] = SurveyQuestion.objects.create(
                classroom=self.classroom,
                text=checks.text(question, "text", where, 200, needed=True),
                text_es=checks.text(question, "text_es", where, 200),
            ).pk

    def _rules(self) -> None:
        for n, row in enumerate(checks.items(self.payload, "rules", "class.json", MANY), 1):
            where = f"rule {n}"
            rule = checks.fields(row, where)
            kind = checks.choice(rule, "kind", where, dict(Rule.KINDS), None)
            pks = self._refs(rule, "students", where)
            if len(pks) < 2:
                raise RestoreError(f"{where}: a rule names at least two students.")
            Rule.objects.create(classroom=self.classroom, kind=kind, students=pks)
