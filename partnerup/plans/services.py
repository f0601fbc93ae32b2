"""Plans meet the engine here: generate a draft, take board steps, save and copy."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from partnerup import engine
from partnerup.classes.keys import key_pk, shown, shown_all, student_key
from partnerup.classes.models import Classroom, lock_class
from partnerup.classes.services import class_roster, names_of
from partnerup.engine import (
    FLOATERS,
    NEW_CARD,
    BoardError,
    CardCheck,
    check_board,
    move_student,
    new_breaks,
    numbered,
    ordered_members,
    rescored,
    swap_students,
)

from . import history
from .models import Plan

WEIGHT_NAMES = engine.WEIGHT_KINDS
# The planning choices a teacher makes on the web (the rest keep the engine's defaults).
WEB_CHOICES = ("strategy", "level", "talk", "triads", "floaters", "roles", "allow_repeats")
DEFAULT_SETTINGS = {
    name: value
    for name, value in engine.PlanSettings().to_dict().items()
    if name in (*WEB_CHOICES, "seed", "weights")
}

# A teacher waits for Generate: stop the search at this point with the best plan
# found and its gap. On most classes of 36 the proof takes 20-300 ms; on the few
# where it cannot finish, the plan at this point already equals what 10 s finds.
WEB_TIME_LIMIT = 0.8

Step = Callable[[engine.Plan], engine.Plan]


def plan_settings(chosen: dict) -> engine.PlanSettings:
    """The engine's settings from the stored planning choices (missing keys: defaults)."""
    return engine.PlanSettings.from_dict(
        {**DEFAULT_SETTINGS, **chosen, "time_limit": WEB_TIME_LIMIT}
    )


def in_words(classroom: Classroom, text: str) -> str:
    """An engine message (a board error, a clash) with the class's names in it."""
    return shown(text, names_of(classroom))


def load_plan(arrangement: dict, file: str = "plan") -> engine.Plan:
    """A stored arrangement as an engine plan, every partnership numbered (an
    arrangement stored before partnerships had numbers is numbered in its order)."""
    return numbered(engine.plan_from_dict(arrangement, file=file))


def board_plan(plan: Plan) -> engine.Plan:
    return load_plan(plan.arrangement, file=plan.name or "draft plan")


def generate(classroom: Classroom, chosen: dict) -> Plan:
    """Plan the class and make the result its draft (replacing an unsaved draft).

    Raises InfeasibleError naming clashing rules; nothing is changed then.
    """
    chosen = {**chosen, "seed": random.randrange(1_000_000)}
    students, rules = class_roster(classroom)
    if len(students) < 2:
        raise engine.InfeasibleError([_("add at least two students before planning")])
    if len(students) > settings.PARTNERUP_MAX_CLASS_SIZE:
        raise engine.InfeasibleError(
            [
                _(
                    "this class has %(size)s students; the web plans classes of up to "
                    "%(most)s (plan grade-level pools with the partnerup plan command)"
                )
                % {"size": len(students), "most": settings.PARTNERUP_MAX_CLASS_SIZE}
            ]
        )
    result = engine.plan_partnerships(students, rules, plan_settings(chosen))
    with transaction.atomic():
        lock_class(classroom)
        classroom.plans.filter(is_draft=True).delete()
        return Plan.objects.create(
            classroom=classroom, settings=chosen, arrangement=engine.plan_to_dict(numbered(result))
        )


BOARD_CHANGED = gettext_noop("This board changed meanwhile (on another device): here it is now.")


def members_token(pks) -> str:
    """A card's students as the page shows them (ids, sorted), sent back with a step."""
    return ",".join(str(pk) for pk in sorted(pk for pk in pks if pk))


def check_card(plan: engine.Plan, index: int, seen: str | None) -> None:
    """Raise BoardError when the card the teacher acted on no longer holds the students
    they saw (another device changed the board meanwhile)."""
    if not seen:
        return
    cards = plan.partnerships
    now = members_token(key_pk(k) for k in cards[index].members) if index < len(cards) else ""
    if now != seen:
        raise BoardError(_(BOARD_CHANGED))


def checked(step: Step, index: int, seen: str | None) -> Step:
    def run(plan: engine.Plan) -> engine.Plan:
        check_card(plan, index, seen)
        return step(plan)

    return run


def move_or_swap(asked: dict) -> Step:
    """The board step a move asks for: `asked` is a cleaned BoardStepForm (student and
    with are student ids, to a card index, "new" or "floaters")."""
    student = student_key(asked["student"])
    if asked.get("with"):
        swap_with = student_key(asked["with"])
        return lambda p: swap_students(p, student, swap_with)
    to = asked.get("to", "")
    target: int | str = int(to) if to.isascii() and to.isdigit() else to
    if target not in (NEW_CARD, FLOATERS) and not isinstance(target, int):
        raise BoardError(_("Choose where to move the student."))
    step: Step = lambda p: move_student(p, student, target)  # noqa: E731
    return checked(step, target, asked.get("members")) if isinstance(target, int) else step


def step_kind(asked: dict) -> tuple[str, list[int]]:
    """How Undo names a move or a swap (see history.STEP_LABELS), and whom."""
    if asked.get("with"):
        return "swap", [asked["student"], asked["with"]]
    return "move", [asked["student"]]


@dataclass(frozen=True)
class StepOutcome:
    needs_confirming: tuple[str, ...] = ()  # rules the step would break; nothing saved


def take_step(plan: Plan, step: Step, confirmed: bool, kind: str, students=()) -> StepOutcome:
    """Apply one board step, kept for Undo as `kind` (see history.STEP_LABELS) naming
    `students` (ids). A step that breaks a rule is kept only once confirmed.

    Raises BoardError (a locked card, an unknown name) with nothing changed.
    """
    arrangement, outcome = step_arrangement(
        plan.classroom, plan.arrangement, plan.settings, step, confirmed
    )
    if arrangement is not None:
        with history.recorded(plan, kind, _plan_state(plan), students):
            plan.arrangement = arrangement
            plan.save(update_fields=["arrangement"])
    return outcome


def _plan_state(plan: Plan) -> history.Snapshot:
    """What a board step changes on a draft: its arrangement (locks and roles in it)."""
    return lambda: {"arrangement": plan.arrangement}


def taken_back(row: history.UndoHistory, seen_version: int) -> dict:
    """The state the newest step on a locked board row replaced, taken off its history.
    Raises BoardError when the page that asked showed another version of the board (a
    double tap, another device) or there is nothing to undo."""
    if seen_version != row.version:
        raise BoardError(BOARD_CHANGED)
    return history.take_back(row)


def undo(plan: Plan, seen_version: int) -> None:
    """Put the draft back as it was before its newest step. Call with the plan locked."""
    plan.arrangement = taken_back(plan, seen_version)["arrangement"]
    plan.save(update_fields=["arrangement", "undo_steps", "version"])


def step_arrangement(
    classroom: Classroom, arrangement: dict, chosen: dict, step: Step, confirmed: bool
) -> tuple[dict | None, StepOutcome]:
    """One step on any stored arrangement (a draft plan or a workshop day): the new
    arrangement, or None when the step waits for the teacher to confirm a broken rule."""
    students, rules = class_roster(classroom)
    settings = plan_settings(chosen)
    before = load_plan(arrangement)
    after = step(before)
    broken = new_breaks(
        check_board(before, students, rules, settings),
        check_board(after, students, rules, settings),
    )
    if broken and not confirmed:
        return None, StepOutcome(needs_confirming=shown_all(broken, names_of(classroom)))
    return engine.plan_to_dict(numbered(rescored(after, students, rules, settings))), StepOutcome()


def replan_rest(plan: Plan) -> None:
    """Re-plan every card that is not locked. Raises InfeasibleError with nothing changed."""
    students, rules = class_roster(plan.classroom)
    fresh = engine.replan_rest(board_plan(plan), students, rules, plan_settings(plan.settings))
    with history.recorded(plan, "replan", _plan_state(plan)):
        plan.arrangement = engine.plan_to_dict(fresh)
        plan.save(update_fields=["arrangement"])


@transaction.atomic
def save_as_current(plan: Plan, name: str, starts: date | None, ends: date | None) -> None:
    """The draft becomes a saved plan and the class's current one; the old one stays
    in the history. Its board steps can no longer be undone."""
    lock_class(plan.classroom)
    plan.classroom.plans.filter(is_current=True).update(is_current=False)
    history.forget(plan)
    plan.name, plan.starts, plan.ends = name, starts, ends
    plan.is_draft, plan.is_current, plan.saved = False, True, timezone.now()
    plan.save()


@transaction.atomic
def make_current(plan: Plan) -> None:
    lock_class(plan.classroom)
    plan.classroom.plans.filter(is_current=True).exclude(pk=plan.pk).update(is_current=False)
    plan.is_current = True
    plan.save(update_fields=["is_current"])


@transaction.atomic
def draft_from(plan: Plan) -> Plan:
    """A new draft starting from a saved plan (the saved plan itself never changes)."""
    lock_class(plan.classroom)
    plan.classroom.plans.filter(is_draft=True).delete()
    return Plan.objects.create(
        classroom=plan.classroom, settings=plan.settings, arrangement=plan.arrangement
    )


class Member(NamedTuple):
    pk: int | None  # None: a student no longer in the class
    name: str
    letter: str  # A, B or C


@dataclass(frozen=True)
class Card:
    """One partnership as the board and the print views show it."""

    index: int  # its place on the board (what board steps name)
    number: int  # its number for the life of the plan (what teachers and children see)
    members: tuple[Member, ...]  # in role order
    is_locked: bool
    score: int
    reasons: tuple[str, ...]
    broken: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def member_pks(self) -> str:
        return members_token(m.pk for m in self.members)


@dataclass(frozen=True)
class Board:
    cards: list[Card]
    floaters: list[Member]
    arranged: engine.Plan


def cards(plan: Plan) -> Board:
    """Every partnership checked against the class as it is now, in its names."""
    students, rules = class_roster(plan.classroom)
    arranged = board_plan(plan)
    checks = check_board(arranged, students, rules, plan_settings(plan.settings))
    names = names_of(plan.classroom)
    pairs = zip(arranged.partnerships, checks, strict=True)
    return Board(
        cards=[_card(i, p, c, names) for i, (p, c) in enumerate(pairs)],
        floaters=[member(key, "", names) for key in arranged.floaters],
        arranged=arranged,
    )


def member(key: str, letter: str, names: dict[int, str]) -> Member:
    pk = key_pk(key)
    return Member(pk if pk in names else None, shown(key, names), letter)


def _card(index: int, p: engine.Partnership, check: CardCheck, names: dict[int, str]) -> Card:
    role = p.role_of
    return Card(
        index=index,
        number=p.number,
        members=tuple(member(m, role.get(m, ""), names) for m in ordered_members(p)),
        is_locked=p.is_locked,
        score=round(check.score),
        reasons=shown_all(check.reasons, names),
        broken=shown_all(check.broken, names),
        warnings=shown_all(check.warnings, names),
    )
