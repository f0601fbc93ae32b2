"""Hard rules: which pairs and triads are allowed, and naming the rules that clash.

Hard rules are never traded against scores: keep apart (teacher rules and the
students' avoid lists), keep together, locks, not the reading partner, no past
partner (unless repeats are allowed), and every emergent bilingual grouped with a
proficient English speaker.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from .errors import InfeasibleError
from .model import PlanSettings, Rule, Student

MAX_LISTED = 8


@dataclass
class HardRules:
    students: dict[str, Student]
    why_apart: dict[frozenset[str], str] = field(default_factory=dict)
    together: dict[str, frozenset[str]] = field(default_factory=dict)
    locks: list[tuple[str, ...]] = field(default_factory=list)

    def pair_allowed(self, a: str, b: str) -> bool:
        if frozenset((a, b)) in self.why_apart:
            return False
        if not self._language_ok((a, b)):
            return False
        return self.together.get(a, frozenset((a, b))) == self.together.get(b, frozenset((a, b)))

    def triad_allowed(self, members: Sequence[str]) -> bool:
        if any(frozenset(p) in self.why_apart for p in combinations(members, 2)):
            return False
        if not self._language_ok(members):
            return False
        group = set(members)
        return all(self.together.get(m, frozenset()) <= group for m in members)

    def group_breaks(self, members: Sequence[str]) -> list[str]:
        """Plain words for every hard rule this group breaks (empty when it keeps them)."""
        broken = [
            f"{a} and {b}: {self.why_apart[frozenset((a, b))]}"
            for a, b in combinations(members, 2)
            if frozenset((a, b)) in self.why_apart
        ]
        if not self._language_ok(members):
            learners = [m for m in members if self.students[m].needs_language_support]
            broken.append(f"{' and '.join(learners)} need a proficient English speaker")
        return broken

    def _language_ok(self, members: Iterable[str]) -> bool:
        group = [self.students[m] for m in members]
        if not any(s.needs_language_support for s in group):
            return True
        return any(s.is_proficient_speaker for s in group)

    def forbidden_pairs(self) -> list[tuple[str, str]]:
        return sorted(tuple(sorted(pair)) for pair in self.why_apart)  # type: ignore[misc]


def build_hard_rules(
    students: Sequence[Student], rules: Sequence[Rule], settings: PlanSettings
) -> HardRules:
    """Collect the hard rules and raise InfeasibleError naming any that clash outright."""
    hard, conflicts = collect_hard_rules(students, rules, settings)
    if conflicts:
        raise InfeasibleError(conflicts)
    return hard


def collect_hard_rules(
    students: Sequence[Student], rules: Sequence[Rule], settings: PlanSettings
) -> tuple[HardRules, list[str]]:
    """The hard rules and the clashes among them, without refusing (a hand-made board
    must still be checked when the rules clash)."""
    hard = HardRules(students={s.name: s for s in students})
    for s in students:
        for other in s.avoid:
            hard.why_apart.setdefault(frozenset((s.name, other)), f"{s.name} avoids {other}")
        if s.reading_partner:
            hard.why_apart.setdefault(frozenset((s.name, s.reading_partner)), "reading partners")
        if not settings.allow_repeats:
            for other in s.past_partners:
                hard.why_apart.setdefault(frozenset((s.name, other)), "past partners")
    for rule in rules:
        if rule.kind == "keep_apart":
            for a, b in combinations(rule.students, 2):
                hard.why_apart[frozenset((a, b))] = f"keep-apart rule {'–'.join(rule.students)}"
    conflicts = _join_together(hard, rules)
    conflicts += _check_groups(hard, rules)
    return hard, conflicts


def _join_together(hard: HardRules, rules: Sequence[Rule]) -> list[str]:
    for rule in rules:
        if rule.kind != "keep_together":
            continue
        joined = frozenset(rule.students).union(*(hard.together.get(m, ()) for m in rule.students))
        for m in joined:
            hard.together[m] = joined
    conflicts = []
    for group in sorted({g for g in hard.together.values()}, key=sorted):
        if len(group) > 3:
            conflicts.append(
                f"keep-together rules join {len(group)} students ({', '.join(sorted(group))}); "
                "a partnership holds two or three"
            )
    return conflicts


def _check_groups(hard: HardRules, rules: Sequence[Rule]) -> list[str]:
    conflicts = []
    locked: dict[str, tuple[str, ...]] = {}
    for rule in rules:
        if rule.kind == "lock":
            hard.locks.append(rule.students)
            locked.update({m: rule.students for m in rule.students})
    groups = [("lock", g) for g in hard.locks]
    groups += [("keep-together", tuple(sorted(g))) for g in set(hard.together.values())]
    for kind, members in groups:
        for problem in hard.group_breaks(members):
            conflicts.append(f"{kind} {'–'.join(members)} breaks a rule: {problem}")
    for members in set(hard.together.values()):
        if len({locked.get(m) for m in members}) > 1:
            conflicts.append(
                f"keep-together {'–'.join(sorted(members))} splits a locked partnership"
            )
    return conflicts


def diagnose(
    hard: HardRules, free: Sequence[str], triads_allowed: bool, odd_without_triads: bool
) -> list[str]:
    """Name the rules that leave no complete arrangement of the free students."""
    conflicts = []
    if odd_without_triads:
        conflicts.append(
            f"{len(free)} students to place and triads are off: add a floater or allow triads"
        )
    for name in free:
        others = [o for o in free if o != name]
        if any(hard.pair_allowed(name, o) for o in others):
            continue
        if triads_allowed and any(
            hard.triad_allowed((name, b, c)) for b, c in combinations(others, 2)
        ):
            continue
        blockers = [f"{name}–{o} ({_why_not(hard, name, o)})" for o in others]
        more = len(blockers) - MAX_LISTED
        listed = ", ".join(blockers[:MAX_LISTED]) + (f", and {more} more" if more > 0 else "")
        conflicts.append(f"the rules leave {name} no possible partner: {listed}")
    learners = [n for n in free if hard.students[n].needs_language_support]
    models = [n for n in free if hard.students[n].is_proficient_speaker]
    capacity = len(models) * (2 if triads_allowed else 1)
    if len(learners) > capacity:
        conflicts.append(
            f"{len(learners)} emergent bilinguals need a proficient English speaker but only "
            f"{len(models)} are free to partner them"
        )
    if not conflicts:
        conflicts.append(
            "the rules together leave no way to partner everyone: loosen a keep-apart or "
            "keep-together rule, allow repeats, or add a floater"
        )
    return conflicts


def _why_not(hard: HardRules, a: str, b: str) -> str:
    pair = frozenset((a, b))
    if pair in hard.why_apart:
        return hard.why_apart[pair]
    if not hard._language_ok((a, b)):
        return "neither is a proficient English speaker"
    return "kept together with someone else"
