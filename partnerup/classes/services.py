"""The one place where class models meet the engine: conversion both ways and import."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from partnerup import engine
from partnerup.engine.rules import collect_hard_rules
from partnerup.voice.traits import TRAITS

from .models import Classroom, Rule, Student


def to_engine_student(
    student: Student, trait_words: dict[str, str] | None = None
) -> engine.Student:
    return engine.Student(
        name=student.name,
        level=student.level,
        goals=tuple(student.goals),
        strengths=tuple(student.strengths),
        interests=tuple(student.interests),
        home_language=student.home_language,
        english_level=float(student.english_level) if student.english_level is not None else None,
        choices=tuple(student.choices),
        avoid=tuple(student.avoid),
        talk=student.talk,
        often_absent=student.often_absent,
        social_support=student.social_support,
        floater=student.floater,
        new_student=student.new_student,
        reading_partner=student.reading_partner,
        past_partners=tuple(student.past_partners),
        **_voice(student, trait_words or {}),
    )


def _voice(student: Student, trait_words: dict[str, str]) -> dict:
    """What the student said on their own pages (want ad, ads answered), if anything."""
    answers = getattr(student, "answers", None)
    if answers is None or answers.ad_at is None and not answers.answered_ads:
        return {}
    words = {**{t.key: t.en for t in TRAITS}, **trait_words}
    return {
        "answered_ads": tuple(answers.answered_ads),
        "wants": tuple(words[k] for k in answers.wanted if k in words),
        "offers": tuple(words[k] for k in answers.offered if k in words),
    }


def from_engine_student(classroom: Classroom, s: engine.Student) -> Student:
    return Student(
        classroom=classroom,
        name=s.name,
        level=s.level,
        goals=list(s.goals),
        strengths=list(s.strengths),
        interests=list(s.interests),
        home_language=s.home_language,
        english_level=Decimal(str(s.english_level)) if s.english_level is not None else None,
        choices=list(s.choices),
        avoid=list(s.avoid),
        talk=s.talk,
        often_absent=s.often_absent,
        social_support=s.social_support,
        floater=s.floater,
        new_student=s.new_student,
        reading_partner=s.reading_partner,
        past_partners=list(s.past_partners),
    )


def class_roster(
    classroom: Classroom,
) -> tuple[tuple[engine.Student, ...], tuple[engine.Rule, ...]]:
    trait_words = dict(classroom.traits.values_list("key", "en"))
    students = tuple(
        to_engine_student(s, trait_words) for s in classroom.students.select_related("answers")
    )
    names = {s.name for s in students}
    rules = []
    for rule in classroom.rules.all():
        # A rule outlives a student removed from the class: it then binds the rest.
        members = tuple(m for m in rule.students if m in names)
        if len(members) >= 2:
            rules.append(engine.Rule(rule.kind, members))
    return students, tuple(rules)


def check_roster(text: str, file_name: str) -> engine.RosterReading:
    """Every row of an uploaded roster with every problem in it; nothing is saved."""
    return engine.read_roster(text, file=file_name)


def preview_roster(text: str, file_name: str) -> tuple[engine.Student, ...]:
    """Parse an uploaded roster; raises engine.RosterError naming row and column."""
    return engine.parse_roster(text, file=file_name)


@transaction.atomic
def replace_roster(classroom: Classroom, students: tuple[engine.Student, ...]) -> None:
    """All or nothing: the class's students become exactly these (rules are cleared,
    since they name students who may be gone)."""
    classroom.rules.all().delete()
    classroom.students.all().delete()
    Student.objects.bulk_create(from_engine_student(classroom, s) for s in students)


def add_rule(classroom: Classroom, kind: str, names: list[str]) -> Rule:
    return Rule.objects.create(classroom=classroom, kind=kind, students=names)


def rule_clashes(classroom: Classroom, kind: str, names: list[str]) -> list[str]:
    """Plain words for each clash a new rule would add to the class's hard rules
    (with its students' avoid lists, reading partners and the other rules); clashes
    the class already had are left out, so they do not block an unrelated rule."""
    students, rules = class_roster(classroom)
    # Past partners only bind when a plan forbids repeats, a choice made per plan.
    settings = engine.PlanSettings(allow_repeats=True)
    _, before = collect_hard_rules(students, rules, settings)
    _, after = collect_hard_rules(students, (*rules, engine.Rule(kind, tuple(names))), settings)
    return [clash for clash in after if clash not in before]
