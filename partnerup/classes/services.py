"""The one place where class models meet the engine: conversion both ways and rules.

The engine knows each student by `keys.student_key(id)`; the names it writes into its
sentences are turned back into the class's names by `names_of` + `keys.shown`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from partnerup import engine
from partnerup.choicetime.partners import choice_time_partners
from partnerup.voice.traits import TRAITS

from .keys import keys_of, shown, student_key
from .models import Classroom, Rule, Student


def names_of(classroom: Classroom) -> dict[int, str]:
    """Each student's id and name as the class shows them (its "Show names as" setting)."""
    return engine.shown_names(full_names_of(classroom), classroom.name_display)


def full_names_of(classroom: Classroom) -> dict[int, str]:
    """Each student's id and name as typed: for editing, importing and the class archive."""
    return dict(classroom.students.values_list("pk", "name"))


def classmates_names_of(classroom: Classroom) -> dict[int, str]:
    """What students see of each other: a first name, with letters of the last name
    only when two share it, so never more than the class shows in either setting."""
    full = full_names_of(classroom)
    short = engine.shown_names(full, "first_initial")
    firsts = {pk: engine.normalise_name(name).split(" ")[0] for pk, name in full.items()}
    shared = Counter(engine.name_key(first) for first in firsts.values())
    return {
        pk: first if shared[engine.name_key(first)] == 1 else short[pk]
        for pk, first in firsts.items()
    }


def with_shown_names(students: Iterable[Student], names: dict[int, str]) -> list[Student]:
    """The students, each with `shown_name` (from `names_of`) set for templates."""
    students = list(students)
    for student in students:
        student.shown_name = names[student.pk]
    return students


def to_engine_student(
    student: Student,
    trait_words: dict[str, str] | None = None,
    in_class: set[int] | None = None,
    observed: dict[int, list[int]] | None = None,
) -> engine.Student:
    """The engine's view of a student; classmates outside `in_class` are left out.
    `observed` is the class's choice-time partners (looked up for this student alone
    when not given)."""

    def keys(pks: Iterable[int]) -> tuple[str, ...]:
        return keys_of(pk for pk in pks if in_class is None or pk in in_class)

    values: dict[str, Any] = {"name": student_key(student.pk)}
    for field in engine.student_fields("text", "tags", "level", "talk", "flag"):
        value = getattr(student, field)
        values[field] = tuple(value) if isinstance(value, list) else value
    for field in engine.student_fields("english_level"):
        value = getattr(student, field)
        values[field] = float(value) if value is not None else None
    for field in engine.student_fields("classmates"):
        values[field] = keys(getattr(student, field))
    for field in engine.student_fields("classmate"):
        pk = getattr(student, f"{field}_id")
        values[field] = next(iter(keys([pk] if pk else [])), "")
    if observed is None:
        observed = choice_time_partners(student.classroom_id, student.pk)
    for field in engine.student_fields("observed"):
        values[field] = keys(observed.get(student.pk, []))
    return engine.Student(**values, **_voice(student, trait_words or {}, keys))


def _voice(student: Student, trait_words: dict[str, str], keys) -> dict:
    """What the student said on their own pages (want ad, ads answered), if anything."""
    answers = getattr(student, "answers", None)
    if answers is None or answers.ad_at is None and not answers.answered_ads:
        return {}
    words = {**{t.key: t.en for t in TRAITS}, **trait_words}
    return {
        "answered_ads": keys(answers.answered_ads),
        "wants": tuple(words[k] for k in answers.wanted if k in words),
        "offers": tuple(words[k] for k in answers.offered if k in words),
    }


def class_roster(
    classroom: Classroom,
) -> tuple[tuple[engine.Student, ...], tuple[engine.Rule, ...]]:
    trait_words = dict(classroom.traits.values_list("key", "en"))
    rows = list(classroom.students.select_related("answers"))
    in_class = {s.pk for s in rows}
    observed = choice_time_partners(classroom.pk)
    students = tuple(to_engine_student(s, trait_words, in_class, observed) for s in rows)
    rules = []
    for rule in classroom.rules.all():
        members = keys_of(pk for pk in rule.students if pk in in_class)
        if len(members) >= 2:
            rules.append(engine.Rule(rule.kind, members))
    return students, tuple(rules)


def add_rule(classroom: Classroom, kind: str, pks: list[int]) -> Rule:
    return Rule.objects.create(classroom=classroom, kind=kind, students=pks)


def rule_clashes(classroom: Classroom, kind: str, pks: list[int]) -> list[str]:
    """Plain words for each clash a new rule would add to the class's hard rules
    (with its students' avoid lists, reading partners and the other rules); clashes
    the class already had are left out, so they do not block an unrelated rule."""
    students, rules = class_roster(classroom)
    # Past partners only bind when a plan forbids repeats, a choice made per plan.
    settings = engine.PlanSettings(allow_repeats=True)
    _, before = engine.collect_hard_rules(students, rules, settings)
    new_rule = engine.Rule(kind, keys_of(pks))  # type: ignore[arg-type]
    _, after = engine.collect_hard_rules(students, (*rules, new_rule), settings)
    names = names_of(classroom)
    return [shown(clash, names) for clash in after if clash not in before]
