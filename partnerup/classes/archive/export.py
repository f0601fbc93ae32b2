"""Writing a class out: `export_class` (the zip) and `class_data` (class.json's content).

Each student gets a "ref", a number local to the file, and every reference to a student
uses it; a stored arrangement keeps its shape with each student key turned into the key
of their ref (see the package docstring). The spreadsheets come from sheets.py.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.utils import timezone

from partnerup.choicetime.archive import choice_time_data
from partnerup.conferring.archive import conferring_data
from partnerup.engine import student_fields
from partnerup.helpboard.archive import help_board_data
from partnerup.jobs.archive import jobs_data
from partnerup.plans.export import rows_to_csv
from partnerup.reflections import archive as reflections
from partnerup.voice.models import Answers
from partnerup.workshop.models import Routine, WorkshopDay

from ..keys import key_pk, map_arrangement, shown, student_key
from ..models import Classroom, Student
from .sheets import class_sheets

FORMAT, VERSION = "partnerup-class", 1
BOM = "\ufeff"
STAMPS = ("chose_at", "ad_at", "tchart_at", "goal_at", "survey_at")


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
    """The class as class.json holds it (see the package docstring)."""
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
            "archived_at": _iso(classroom.archived_at),  # the retention clock (upkeep)
            "student_data_removed_at": _iso(classroom.student_data_removed_at),
            "name_display": classroom.name_display,
            "quiet_lead_first": bool(routine and routine.quiet_lead_first),
        },
        "students": [_student_data(s, ref_of, question_ref, refs) for s in students],
        "rules": [
            {"kind": rule.kind, "students": refs(rule.students)}
            for rule in classroom.rules.order_by("pk")
            if len(refs(rule.students)) >= 2
        ],
        "traits": [
            {
                "key": t.key,
                "en": t.en,
                "es": t.es,
                "offer_en": t.offer_en,
                "offer_es": t.offer_es,
                "icon": t.icon,
                "is_on": t.is_on,
            }  # fmt: skip
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
        "partner_jobs": jobs_data(classroom, plan_ref),
        "help_board": help_board_data(classroom, ref_of),  # the helpboard app's
        "conferring": conferring_data(classroom, ref_of),
        "choice_time": choice_time_data(classroom, refs),
        # Goals in own words, check-ins, reflections, closed flags (partnerup/reflections).
        "reflections": reflections.export_data(classroom, ref_of),
    }


def _student_data(student: Student, ref_of, question_ref, refs) -> dict[str, Any]:
    card = getattr(student, "card", None)
    support = getattr(student, "support", None)
    answers = getattr(student, "answers", None)
    data: dict[str, Any] = {"ref": ref_of[student.pk], "external_id": student.external_id}
    for field in student_fields("name", "text", "tags", "level", "talk", "flag"):
        data[field] = getattr(student, field)
    for field in student_fields("english_level"):
        level = getattr(student, field)
        data[field] = str(level) if level is not None else None
    for field in student_fields("classmates"):
        data[field] = refs(getattr(student, field))
    for field in student_fields("classmate"):
        data[field] = ref_of.get(getattr(student, f"{field}_id"))
    return {
        **data,
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
