"""Restoring a class's history: plans, workshop days with their lead turns, temporary
partners and headline weeks with their notes.

RestoreHistory is the part of restore._Restore that runs once the students, traits,
questions and rules exist. Every stored arrangement is checked as the engine reads it,
with each ref's key turned into the new student's key.
"""

from __future__ import annotations

import math
from typing import Any

from django.conf import settings

from partnerup import engine
from partnerup.engine import InputError, refused_character
from partnerup.plans.models import Plan
from partnerup.workshop.models import (
    HeadlineNote,
    HeadlineWeek,
    LeadTurn,
    TemporaryPartners,
    WorkshopDay,
)

from ..keys import key_pk, map_arrangement, shown, student_key
from ..models import Classroom
from . import checks
from .checks import MANY, RestoreError

PLAN_STATUSES = ("optimal", "feasible", "infeasible", "edited")
ROLE_LETTERS = ("", "A", "B", "C")


class RestoreHistory:
    """The history half of restore._Restore, which sets these attributes and gives
    `_pk` (a student's ref → the new student's id) and `_refs` (a list of them)."""

    classroom: Classroom
    payload: dict[str, Any]
    pk_of: dict[int, int]  # student ref → new student id
    plan_pk: dict[int, int]

    def _plans(self) -> None:
        marked = {"is_draft": [], "is_current": []}  # a class has one of each at most
        for n, row in enumerate(self._many("plans"), 1):
            where = f"plan {n}"
            row = checks.fields(row, where)
            for flag, plans in marked.items():
                plans += [n] if checks.flag(row, flag, where) else []
                if len(plans) > 1:
                    what = "the draft" if flag == "is_draft" else "the current plan"
                    raise RestoreError(f"Plans {plans[0]} and {n} are both {what}.")
            ref = row.get("ref")
            if not checks.is_int(ref) or ref in self.plan_pk:
                raise RestoreError(f"{where}: “ref” must be a number no other plan has.")
            plan = Plan.objects.create(
                classroom=self.classroom,
                name=checks.text(row, "name", where, 120),
                starts=checks.date(row, "starts", where),
                ends=checks.date(row, "ends", where),
                settings=_plan_settings(row.get("settings", {}), where),
                arrangement=self._arrangement(row, where),
                is_draft=checks.flag(row, "is_draft", where),
                is_current=checks.flag(row, "is_current", where),
                saved=checks.moment(row, "saved", where),
            )
            _keep_created(plan, row, where)
            self.plan_pk[ref] = plan.pk

    def _days(self) -> None:
        dates = set()
        for n, row in enumerate(self._many("days"), 1):
            day = checks.fields(row, f"day {n}")
            on = checks.date(day, "date", f"day {n}", needed=True)
            where = f"the day {on}"
            if on in dates:
                raise RestoreError(f"{where} is in the file twice.")
            dates.add(on)
            plan = day.get("plan")
            if plan is not None and (not checks.is_int(plan) or plan not in self.plan_pk):
                raise RestoreError(f"{where}: its plan is not in the file.")
            saved = WorkshopDay.objects.create(
                classroom=self.classroom,
                date=on,
                plan_id=self.plan_pk[plan] if plan is not None else None,
                absent=self._refs(day, "absent", where),
                arrangement=self._arrangement(day, where),
                is_accepted=checks.flag(day, "is_accepted", where),
                turns_done=checks.whole(day, "turns_done", where, 0, 100_000) or 0,
            )
            LeadTurn.objects.bulk_create(self._turns(saved, day, where))

    def _turns(self, day: WorkshopDay, row: dict, where: str) -> list[LeadTurn]:
        from partnerup.workshop.services import partnership_key

        turns = []
        for turn in checks.items(row, "lead_turns", where, MANY):
            turn = checks.fields(turn, f"{where}: a lead turn")
            members = self._refs(turn, "members", f"{where}: a lead turn")
            leader = self._pk(turn.get("leader"), f"{where}: a lead turn")
            if len(members) < 2 or leader not in members:
                raise RestoreError(f"{where}: a lead turn's leader is not in its partnership.")
            turns.append(LeadTurn(day=day, members=partnership_key(members), leader_id=leader))
        return turns

    def _temporary_partners(self) -> None:
        for n, row in enumerate(self._many("temporary_partners"), 1):
            where = f"temporary partners {n}"
            temporary = checks.fields(row, where)
            saved = TemporaryPartners.objects.create(
                classroom=self.classroom,
                starts=checks.date(temporary, "starts", where, needed=True),
                ends=checks.date(temporary, "ends", where, needed=True),
                choosers=self._refs(temporary, "choosers", where),
                arrangement=self._arrangement(temporary, where),
            )
            _keep_created(saved, temporary, where)

    def _headline_weeks(self) -> None:
        mondays = set()
        for n, row in enumerate(self._many("headline_weeks"), 1):
            week = checks.fields(row, f"headline week {n}")
            monday = checks.date(week, "monday", f"headline week {n}", needed=True)
            where = f"the headline week of {monday}"
            if monday in mondays:
                raise RestoreError(f"{where} is in the file twice.")
            mondays.add(monday)
            groups = [
                self._refs({"groups": group}, "groups", where)
                for group in checks.items(week, "groups", where, settings.PARTNERUP_MAX_CLASS_SIZE)
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
        for note in checks.items(row, "notes", where, settings.PARTNERUP_MAX_CLASS_SIZE):
            note = checks.fields(note, f"{where}: a note")
            student = self._pk(note.get("student"), f"{where}: a note")
            if student in seen:
                raise RestoreError(f"{where}: a student has two notes.")
            seen.add(student)
            texts = {
                field: checks.text(note, field, f"{where}: a note", 200, multiline=True)
                for field in ("plus_one", "plus_two", "wish")
            }
            notes.append(HeadlineNote(week=week, student_id=student, **texts))
        HeadlineNote.objects.bulk_create(notes)

    def _many(self, section: str) -> list:
        return checks.items(self.payload, section, "class.json", MANY)

    def _arrangement(self, row: dict, where: str) -> dict:
        """A stored arrangement with each ref's key turned into the new student's key,
        checked as the engine reads it; a key of no student in the file is refused."""
        stored = checks.fields(row.get("arrangement", {}), f"{where}: arrangement")

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

    chosen = checks.fields(value, f"{where}: settings")
    kept = {key: chosen[key] for key in DEFAULT_SETTINGS if key in chosen}
    weights = checks.fields(kept.get("weights", {}), f"{where}: weights")
    kept["weights"] = {k: weights[k] for k in DEFAULT_SETTINGS["weights"] if k in weights}
    scalars = [v for k, v in kept.items() if k != "weights"] + list(kept["weights"].values())
    if not all(isinstance(v, str | int) for v in scalars):
        raise RestoreError(f"{where}: the planning choices are not ones PartnerUp made.")
    if not all(checks.is_int(v) for v in kept["weights"].values()):
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
    created = checks.moment(data, "created", where)
    if created is not None:
        type(row).objects.filter(pk=row.pk).update(created=created)
