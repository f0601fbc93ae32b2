"""Today's partnerships: the current plan repaired for who is here, and the lead ledger.

Each date starts again from the class's current plan (tomorrow is not yesterday's
repair). Marking attendance re-makes the day from the plan; adjusting by hand then
changes only today.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction

from partnerup import engine
from partnerup.classes.models import Classroom, Student
from partnerup.engine.board import ordered_members
from partnerup.engine.repair import repair_for_absences
from partnerup.plans.services import board_plan

from .models import LeadTurn, Routine, Support, WorkshopDay

WITH_TEACHER = "works with the teacher today"


def day_for(classroom: Classroom, on: date) -> WorkshopDay | None:
    """The class's day for this date, made from the current plan on first visit.
    None when the class has no current plan yet."""
    day = classroom.days.filter(date=on).first()
    if day is not None:
        return day
    plan = classroom.current_plan
    if plan is None:
        return None
    day = WorkshopDay(classroom=classroom, date=on, plan=plan)
    try:
        with transaction.atomic():
            remake(day)
    except IntegrityError:  # another request made today's day first
        return classroom.days.get(date=on)
    return day


def remake(day: WorkshopDay) -> None:
    """Today's arrangement from the plan: absences repaired, newcomers observing,
    writers who work with the teacher set apart. Raises nothing for a class that
    changed since the plan: students who left count as away, new ones observe."""
    plan = board_plan(day.plan) if day.plan else engine.Plan("feasible", ())
    in_class = {s.name: s for s in day.classroom.students.select_related("support")}
    in_plan = set(plan.members()) | set(plan.floaters)
    with_teacher = sorted(n for n, s in in_class.items() if _support(s).with_teacher)
    away = set(day.absent) | set(with_teacher) | (in_plan - set(in_class))
    newcomers = sorted(n for n in in_class if n not in in_plan and n not in away)
    repaired = repair_for_absences(plan, sorted(away & in_plan), newcomers)
    own = tuple(
        engine.Partnership(members=(n,), roles=((n, "A"),), reasons=(f"{n} {WITH_TEACHER}",))
        for n in with_teacher
        if n not in day.absent
    )
    day.arrangement = engine.plan_to_dict(
        engine.Plan(
            status="feasible",
            partnerships=repaired.partnerships + own,
            floaters=repaired.floaters,
            forbidden_pairs=plan.forbidden_pairs,
            emergent_bilinguals=plan.emergent_bilinguals,
        )
    )
    day.is_accepted = False
    day.save()


def _support(student: Student) -> Support:
    try:
        return student.support
    except Support.DoesNotExist:
        return Support(student=student)


def set_absent(day: WorkshopDay, name: str, absent: bool) -> None:
    """Mark one student; raises Student.DoesNotExist for a name not in the class."""
    day.classroom.students.get(name=name)
    names = [n for n in day.absent if n != name] + ([name] if absent else [])
    day.absent = sorted(names)
    remake(day)


def set_support(student: Student, **fields) -> None:
    support = _support(student)
    for field, value in fields.items():
        setattr(support, field, value)
    support.save()


@dataclass(frozen=True)
class TodayCard:
    index: int
    members: tuple[tuple[str, str], ...]  # (name, A/B/C) in role order
    leader: str | None
    reasons: tuple[str, ...]
    is_changed: bool  # not as in the plan today
    with_teacher: bool


def cards(day: WorkshopDay) -> list[TodayCard]:
    today = engine.plan_from_dict(day.arrangement)
    planned = (
        {frozenset(p.members) for p in board_plan(day.plan).partnerships} if day.plan else set()
    )
    led = lead_counts(day.classroom)
    quiet = _quiet_names(day.classroom) if quiet_first(day.classroom) else set()
    result = []
    for index, p in enumerate(today.partnerships):
        members = ordered_members(p)
        result.append(
            TodayCard(
                index=index,
                members=tuple((m, p.role_of.get(m, "")) for m in members),
                leader=next_leader(members, led, quiet) if len(members) > 1 else None,
                reasons=p.reasons,
                is_changed=frozenset(p.members) not in planned,
                with_teacher=len(members) == 1,
            )
        )
    return result


def partnership_key(members) -> str:
    return "|".join(sorted(members))


def lead_counts(classroom: Classroom) -> Counter[tuple[str, str]]:
    """How often each student led in each partnership: (partnership key, leader)."""
    turns = LeadTurn.objects.filter(day__classroom=classroom).values_list("members", "leader")
    return Counter(turns)


def next_leader(members: tuple[str, ...], led: Counter, quiet: set[str]) -> str:
    """Who leads the next turn-and-talk: whoever has led least in this partnership;
    on a tie, a quiet partner first when the teacher asks for it, else A before B."""
    key = partnership_key(members)
    return min(members, key=lambda m: (led[(key, m)], m not in quiet, members.index(m)))


def quiet_first(classroom: Classroom) -> bool:
    routine = Routine.objects.filter(classroom=classroom).first()
    return bool(routine and routine.quiet_lead_first)


def _quiet_names(classroom: Classroom) -> set[str]:
    return set(classroom.students.filter(talk="quiet").values_list("name", flat=True))


@transaction.atomic
def record_turn(day: WorkshopDay) -> int:
    """The turn-and-talk happened: each partnership's leader goes in the ledger."""
    turns = [
        LeadTurn(day=day, members=partnership_key(n for n, _ in card.members), leader=card.leader)
        for card in cards(day)
        if card.leader
    ]
    LeadTurn.objects.bulk_create(turns)
    return len(turns)


def set_quiet_first(classroom: Classroom, on: bool) -> None:
    Routine.objects.update_or_create(classroom=classroom, defaults={"quiet_lead_first": on})


def partners_by_student(classroom: Classroom) -> dict[str, list[tuple[str, int]]]:
    """Everyone each student worked with on a workshop day, most often first."""
    together: dict[str, Counter[str]] = {}
    for arrangement in classroom.days.values_list("arrangement", flat=True):
        for group in arrangement.get("groups", []):
            for name in group["members"]:
                others = (m for m in group["members"] if m != name)
                together.setdefault(name, Counter()).update(others)
    return {name: counts.most_common() for name, counts in together.items()}
