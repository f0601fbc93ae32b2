"""Monday headline partners: make a week, keep every week, record two pluses and a wish."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from partnerup import engine
from partnerup.classes.keys import keys_of, pks_of, shown
from partnerup.classes.models import Classroom, Student
from partnerup.classes.services import class_roster, names_of
from partnerup.engine import next_headline_week, repair_for_absences
from partnerup.plans.services import board_plan

from .models import HeadlineNote, HeadlineWeek


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@transaction.atomic
def make_week(classroom: Classroom, monday: date) -> HeadlineWeek:
    """The week's headline partners (replacing that week's if made before), following
    on from every earlier week. Raises InfeasibleError when keep-apart rules leave no
    way to pair everyone."""
    students, rules = class_roster(classroom)
    # Every other week counts as used, earlier or later; a week made again also avoids
    # its own old pairs, so "make them again" gives new partners.
    earlier = [
        tuple(keys_of(g) for g in week.groups)
        for week in classroom.headlines.order_by("monday")
        if week.monday != monday
    ]
    earlier += [
        tuple(keys_of(g) for g in week.groups) for week in classroom.headlines.filter(monday=monday)
    ]
    current = classroom.current_plan
    week = next_headline_week(students, earlier, rules, board_plan(current) if current else None)
    made, _ = HeadlineWeek.objects.update_or_create(
        classroom=classroom, monday=monday, defaults={"groups": [pks_of(g) for g in week]}
    )
    made.notes.all().delete()
    return made


def headline_partners_of(classroom: Classroom) -> dict[int, list[tuple[date, list[str]]]]:
    """Each student's (by id) headline partners' names, week by week (newest first)."""
    names = names_of(classroom)
    partners: dict[int, list[tuple[date, list[str]]]] = {}
    for week in classroom.headlines.all():
        for group in week.groups:
            for pk in group:
                others = [names[o] for o in group if o != pk and o in names]
                partners.setdefault(pk, []).append((week.monday, others))
    return partners


def save_note(week: HeadlineWeek, student: Student, plus_one: str, plus_two: str, wish: str):
    HeadlineNote.objects.update_or_create(
        week=week,
        student=student,
        defaults={"plus_one": plus_one, "plus_two": plus_two, "wish": wish},
    )


@dataclass(frozen=True)
class HeadlineGroup:
    members: list[tuple[int, str]]  # (id, name)
    reason: str = ""  # why the group differs from the week's partners today, if it does

    @property
    def names(self) -> list[str]:
        return [name for _, name in self.members]


def groups_of(classroom: Classroom, week: HeadlineWeek) -> list[HeadlineGroup]:
    """The week's headline partners; on its Monday, repaired for the students marked away
    on Today, as Today's partnerships are (never a kept-apart or long-term pair)."""
    names = names_of(classroom)
    day = classroom.days.filter(date=week.monday).first()
    in_week = {pk for group in week.groups for pk in group}
    away = sorted(pk for pk in (day.absent if day else []) if pk in in_week)
    if not away:
        return [HeadlineGroup([(pk, names[pk]) for pk in g if pk in names]) for g in week.groups]
    repaired = repair_for_absences(_as_plan(classroom, week), keys_of(away))
    planned = {frozenset(g) for g in week.groups}
    return [
        HeadlineGroup(
            [(pk, names[pk]) for pk in pks_of(p.members) if pk in names],
            "" if frozenset(pks_of(p.members)) in planned else shown(p.reasons[0], names),
        )
        for p in repaired.partnerships
    ]


def _as_plan(classroom: Classroom, week: HeadlineWeek) -> engine.Plan:
    """The week as a plan carrying the pairs headline partners never form (the same
    the rotation keeps apart), so its repair keeps them apart too."""
    students, rules = class_roster(classroom)
    current = classroom.current_plan
    apart = engine.headline_apart(students, rules, board_plan(current) if current else None)
    return engine.Plan(
        status="feasible",
        partnerships=tuple(
            engine.Partnership(
                members=keys_of(g), roles=tuple(zip(keys_of(g), "ABC", strict=False))
            )
            for g in week.groups
        ),
        forbidden_pairs=tuple(sorted((min(p), max(p)) for p in apart)),
    )
