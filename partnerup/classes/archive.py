"""Everything a class holds as one download, and a new class made again from it.

`export_class` writes a zip: spreadsheets for the teacher to read (CSV in UTF-8 with a
byte-order mark, so Excel shows accents; every cell formula-safe) and class.json, the
whole class in a versioned format that `restore_class` reads back into a NEW class.

Inside class.json each student has a "ref", a number local to the file, and every
reference to a student uses it: classmates' lists, rules, answers, absences, lead
turns, headline groups and notes. Stored engine arrangements keep their shape
(engine.plan_to_dict) with each student written as `keys.student_key(ref)`, so the
engine's sentences (reasons, clashes) name students without a typed name in them, and
restore turns each key into the new student's. Sign-in cards are written as their
language only: a restored class gets new cards, so an old card opens nothing.

Restore trusts nothing in the file: sizes and counts are bounded, every text is checked
as a typed one would be (engine.names.refused_character and the field's length), names
are unique by name_key, and every ref must be a student of the file. Any problem raises
RestoreError with a plain message, and nothing is created (one transaction).
"""

from __future__ import annotations

import io
import json
import math
import zipfile
import zlib
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.db import DataError, IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from partnerup import engine
from partnerup.engine.errors import InputError
from partnerup.engine.names import (
    EXTERNAL_ID_MAX_LENGTH,
    NAME_MAX_LENGTH,
    TAG_MAX_LENGTH,
    name_key,
    normalise_name,
    refused_character,
)
from partnerup.plans.export import rows_to_csv
from partnerup.plans.models import Plan
from partnerup.voice.models import LANGUAGES, Answers, ClassTrait, SignInCard, SurveyQuestion
from partnerup.voice.traits import BY_KEY
from partnerup.workshop.models import (
    HeadlineNote,
    HeadlineWeek,
    LeadTurn,
    Routine,
    Support,
    TemporaryPartners,
    WorkshopDay,
)

from .keys import key_pk, map_arrangement, shown, student_key
from .models import Classroom, Rule, Student

FORMAT, VERSION = "partnerup-class", 1
MAX_FILE_BYTES = 5_000_000  # the zip as uploaded, and class.json inside it
CLASS_NAME_MAX_LENGTH = 120
MANY = 5000  # plans, days, weeks, lead turns of one day…: far above a school year's
BOM = "\ufeff"
PLAN_STATUSES = ("optimal", "feasible", "infeasible", "edited")
ROLE_LETTERS = ("", "A", "B", "C")
STAMPS = ("chose_at", "ad_at", "tchart_at", "goal_at", "survey_at")


class RestoreError(Exception):
    """The file cannot be restored; the message says why in plain words."""


# ---------------------------------------------------------------- export


def export_class(classroom: Classroom) -> bytes:
    """The class as a zip: class.json (restorable) and one CSV per kind of record."""
    data = class_data(classroom)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README)
        for file_name, rows in class_sheets(data).items():
            archive.writestr(file_name, BOM + rows_to_csv(rows))
        archive.writestr("class.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return buffer.getvalue()


README = """PartnerUp export

The .csv files open in Excel, Google Sheets or Numbers: one file per kind of record.
class.json is the whole class; in PartnerUp, My classes > Restore a class makes the
class again from this zip (students get new sign-in cards).
"""


def class_data(classroom: Classroom) -> dict[str, Any]:
    """The class as class.json holds it (see the module docstring)."""
    students = list(
        classroom.students.select_related("card", "answers", "support").order_by("name", "pk")
    )
    ref_of = {s.pk: ref for ref, s in enumerate(students, start=1)}
    questions = list(classroom.survey_questions.order_by("pk"))
    question_ref = {q.pk: ref for ref, q in enumerate(questions, start=1)}
    plans = list(classroom.plans.order_by("created", "pk"))
    plan_ref = {p.pk: ref for ref, p in enumerate(plans, start=1)}
    routine = Routine.objects.filter(classroom=classroom).first()

    def refs(pks: Iterable[int]) -> list[int]:
        return [ref_of[pk] for pk in pks if pk in ref_of]

    def arrangement(stored: dict) -> dict:
        return _arrangement_with(stored, ref_of)

    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": timezone.now().isoformat(),
        "class": {
            "name": classroom.name,
            "is_archived": classroom.is_archived,
            "quiet_lead_first": bool(routine and routine.quiet_lead_first),
        },
        "students": [_student_data(s, ref_of, question_ref, refs) for s in students],
        "rules": [
            {"kind": rule.kind, "students": refs(rule.students)}
            for rule in classroom.rules.order_by("pk")
            if len(refs(rule.students)) >= 2
        ],
        "traits": [
            {"key": t.key, "en": t.en, "es": t.es, "icon": t.icon, "is_on": t.is_on}
            for t in classroom.traits.order_by("pk")
        ],
        "survey_questions": [
            {"ref": question_ref[q.pk], "text": q.text, "text_es": q.text_es} for q in questions
        ],
        "plans": [
            {
                "ref": plan_ref[p.pk],
                "name": p.name,
                "starts": _iso(p.starts),
                "ends": _iso(p.ends),
                "is_draft": p.is_draft,
                "is_current": p.is_current,
                "created": _iso(p.created),
                "saved": _iso(p.saved),
                "settings": p.settings,
                "arrangement": arrangement(p.arrangement),
            }
            for p in plans
        ],
        "days": [
            {
                "date": _iso(day.date),
                "plan": plan_ref.get(day.plan_id),
                "absent": refs(day.absent),
                "is_accepted": day.is_accepted,
                "turns_done": day.turns_done,
                "arrangement": arrangement(day.arrangement),
                "lead_turns": _turns_data(day, ref_of),
            }
            for day in classroom.days.order_by("date").prefetch_related("turns")
        ],
        "temporary_partners": [
            {
                "starts": _iso(t.starts),
                "ends": _iso(t.ends),
                "created": _iso(t.created),
                "choosers": refs(t.choosers),
                "arrangement": arrangement(t.arrangement),
            }
            for t in classroom.temporary_partners.order_by("created", "pk")
        ],
        "headline_weeks": [
            {
                "monday": _iso(week.monday),
                "groups": [refs(group) for group in week.groups if refs(group)],
                "notes": [
                    {
                        "student": ref_of[note.student_id],
                        "plus_one": note.plus_one,
                        "plus_two": note.plus_two,
                        "wish": note.wish,
                    }
                    for note in week.notes.order_by("pk")
                ],
            }
            for week in classroom.headlines.order_by("monday").prefetch_related("notes")
        ],
    }


def _student_data(student: Student, ref_of, question_ref, refs) -> dict[str, Any]:
    card = getattr(student, "card", None)
    support = getattr(student, "support", None)
    answers = getattr(student, "answers", None)
    level = student.english_level
    return {
        "ref": ref_of[student.pk],
        "name": student.name,
        "external_id": student.external_id,
        "level": student.level,
        "goals": student.goals,
        "strengths": student.strengths,
        "interests": student.interests,
        "home_language": student.home_language,
        "english_level": str(level) if level is not None else None,
        "choices": refs(student.choices),
        "avoid": refs(student.avoid),
        "talk": student.talk,
        "often_absent": student.often_absent,
        "social_support": student.social_support,
        "floater": student.floater,
        "new_student": student.new_student,
        "reading_partner": ref_of.get(student.reading_partner_id),
        "past_partners": refs(student.past_partners),
        "teacher_notes": student.teacher_notes,
        "card": {"language": card.language} if card else None,
        "support": (
            {"observe_until": _iso(support.observe_until), "with_teacher": support.with_teacher}
            if support
            else None
        ),
        "answers": _answers_data(answers, question_ref, refs) if answers else None,
    }


def _answers_data(answers: Answers, question_ref, refs) -> dict[str, Any]:
    survey = {
        str(question_ref[int(pk)]): text
        for pk, text in answers.survey.items()
        if str(pk).isdigit() and int(pk) in question_ref
    }
    return {
        "wanted": answers.wanted,
        "offered": answers.offered,
        "ad_sentence": answers.ad_sentence,
        "answered_ads": refs(answers.answered_ads),
        "tchart_like": answers.tchart_like,
        "tchart_offer": answers.tchart_offer,
        "goal": answers.goal,
        "survey": survey,
        **{stamp: _iso(getattr(answers, stamp)) for stamp in STAMPS},
    }


def _turns_data(day: WorkshopDay, ref_of) -> list[dict[str, Any]]:
    turns = []
    for turn in sorted(day.turns.all(), key=lambda t: t.pk):
        pks = [int(pk) for pk in turn.members.split("|") if pk.isdigit()]
        if pks and all(pk in ref_of for pk in pks) and turn.leader_id in ref_of:
            turns.append({"members": [ref_of[pk] for pk in pks], "leader": ref_of[turn.leader_id]})
    return turns


def _arrangement_with(arrangement: dict, ref_of: dict[int, int]) -> dict:
    """A stored arrangement with each student key turned into the key of their ref
    (a student no longer in the class is left out, as when they are removed)."""

    def rekey(key: str) -> str | None:
        pk = key_pk(key)
        return student_key(ref_of[pk]) if pk in ref_of else None

    as_refs = {pk: student_key(ref) for pk, ref in ref_of.items()}
    return {
        **map_arrangement(arrangement, rekey),
        "conflicts": [shown(str(text), as_refs) for text in arrangement.get("conflicts", [])],
    }


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


# ---------------------------------------------------------------- the spreadsheets


def class_sheets(data: dict[str, Any]) -> dict[str, list[list[Any]]]:
    """One table per CSV file, made from class.json's data (so both say the same)."""
    names = {s["ref"]: s["name"] for s in data["students"]}

    def named(refs: Iterable[int]) -> str:
        return "; ".join(names[ref] for ref in refs if ref in names)

    words = {t["key"]: t["en"] for t in data["traits"]}
    questions = data["survey_questions"]
    plan_names = {p["ref"]: p["name"] or "Draft plan" for p in data["plans"]}
    return {
        "roster.csv": _roster_rows(data["students"], named),
        "rules.csv": [["rule", "students"]]
        + [[dict(Rule.KINDS)[r["kind"]], named(r["students"])] for r in data["rules"]],
        "answers.csv": _answers_rows(data["students"], named, words, questions),
        "plans.csv": [["plan", "starts", "ends", "current", "partnership", "members", "roles"]]
        + [
            [
                plan_names[p["ref"]],
                p["starts"] or "",
                p["ends"] or "",
                _yes(p["is_current"]),
                *partnership,
            ]
            for p in data["plans"]
            for partnership in _partnerships(p["arrangement"], names)
        ],
        "days.csv": [["date", "plan", "away", "partnership", "members"]]
        + [
            [day["date"], plan_names.get(day["plan"], ""), named(day["absent"]), number, members]
            for day in data["days"]
            for number, members, _ in _partnerships(day["arrangement"], names) or [("", "", "")]
        ],
        "lead_turns.csv": [["date", "partnership", "leader"]]
        + [
            [day["date"], named(turn["members"]), names.get(turn["leader"], "")]
            for day in data["days"]
            for turn in day["lead_turns"]
        ],
        "headline_weeks.csv": [["monday", "partners"]]
        + [[w["monday"], named(group)] for w in data["headline_weeks"] for group in w["groups"]],
        "headline_notes.csv": [["monday", "student", "plus one", "plus two", "wish"]]
        + [
            [w["monday"], names[n["student"]], n["plus_one"], n["plus_two"], n["wish"]]
            for w in data["headline_weeks"]
            for n in w["notes"]
        ],
        "temporary_partners.csv": [["starts", "ends", "choosers", "partnership", "members"]]
        + [
            [t["starts"], t["ends"], named(t["choosers"]), number, members]
            for t in data["temporary_partners"]
            for number, members, _ in _partnerships(t["arrangement"], names) or [("", "", "")]
        ],
        "notes.csv": [["name", "teacher notes"]]
        + [[s["name"], s["teacher_notes"]] for s in data["students"] if s["teacher_notes"]],
    }


ROSTER_COLUMNS = [
    "name", "student_id", "level", "goals", "strengths", "interests", "home_language",
    "english_level", "choices", "avoid", "talk", "often_absent", "social_support",
    "floater", "new_student", "reading_partner", "past_partners",
]  # fmt: skip


def _roster_rows(students: list[dict], named: Callable) -> list[list[Any]]:
    """The roster in the import's own columns (student_id is the school's id), so
    the file can be imported again; classmates by name, choices ranked."""
    rows: list[list[Any]] = [ROSTER_COLUMNS]
    for s in students:
        partner = [s["reading_partner"]] if s["reading_partner"] else []
        rows.append(
            [
                s["name"], s["external_id"], s["level"] or "", "; ".join(s["goals"]),
                "; ".join(s["strengths"]), "; ".join(s["interests"]), s["home_language"],
                s["english_level"] or "", named(s["choices"]), named(s["avoid"]), s["talk"],
                _yes(s["often_absent"]), _yes(s["social_support"]), _yes(s["floater"]),
                _yes(s["new_student"]), named(partner), named(s["past_partners"]),
            ]
        )  # fmt: skip
    return rows


def _answers_rows(students, named, words, questions) -> list[list[Any]]:
    header = [
        "name", "wants", "offers", "ad sentence", "answers the ads of", "I'd like in a partner",
        "I can offer", "goal", *(q["text"] for q in questions),
    ]  # fmt: skip
    rows: list[list[Any]] = [header]
    for s in students:
        a = s["answers"]
        if a is None:
            continue
        rows.append(
            [
                s["name"], "; ".join(words.get(k, k) for k in a["wanted"]),
                "; ".join(words.get(k, k) for k in a["offered"]), a["ad_sentence"],
                named(a["answered_ads"]), a["tchart_like"], a["tchart_offer"], a["goal"],
                *(a["survey"].get(str(q["ref"]), "") for q in questions),
            ]
        )  # fmt: skip
    return rows


def _partnerships(arrangement: dict, names: dict[int, str]) -> list[tuple[Any, str, str]]:
    """(number, members, roles) per partnership, then ("floater", name, "") each."""

    def name(key: str) -> str:
        return names.get(key_pk(key) or 0, "")

    rows: list[tuple[Any, str, str]] = []
    for number, group in enumerate(arrangement.get("groups", []), start=1):
        members = "; ".join(name(k) for k in group["members"])
        roles = "; ".join(f"{name(k)}: {role}" for k, role in group.get("roles", {}).items())
        rows.append((number, members, roles))
    rows += [("floater", name(k), "") for k in arrangement.get("floaters", [])]
    return rows


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


# ---------------------------------------------------------------- restore


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


class _Restore:
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
        about = _fields(self.payload.get("class"), "class")
        self.classroom = Classroom.objects.create(
            teacher=self.teacher,
            name=self._free_name(_text(about, "name", "class", CLASS_NAME_MAX_LENGTH, needed=True)),
            is_archived=_flag(about, "is_archived", "class"),
        )
        if _flag(about, "quiet_lead_first", "class"):
            Routine.objects.create(classroom=self.classroom, quiet_lead_first=True)
        rows = _items(self.payload, "students", "class.json", MANY)
        most = settings.PARTNERUP_MAX_CLASS_SIZE
        if len(rows) > most:
            raise RestoreError(f"The file has {len(rows)} students; a class holds at most {most}.")
        students = [self._student(_fields(row, f"student {n}"), n) for n, row in enumerate(rows, 1)]
        self._traits()
        self._questions()
        for student, row in zip(students, rows, strict=True):
            self._student_links(student, row)
        self._rules()
        self._plans()
        self._days()
        self._temporary_partners()
        self._headline_weeks()
        return self.classroom

    def _free_name(self, name: str) -> str:
        taken = set(self.teacher.classrooms.values_list("name", flat=True))
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
        if not _is_int(ref) or ref in self.pk_of:
            raise RestoreError(f"{where}: “ref” must be a number no other student has.")
        name = normalise_name(_text(row, "name", where, NAME_MAX_LENGTH, needed=True))
        where = f"student {name}"
        if name_key(name) in self.name_keys:
            raise RestoreError(f"{where}: two students have this name.")
        self.name_keys.add(name_key(name))
        external_id = _text(row, "external_id", where, EXTERNAL_ID_MAX_LENGTH)
        if external_id and external_id in self.external_ids:
            raise RestoreError(f"{where}: two students have the school id {external_id}.")
        self.external_ids.add(external_id)
        talk = _choice(row, "talk", where, dict(Student.TALK_CHOICES), "balanced")
        student = Student.objects.create(
            classroom=self.classroom,
            name=name,
            external_id=external_id,
            level=_whole(row, "level", where, 1, 4),
            goals=_tags(row, "goals", where),
            strengths=_tags(row, "strengths", where),
            interests=_tags(row, "interests", where),
            home_language=_text(row, "home_language", where, TAG_MAX_LENGTH),
            english_level=_english_level(row, where),
            talk=talk,
            teacher_notes=_text(row, "teacher_notes", where, 4000, multiline=True),
            **{f: _flag(row, f, where) for f in ("often_absent", "social_support")},
            **{f: _flag(row, f, where) for f in ("floater", "new_student")},
        )
        self.pk_of[ref] = student.pk
        return student

    def _student_links(self, student: Student, row: dict) -> None:
        where = f"student {student.name}"  # as in _student
        for field in ("choices", "avoid", "past_partners"):
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
            card = _fields(row["card"], f"{where}: card")
            language = _choice(card, "language", f"{where}: card", dict(LANGUAGES), "en")
            SignInCard.objects.create(student=student, language=language)
        if row.get("support") is not None:
            support = _fields(row["support"], f"{where}: support")
            Support.objects.create(
                student=student,
                observe_until=_date(support, "observe_until", where),
                with_teacher=_flag(support, "with_teacher", where),
            )
        if row.get("answers") is not None:
            self._answers(student, _fields(row["answers"], f"{where}: answers"), where)

    def _answers(self, student: Student, row: dict, where: str) -> None:
        def traits(field: str) -> list[str]:
            keys = [_one_text(k, f"{where}: {field}", 40) for k in _items(row, field, where, 20)]
            # The starter traits count even when the class never listed its own.
            unknown = [key for key in keys if key not in self.trait_keys and key not in BY_KEY]
            if unknown:
                raise RestoreError(f"{where}: {field} names a trait the class does not have.")
            return keys

        survey = _fields(row.get("survey", {}), f"{where}: survey")
        answered = {}
        for ref, text in survey.items():
            if not ref.isdigit() or int(ref) not in self.question_pk:
                raise RestoreError(f"{where}: a survey answer is to a question not in the file.")
            answered[str(self.question_pk[int(ref)])] = _one_text(
                text, f"{where}: survey", 1000, multiline=True
            )
        Answers.objects.create(
            student=student,
            wanted=traits("wanted"),
            offered=traits("offered"),
            ad_sentence=_text(row, "ad_sentence", where, 200, multiline=True),
            answered_ads=self._refs(row, "answered_ads", where),
            tchart_like=_text(row, "tchart_like", where, 1000, multiline=True),
            tchart_offer=_text(row, "tchart_offer", where, 1000, multiline=True),
            goal=_text(row, "goal", where, 80),
            survey=answered,
            **{stamp: _moment(row, stamp, where) for stamp in STAMPS},
        )

    def _pk(self, ref: Any, where: str) -> int:
        if not _is_int(ref):
            raise RestoreError(f"{where}: this is not a student's ref.")
        if ref not in self.pk_of:
            raise RestoreError(f"{where}: {ref} is not the ref of a student in the file.")
        return self.pk_of[ref]

    def _refs(self, row: dict, field: str, where: str) -> list[int]:
        refs = _items(row, field, where, settings.PARTNERUP_MAX_CLASS_SIZE)
        pks = [self._pk(ref, f"{where}: {field}") for ref in refs]
        if len(set(pks)) != len(pks):
            raise RestoreError(f"{where}: {field} names a student twice.")
        return pks

    # --- the class's own lists

    def _traits(self) -> None:
        for n, row in enumerate(_items(self.payload, "traits", "class.json", 200), 1):
            where = f"trait {n}"
            trait = _fields(row, where)
            key = _text(trait, "key", where, 40, needed=True)
            if key in self.trait_keys:
                raise RestoreError(f"{where}: two traits have the key {key}.")
            self.trait_keys.add(key)
            ClassTrait.objects.create(
                classroom=self.classroom,
                key=key,
                en=_text(trait, "en", where, 80, needed=True),
                es=_text(trait, "es", where, 80),
                icon=_choice(trait, "icon", where, BY_KEY, None),
                is_on=_flag(trait, "is_on", where, default=True),
            )

    def _questions(self) -> None:
        for n, row in enumerate(_items(self.payload, "survey_questions", "class.json", 200), 1):
            where = f"survey question {n}"
            question = _fields(row, where)
            ref = question.get("ref")
            if not _is_int(ref) or ref in self.question_pk:
                raise RestoreError(f"{where}: “ref” must be a number no other question has.")
            self.question_pk[ref] = SurveyQuestion.objects.create(
                classroom=self.classroom,
                text=_text(question, "text", where, 200, needed=True),
                text_es=_text(question, "text_es", where, 200),
            ).pk

    def _rules(self) -> None:
        for n, row in enumerate(_items(self.payload, "rules", "class.json", MANY), 1):
            where = f"rule {n}"
            rule = _fields(row, where)
            kind = _choice(rule, "kind", where, dict(Rule.KINDS), None)
            pks = self._refs(rule, "students", where)
            if len(pks) < 2:
                raise RestoreError(f"{where}: a rule names at least two students.")
            Rule.objects.create(classroom=self.classroom, kind=kind, students=pks)

    # --- history

    def _plans(self) -> None:
        marked = {"is_draft": [], "is_current": []}  # a class has one of each at most
        for n, row in enumerate(self._many("plans"), 1):
            where = f"plan {n}"
            row = _fields(row, where)
            for flag, plans in marked.items():
                plans += [n] if _flag(row, flag, where) else []
                if len(plans) > 1:
                    what = "the draft" if flag == "is_draft" else "the current plan"
                    raise RestoreError(f"Plans {plans[0]} and {n} are both {what}.")
            ref = row.get("ref")
            if not _is_int(ref) or ref in self.plan_pk:
                raise RestoreError(f"{where}: “ref” must be a number no other plan has.")
            plan = Plan.objects.create(
                classroom=self.classroom,
                name=_text(row, "name", where, 120),
                starts=_date(row, "starts", where),
                ends=_date(row, "ends", where),
                settings=_plan_settings(row.get("settings", {}), where),
                arrangement=self._arrangement(row, where),
                is_draft=_flag(row, "is_draft", where),
                is_current=_flag(row, "is_current", where),
                saved=_moment(row, "saved", where),
            )
            _keep_created(plan, row, where)
            self.plan_pk[ref] = plan.pk

    def _days(self) -> None:
        dates = set()
        for n, row in enumerate(self._many("days"), 1):
            day = _fields(row, f"day {n}")
            on = _date(day, "date", f"day {n}", needed=True)
            where = f"the day {on}"
            if on in dates:
                raise RestoreError(f"{where} is in the file twice.")
            dates.add(on)
            plan = day.get("plan")
            if plan is not None and (not _is_int(plan) or plan not in self.plan_pk):
                raise RestoreError(f"{where}: its plan is not in the file.")
            saved = WorkshopDay.objects.create(
                classroom=self.classroom,
                date=on,
                plan_id=self.plan_pk[plan] if plan is not None else None,
                absent=self._refs(day, "absent", where),
                arrangement=self._arrangement(day, where),
                is_accepted=_flag(day, "is_accepted", where),
                turns_done=_whole(day, "turns_done", where, 0, 100_000) or 0,
            )
            LeadTurn.objects.bulk_create(self._turns(saved, day, where))

    def _turns(self, day: WorkshopDay, row: dict, where: str) -> list[LeadTurn]:
        from partnerup.workshop.services import partnership_key

        turns = []
        for turn in _items(row, "lead_turns", where, MANY):
            turn = _fields(turn, f"{where}: a lead turn")
            members = self._refs(turn, "members", f"{where}: a lead turn")
            leader = self._pk(turn.get("leader"), f"{where}: a lead turn")
            if len(members) < 2 or leader not in members:
                raise RestoreError(f"{where}: a lead turn's leader is not in its partnership.")
            turns.append(LeadTurn(day=day, members=partnership_key(members), leader_id=leader))
        return turns

    def _temporary_partners(self) -> None:
        for n, row in enumerate(self._many("temporary_partners"), 1):
            where = f"temporary partners {n}"
            temporary = _fields(row, where)
            saved = TemporaryPartners.objects.create(
                classroom=self.classroom,
                starts=_date(temporary, "starts", where, needed=True),
                ends=_date(temporary, "ends", where, needed=True),
                choosers=self._refs(temporary, "choosers", where),
                arrangement=self._arrangement(temporary, where),
            )
            _keep_created(saved, temporary, where)

    def _headline_weeks(self) -> None:
        mondays = set()
        for n, row in enumerate(self._many("headline_weeks"), 1):
            week = _fields(row, f"headline week {n}")
            monday = _date(week, "monday", f"headline week {n}", needed=True)
            where = f"the headline week of {monday}"
            if monday in mondays:
                raise RestoreError(f"{where} is in the file twice.")
            mondays.add(monday)
            groups = [
                self._refs({"groups": group}, "groups", where)
                for group in _items(week, "groups", where, settings.PARTNERUP_MAX_CLASS_SIZE)
            ]
            everyone = [pk for group in groups for pk in group]
            if len(set(everyone)) != len(everyone):
                raise RestoreError(f"{where}: a student is in two groups.")
            saved = HeadlineWeek.objects.create(
                classroom=self.classroom, monday=monday, groups=[g for g in groups if g]
            )
            self._notes(saved, week, where)

    def _notes(self, week: HeadlineWeek, row: dict, where: str) -> None:
        notes, seen = [], set()
        for note in _items(row, "notes", where, settings.PARTNERUP_MAX_CLASS_SIZE):
            note = _fields(note, f"{where}: a note")
            student = self._pk(note.get("student"), f"{where}: a note")
            if student in seen:
                raise RestoreError(f"{where}: a student has two notes.")
            seen.add(student)
            texts = {
                field: _text(note, field, f"{where}: a note", 200, multiline=True)
                for field in ("plus_one", "plus_two", "wish")
            }
            notes.append(HeadlineNote(week=week, student_id=student, **texts))
        HeadlineNote.objects.bulk_create(notes)

    def _many(self, section: str) -> list:
        return _items(self.payload, section, "class.json", MANY)

    def _arrangement(self, row: dict, where: str) -> dict:
        """A stored arrangement with each ref's key turned into the new student's key,
        checked as the engine reads it; a key of no student in the file is refused."""
        stored = _fields(row.get("arrangement", {}), f"{where}: arrangement")

        def rekey(key: str) -> str:
            ref = key_pk(key)
            if ref not in self.pk_of:
                raise RestoreError(f"{where}: the arrangement names a student not in the file.")
            return student_key(self.pk_of[ref])

        as_keys = {ref: student_key(pk) for ref, pk in self.pk_of.items()}
        try:
            conflicts = [shown(str(c), as_keys) for c in stored.get("conflicts", [])]
            rekeyed = {**map_arrangement(stored, rekey), "conflicts": conflicts}
            plan = engine.plan_from_dict(rekeyed, file=where)
        except (InputError, TypeError, AttributeError, ValueError) as error:
            raise RestoreError(
                f"{where}: the arrangement is not one PartnerUp made ({error})."
            ) from None
        _check_plan(plan, where)
        return engine.plan_to_dict(plan)


def _check_plan(plan: engine.Plan, where: str) -> None:
    numbers = [plan.objective, plan.bound, *(p.score for p in plan.partnerships)]
    texts = [*plan.conflicts, *(r for p in plan.partnerships for r in p.reasons)]
    if plan.status not in PLAN_STATUSES or not all(map(math.isfinite, numbers)):
        raise RestoreError(f"{where}: the arrangement is not one PartnerUp made.")
    if any(role not in ROLE_LETTERS for p in plan.partnerships for _, role in p.roles):
        raise RestoreError(f"{where}: a role is not A, B or C.")
    for text in texts:
        problem = refused_character(shown(text, {}))
        if problem or len(text) > 1000:
            raise RestoreError(f"{where}: a reason has {problem or 'more than 1000 characters'}.")


def _plan_settings(value: Any, where: str) -> dict:
    from partnerup.plans.services import DEFAULT_SETTINGS, plan_settings

    chosen = _fields(value, f"{where}: settings")
    kept = {key: chosen[key] for key in DEFAULT_SETTINGS if key in chosen}
    weights = _fields(kept.get("weights", {}), f"{where}: weights")
    kept["weights"] = {k: weights[k] for k in DEFAULT_SETTINGS["weights"] if k in weights}
    scalars = [v for k, v in kept.items() if k != "weights"] + list(kept["weights"].values())
    if not all(isinstance(v, str | int) for v in scalars):
        raise RestoreError(f"{where}: the planning choices are not ones PartnerUp made.")
    if not all(_is_int(v) for v in kept["weights"].values()):
        raise RestoreError(f"{where}: a planning weight is not a whole number.")
    try:
        plan_settings(kept)
    except (ValueError, TypeError) as error:
        raise RestoreError(
            f"{where}: the planning choices are not ones PartnerUp made ({error})."
        ) from None
    return kept


def _keep_created(row, data: dict, where: str) -> None:
    """Keep when a plan or temporary partners were made: their order is by it."""
    created = _moment(data, "created", where)
    if created is not None:
        type(row).objects.filter(pk=row.pk).update(created=created)


# ---------------------------------------------------------------- checked values


def _fields(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise RestoreError(f"{where} is missing or is not a set of fields.")
    return value


def _items(data: dict, key: str, where: str, most: int) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise RestoreError(f"{where}: “{key}” is not a list.")
    if len(value) > most:
        raise RestoreError(f"{where}: “{key}” has {len(value)} entries; at most {most} fit.")
    return value


def _text(data: dict, key: str, where: str, most: int, *, multiline=False, needed=False) -> str:
    value = "" if data.get(key) is None else data[key]
    text = _one_text(value, f"{where}: {key.replace('_', ' ')}", most, multiline=multiline)
    if needed and not text.strip():
        raise RestoreError(f"{where}: {key.replace('_', ' ')} is empty.")
    return text


def _one_text(value: Any, where: str, most: int, *, multiline=False) -> str:
    if not isinstance(value, str):
        raise RestoreError(f"{where} is not text.")
    problem = refused_character(value, multiline=multiline)
    if problem:
        raise RestoreError(f"{where} has {problem}.")
    if len(value) > most:
        raise RestoreError(f"{where} is {len(value)} characters long; at most {most} fit.")
    return value


def _choice(data: dict, key: str, where: str, allowed, default: str | None) -> str:
    value = data.get(key, default)
    if not isinstance(value, str) or value not in allowed:
        raise RestoreError(f"{where}: {key} is one of {', '.join(allowed)}.")
    return value


def _tags(data: dict, key: str, where: str) -> list[str]:
    tags = _items(data, key, where, 50)
    return [_one_text(tag, f"{where}: {key}", TAG_MAX_LENGTH) for tag in tags]


def _flag(data: dict, key: str, where: str, default: bool = False) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise RestoreError(f"{where}: {key.replace('_', ' ')} is not true or false.")
    return value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _whole(data: dict, key: str, where: str, least: int, most: int) -> int | None:
    value = data.get(key)
    if value is not None and not (_is_int(value) and least <= value <= most):
        raise RestoreError(f"{where}: {key.replace('_', ' ')} is a number from {least} to {most}.")
    return value


def _english_level(data: dict, where: str) -> Decimal | None:
    value = data.get("english_level")
    if value is None:
        return None
    try:
        level = Decimal(str(value)) if isinstance(value, str | int | float) else Decimal("NaN")
        fits = level.is_finite() and not isinstance(value, bool) and 1 <= level <= 6
    except InvalidOperation:
        fits = False
    if not fits:
        raise RestoreError(f"{where}: english level is WIDA 1-6.")
    return level.quantize(Decimal("0.1"))


def _date(data: dict, key: str, where: str, needed: bool = False) -> date | None:
    value = data.get(key)
    if value is None and not needed:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise RestoreError(f"{where}: {key} is not a date (YYYY-MM-DD).") from None


def _moment(data: dict, key: str, where: str) -> datetime | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        moment = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None:
        raise RestoreError(f"{where}: {key} is not a date and time.")
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=UTC)
