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

import networkx as nx

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
        problems = hard.group_breaks(members)
        if (
            kind == "keep-together"
            and len(members) == 2
            and frozenset(members) not in hard.why_apart
        ):
            problems = []  # they may still join a three with an English model
        for problem in problems:
            conflicts.append(f"{kind} {'–'.join(members)} breaks a rule: {problem}")
    for members in set(hard.together.values()):
        if len({locked.get(m) for m in members}) > 1:
            conflicts.append(
                f"keep-together {'–'.join(sorted(members))} splits a locked partnership"
            )
    return conflicts


def diagnose(
    hard: HardRules,
    free: Sequence[str],
    floaters: int = 0,
    triads_left: int = 0,
    no_threes: str = "triads are off",
) -> list[str]:
    """Name what leaves no complete arrangement of the free students, when `floaters`
    of them float and at most `triads_left` threes may form (`no_threes` says why none
    may when it is 0).

    Each message is a reason on its own: the count it names rules out every plan. The
    list is empty when no such count explains the clash (the caller then looks for the
    rules that cannot all hold together).
    """
    conflicts = []
    placed = len(free) - floaters
    if placed % 2 and not triads_left:
        hint = "add a floater or allow triads" if not floaters else "add or remove a floater"
        who = "1 student" if placed == 1 else f"{placed} students"
        conflicts.append(f"{who} to place and {no_threes}: {hint}")
    can_float = [n for n in free if n not in hard.together]
    stranded = [n for n in free if not _has_partner(hard, n, free, triads_left > 0)]
    if any(n not in can_float for n in stranded) or len(stranded) > floaters:
        for name in stranded:
            others = [o for o in free if o != name]
            blockers = [f"{name}–{o} ({_why_not(hard, name, o)})" for o in others]
            more = len(blockers) - MAX_LISTED
            listed = ", ".join(blockers[:MAX_LISTED]) + (f", and {more} more" if more > 0 else "")
            conflicts.append(f"the rules leave {name} no possible partner: {listed}")
        if floaters and all(n in can_float for n in stranded):
            conflicts.append(f"only {floaters} of them can be a floater")
    conflicts += _too_few_models(hard, free, floaters, triads_left)
    return conflicts


def _has_partner(hard: HardRules, name: str, free: Sequence[str], triads: bool) -> bool:
    others = [o for o in free if o != name]
    if any(hard.pair_allowed(name, o) for o in others):
        return True
    return triads and any(hard.triad_allowed((name, b, c)) for b, c in combinations(others, 2))


def _too_few_models(
    hard: HardRules, free: Sequence[str], floaters: int, triads_left: int
) -> list[str]:
    """Every placed emergent bilingual needs a proficient speaker in the group, and a
    speaker takes at most two of them (the second only in a three). A flow from the
    learners through the speakers each may work with counts how many can be placed;
    when fewer than must be, its cut names the learners and the few speakers the rules
    leave them."""
    learners = [n for n in free if hard.students[n].needs_language_support]
    models = [n for n in free if hard.students[n].is_proficient_speaker]
    may_float = min(floaters, sum(n not in hard.together for n in learners))
    needed = len(learners) - may_float
    if needed <= 0:
        return []
    flow = nx.DiGraph()
    for learner in learners:
        flow.add_edge(SOURCE, ("learner", learner), capacity=1)
        for model in models:
            if _may_share_a_group(hard, learner, model, free, triads_left > 0):
                flow.add_edge(("learner", learner), ("model", model), capacity=1)
    for model in models:
        flow.add_edge(("model", model), SINK, capacity=1)
        flow.add_edge(("model", model), SECOND, capacity=1)
    flow.add_edge(SECOND, SINK, capacity=triads_left)
    placed, (reached, _) = nx.minimum_cut(flow, SOURCE, SINK)
    if placed >= needed:
        return []
    stuck = [n for n in learners if ("learner", n) in reached]
    helpers = [n for n in models if ("model", n) in reached]
    threes = "" if triads_left else " (each in a pair, as no three may form)"
    floating = f" and {may_float} can float" if may_float else ""
    if len(stuck) == len(learners) and len(helpers) == len(models):
        return [
            f"{len(learners)} emergent bilinguals need a proficient English speaker but only "
            f"{len(models)} are free to partner them{threes}{floating}"
        ]
    needs = "needs" if len(stuck) == 1 else "need"
    left = f"only {_listed(helpers, ' and ')}" if helpers else "none"
    floats = f" and {may_float} float" if may_float else ""
    return [
        f"{_listed(stuck, ' and ')} {needs} a proficient English speaker but the rules leave "
        f"{left}{threes}: at most {placed} of the {len(learners)} emergent bilinguals can be "
        f"partnered{floats}"
    ]


SOURCE, SINK, SECOND = "source", "sink", "second"


def _may_share_a_group(
    hard: HardRules, learner: str, model: str, free: Sequence[str], triads: bool
) -> bool:
    if hard.pair_allowed(learner, model):
        return True
    return triads and any(
        hard.triad_allowed((learner, model, other))
        for other in free
        if other not in (learner, model)
    )


def _listed(names: Sequence[str], last: str = ", ") -> str:
    """Names joined for a sentence, the list cut at MAX_LISTED."""
    more = len(names) - MAX_LISTED
    if more > 0:
        return ", ".join(names[:MAX_LISTED]) + f" and {more} more"
    return ", ".join(names[:-1]) + last + names[-1] if len(names) > 1 else "".join(names)


def _why_not(hard: HardRules, a: str, b: str) -> str:
    pair = frozenset((a, b))
    if pair in hard.why_apart:
        return hard.why_apart[pair]
    if not hard._language_ok((a, b)):
        return "neither is a proficient English speaker"
    return "kept together with someone else"
