"""A plan adjusted by hand: move, swap, lock, flip A/B, re-score and re-plan the rest.

The teacher's board is a `Plan` edited one step at a time. Each step is a pure
function returning a new plan; `check_board` re-scores every partnership with the
same scoring as planning and names the rules a hand-made partnership breaks, so
the teacher can see (and must confirm) a broken rule before it is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import combinations, count

from .errors import PartnerUpError
from .explain import ODD_CLASS, explain_pair, explain_triad
from .model import Partnership, Plan, PlanSettings, Rule, Student
from .rules import HardRules, collect_hard_rules
from .scoring import score_pair
from .solve import plan_partnerships

ROLE_LETTERS = "ABCDEF"
FLOATERS = "floaters"
NEW_CARD = "new"
HAND_THREE = "a three made on the board"


class BoardError(PartnerUpError):
    """A board step that cannot be done (a locked card, a name not on the board)."""


@dataclass(frozen=True)
class CardCheck:
    """What the board shows on one card beyond its members."""

    score: float
    reasons: tuple[str, ...]
    broken: tuple[str, ...]  # hard rules this partnership breaks: red, confirmed by hand
    warnings: tuple[str, ...]  # shape problems: alone, too many, no longer in the class


def ordered_members(p: Partnership) -> tuple[str, ...]:
    """Members in role order (A first); members without a role keep their place last."""
    role = p.role_of
    return tuple(sorted(p.members, key=lambda m: role.get(m) or "Z"))


def _with_members(p: Partnership, members: Sequence[str]) -> Partnership:
    """The partnership holding `members` in role order: A, B, C… follow the order."""
    members = tuple(members)
    return replace(p, members=members, roles=tuple(zip(members, ROLE_LETTERS, strict=False)))


def _card_of(plan: Plan, name: str) -> int | None:
    for index, p in enumerate(plan.partnerships):
        if name in p.members:
            return index
    if name in plan.floaters:
        return None
    raise BoardError(f"{name} is not on this board")


def _refuse_locked(plan: Plan, *indexes: int | None) -> None:
    for index in indexes:
        if index is not None and plan.partnerships[index].is_locked:
            members = " and ".join(plan.partnerships[index].members)
            raise BoardError(f"The partnership of {members} is locked: unlock it first.")


def move_student(plan: Plan, name: str, to: int | str) -> Plan:
    """Move one student to card `to` (an index), to a new card, or to the floaters."""
    source = _card_of(plan, name)
    target = to if isinstance(to, int) else None
    if isinstance(to, int) and not 0 <= to < len(plan.partnerships):
        raise BoardError(f"There is no partnership number {to + 1} on this board.")
    if not isinstance(to, int) and to not in (NEW_CARD, FLOATERS):
        raise BoardError(f"Cannot move {name} to '{to}'.")
    _refuse_locked(plan, source, target)
    if source == target and (target is not None or to == FLOATERS):
        return plan
    cards: list[Partnership | None] = list(plan.partnerships)
    floaters = [f for f in plan.floaters if f != name]
    if source is not None:
        left = [m for m in ordered_members(plan.partnerships[source]) if m != name]
        cards[source] = _with_members(plan.partnerships[source], left) if left else None
    if isinstance(to, int):
        target_card = plan.partnerships[to]
        cards[to] = _with_members(target_card, [*ordered_members(target_card), name])
    elif to == NEW_CARD:
        cards.append(_with_members(Partnership(members=(name,)), [name]))
    else:
        floaters.append(name)
    return replace(
        plan,
        partnerships=tuple(c for c in cards if c is not None),
        floaters=tuple(floaters),
        status="edited",
    )


def swap_students(plan: Plan, first: str, second: str) -> Plan:
    """Swap two students between cards (each takes the other's A/B role)."""
    if first == second:
        return plan
    a, b = _card_of(plan, first), _card_of(plan, second)
    _refuse_locked(plan, a, b)
    swap = {first: second, second: first}
    cards = [
        _with_members(p, [swap.get(m, m) for m in ordered_members(p)]) if index in (a, b) else p
        for index, p in enumerate(plan.partnerships)
    ]
    floaters = tuple(swap.get(f, f) for f in plan.floaters)
    return replace(plan, partnerships=tuple(cards), floaters=floaters, status="edited")


def set_locked(plan: Plan, index: int, locked: bool) -> Plan:
    card = _card_at(plan, index)
    if locked and not 2 <= len(card.members) <= 3:
        raise BoardError("Only a pair or a three can be locked.")
    cards = list(plan.partnerships)
    cards[index] = replace(card, is_locked=locked)
    return replace(plan, partnerships=tuple(cards))


def flip_roles(plan: Plan, index: int) -> Plan:
    """The next member becomes A (A→last): A and B swap in a pair."""
    card = _card_at(plan, index)
    members = ordered_members(card)
    cards = list(plan.partnerships)
    cards[index] = _with_members(card, members[1:] + members[:1])
    return replace(plan, partnerships=tuple(cards))


def _card_at(plan: Plan, index: int) -> Partnership:
    if not 0 <= index < len(plan.partnerships):
        raise BoardError(f"There is no partnership number {index + 1} on this board.")
    return plan.partnerships[index]


def check_board(
    plan: Plan, students: Sequence[Student], rules: Sequence[Rule], settings: PlanSettings
) -> list[CardCheck]:
    """Score, reasons, broken rules and warnings for every card, in board order."""
    hard, _ = collect_hard_rules(students, rules, settings)
    by_name = {s.name: s for s in students}
    odd_class = len(students) % 2 == 1
    return [_check_card(p.members, hard, by_name, settings, odd_class) for p in plan.partnerships]


def _check_card(
    members: tuple[str, ...],
    hard: HardRules,
    by_name: dict[str, Student],
    settings: PlanSettings,
    odd_class: bool,
) -> CardCheck:
    known = tuple(m for m in members if m in by_name)
    warnings = [f"{m} is no longer in this class" for m in members if m not in by_name]
    if len(known) == 1:
        warnings.append(f"{known[0]} has no partner yet")
    if len(known) > 3:
        warnings.append(f"{len(known)} writers: a partnership is a pair or a three")
    warnings += hard.spread_warnings(known)
    broken = hard.group_breaks(known) + _split_together(known, hard)
    fits = {(a, b): score_pair(by_name[a], by_name[b], settings) for a, b in combinations(known, 2)}
    if len(known) == 2:
        score, reasons = explain_pair(known, fits[known])
    elif len(known) == 3:
        score, reasons = explain_triad(known, fits, by_name)
        if not odd_class:  # the planner makes such a three only for an odd class
            reasons = tuple(HAND_THREE if r == ODD_CLASS else r for r in reasons)
    else:
        score = sum(f.points for f in fits.values()) / max(len(known) - 1, 1)
        reasons = tuple(dict.fromkeys(r for f in fits.values() for r in f.reasons))
    return CardCheck(score, reasons, tuple(broken), tuple(warnings))


def _split_together(members: tuple[str, ...], hard: HardRules) -> list[str]:
    split = {hard.together[m] for m in members if m in hard.together}
    return [
        f"{' and '.join(sorted(group))} are to be kept together"
        for group in sorted(split, key=sorted)
        if not group <= set(members)
    ]


def numbered(plan: Plan, above: int = 0) -> Plan:
    """The plan with a number on every partnership: one already numbered keeps it, and
    each new one takes the next number above those in use (and above `above`, e.g. the
    plan's highest when Today adds partnerships the printed chart never had)."""
    last = max([above, *(p.number for p in plan.partnerships)])
    cards = []
    for p in plan.partnerships:
        if p.number == 0:
            last += 1
            p = replace(p, number=last)
        cards.append(p)
    return replace(plan, partnerships=tuple(cards))


def highest_number(plan: Plan) -> int:
    return max([0, *(p.number for p in plan.partnerships)])


def new_breaks(before: list[CardCheck], after: list[CardCheck]) -> list[str]:
    """Rules broken after a step that were not broken before it."""
    old = {b for check in before for b in check.broken}
    return list(dict.fromkeys(b for check in after for b in check.broken if b not in old))


def rescored(
    plan: Plan, students: Sequence[Student], rules: Sequence[Rule], settings: PlanSettings
) -> Plan:
    """The plan with every card's score and reasons recomputed (after hand edits)."""
    checks = check_board(plan, students, rules, settings)
    cards = tuple(
        replace(p, score=c.score, reasons=c.reasons)
        for p, c in zip(plan.partnerships, checks, strict=True)
    )
    total = sum(c.score for c in checks)
    return replace(plan, partnerships=cards, objective=total, bound=max(plan.bound, total))


def replan_rest(
    plan: Plan, students: Sequence[Student], rules: Sequence[Rule], settings: PlanSettings
) -> Plan:
    """Plan again, keeping every locked card exactly as it is (members and A/B).

    Raises InfeasibleError naming the clash when a locked card breaks a rule or the
    rest cannot be partnered.
    """
    locked = [p for p in plan.partnerships if p.is_locked]
    lock_rules = [Rule("lock", ordered_members(p)) for p in locked]
    fresh = plan_partnerships(students, [*rules, *lock_rules], settings)
    keep = {frozenset(p.members): p for p in locked}
    # Locked cards keep their numbers; the re-planned ones take the lowest free ones.
    free = (n for n in count(1) if n not in {p.number for p in locked})
    cards = tuple(
        replace(keep[frozenset(p.members)], score=p.score, reasons=p.reasons)
        if frozenset(p.members) in keep
        else replace(p, number=next(free))
        for p in fresh.partnerships
    )
    return replace(fresh, partnerships=cards)
