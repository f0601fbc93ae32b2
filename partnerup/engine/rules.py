"""Hard rules: who may work with whom, decided in one place.

Every rule of who may share a partnership lives in the frozen `HardRules` built here;
planning, the board, repair, rotation, headline weeks, temporary partners and the web
ask it, and none decides on its own. Hard rules are never traded against scores:

- kept apart: the teacher's keep-apart rules, students' avoid lists, reading partners,
  past partners (unless a plan allows repeats), each a `KeptApart` with its reason;
- kept together and locked: `Rule`s of those kinds (a group holds every member of a
  keep-together rule it touches);
- language: every emergent bilingual in a group with a proficient English speaker;
- spread: at most one often-absent writer per partnership, so the others still have a
  partner. Unlike the rest it gives way when the class leaves no other plan
  (`relaxed`), and the board warns instead of refusing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Literal

import networkx as nx

from .errors import InfeasibleError
from .model import Plan, PlanSettings, Rule, Student

MAX_LISTED = 8

ApartKind = Literal["keep_apart", "avoid", "reading", "past", "plan"]


@dataclass(frozen=True)
class KeptApart:
    """One rule that keeps students apart: a keep-apart rule (all of `students`), an
    avoid list entry (students[0] avoids students[1]), reading partners, past partners,
    or a pair a saved plan keeps apart (a plan carries its pairs, not their reasons)."""

    kind: ApartKind
    students: tuple[str, ...]

    def pairs(self) -> Iterator[frozenset[str]]:
        return (frozenset(p) for p in combinations(self.students, 2))

    @property
    def reason(self) -> str:
        """Why a pair it holds is kept apart, after the pair's names."""
        first, second = self.students[0], self.students[-1]
        return {
            "keep_apart": f"keep-apart rule {'–'.join(self.students)}",
            "avoid": f"{first} avoids {second}",
            "reading": "reading partners",
            "past": "past partners",
            "plan": "kept apart",
        }[self.kind]

    @property
    def label(self) -> str:
        """The rule as a sentence of its own (naming the rules that clash)."""
        first, second = self.students[0], self.students[-1]
        if self.kind == "reading":
            return f"{first} and {second} are reading partners"
        if self.kind == "past":
            return f"{first} and {second} were partners before (repeats are off)"
        return self.reason


@dataclass(frozen=True)
class HardRules:
    """Who may share a partnership. Frozen: build it with `hard_rules` (from a class)
    or `hard_rules_of_plan` (from a saved plan), change it with `relaxed`/`present`."""

    apart: tuple[KeptApart, ...] = ()
    learners: frozenset[str] = frozenset()
    kept: tuple[Rule, ...] = ()  # keep-together and lock rules, each once
    spread: frozenset[str] = frozenset()  # often-absent writers, at most one a group
    why_apart: Mapping[frozenset[str], str] = field(init=False, repr=False, compare=False)
    together: Mapping[str, frozenset[str]] = field(init=False, repr=False, compare=False)
    locks: tuple[tuple[str, ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        why: dict[frozenset[str], str] = {}
        for rule in self.apart:
            for pair in rule.pairs():
                if rule.kind == "keep_apart":
                    why[pair] = rule.reason  # the teacher's own rule is the reason shown
                else:
                    why.setdefault(pair, rule.reason)
        together: dict[str, frozenset[str]] = {}
        for kept in self.kept:
            if kept.kind == "keep_together":
                joined = frozenset(kept.students).union(
                    *(together.get(m, ()) for m in kept.students)
                )
                together.update(dict.fromkeys(joined, joined))
        object.__setattr__(self, "why_apart", why)
        object.__setattr__(self, "together", together)
        locks = tuple(r.students for r in self.kept if r.kind == "lock")
        object.__setattr__(self, "locks", locks)

    def allows(self, members: Sequence[str]) -> bool:
        """May these students form one partnership (a pair, a three, or more)?"""
        if any(pair in self.why_apart for pair in _pairs(members)):
            return False
        if not self.language_ok(members) or not self.spread_ok(members):
            return False
        group = set(members)
        return all(self.together.get(m, frozenset()) <= group for m in members)

    def pair_allowed(self, a: str, b: str) -> bool:
        """`allows((a, b))`, written out: the planner asks it for every pair of a pool."""
        if frozenset((a, b)) in self.why_apart:
            return False
        if (a in self.learners and b in self.learners) or (a in self.spread and b in self.spread):
            return False
        pair = {a, b}
        return (
            self.together.get(a, frozenset()) <= pair and self.together.get(b, frozenset()) <= pair
        )

    def triad_allowed(self, members: Sequence[str]) -> bool:
        return self.allows(members)

    def language_ok(self, members: Iterable[str]) -> bool:
        """No emergent bilingual without a proficient English speaker in the group."""
        group = list(members)
        return not any(m in self.learners for m in group) or any(
            m not in self.learners for m in group
        )

    def spread_ok(self, members: Iterable[str]) -> bool:
        return sum(m in self.spread for m in members) <= 1

    def group_breaks(self, members: Sequence[str]) -> list[str]:
        """Plain words for every hard rule this group breaks (empty when it keeps them);
        keep-together is the board's to name, as only the whole board shows a split."""
        broken = [
            f"{a} and {b}: {self.why_apart[frozenset((a, b))]}"
            for a, b in combinations(members, 2)
            if frozenset((a, b)) in self.why_apart
        ]
        if not self.language_ok(members):
            learners = [m for m in members if m in self.learners]
            broken.append(f"{' and '.join(learners)} need a proficient English speaker")
        return broken

    def spread_warnings(self, members: Sequence[str]) -> list[str]:
        """The spread rule in words, for a group that holds two often-absent writers."""
        often = [m for m in members if m in self.spread]
        if len(often) < 2:
            return []
        return [f"{' and '.join(often)} are both often absent"]

    def why_not(self, a: str, b: str) -> str:
        """Why a and b may not be a pair, in words ("" when they may)."""
        pair = frozenset((a, b))
        if pair in self.why_apart:
            return self.why_apart[pair]
        if not self.language_ok((a, b)):
            return "neither is a proficient English speaker"
        if not self.spread_ok((a, b)):
            return "both often absent"
        return "" if self.allows((a, b)) else "kept together with someone else"

    def apart_of_kinds(self, *kinds: ApartKind) -> frozenset[frozenset[str]]:
        """Every pair kept apart by a rule of these kinds (e.g. headline partners keep
        apart only what teachers and students asked: keep-apart rules and avoid lists)."""
        return frozenset(p for rule in self.apart if rule.kind in kinds for p in rule.pairs())

    def forbidden_pairs(self) -> list[tuple[str, str]]:
        return sorted((min(p), max(p)) for p in self.why_apart)

    def relaxed(self) -> HardRules:
        """The same rules without the spread rule (when the class leaves no other plan)."""
        return replace(self, spread=frozenset())

    def present(self, away: Iterable[str]) -> HardRules:
        """The rules for a day when `away` are absent: keep-together and locks bind the
        students who are here."""
        gone = set(away)
        kept = []
        for rule in self.kept:
            here = tuple(m for m in rule.students if m not in gone)
            if len(here) >= 2:
                kept.append(Rule(rule.kind, here))
        return replace(self, kept=tuple(kept))


def _pairs(members: Sequence[str]) -> Iterator[frozenset[str]]:
    return (frozenset(p) for p in combinations(members, 2))


def hard_rules(
    students: Sequence[Student],
    rules: Sequence[Rule],
    settings: PlanSettings,
    *,
    spread: bool = True,
) -> HardRules:
    """The class's hard rules, built once (clashes among them are not checked here:
    see `collect_hard_rules`). Past partners bind unless `settings.allow_repeats`;
    `spread=False` leaves often-absent writers free to share a group."""
    apart: list[KeptApart] = []
    seen: set[tuple[str, frozenset[str]]] = set()

    def once(kind: ApartKind, named: tuple[str, ...]) -> None:
        members = tuple(dict.fromkeys(named))  # a student named twice counts once
        key = (kind, frozenset(members))
        if key not in seen and len(members) >= 2:
            seen.add(key)
            apart.append(KeptApart(kind, members))

    for s in students:
        for other in s.avoid:
            if other != s.name:
                apart.append(KeptApart("avoid", (s.name, other)))
        if s.reading_partner:
            once("reading", (s.name, s.reading_partner))
        if not settings.allow_repeats:
            for other in s.past_partners:
                once("past", (s.name, other))
    kept: dict[tuple[str, frozenset[str]], Rule] = {}
    for rule in rules:
        if rule.kind == "keep_apart":
            once("keep_apart", rule.students)
        else:
            kept.setdefault((rule.kind, frozenset(rule.students)), rule)
    held = {m for rule in kept.values() for m in rule.students}
    often = frozenset(s.name for s in students if s.often_absent and s.name not in held)
    return HardRules(
        apart=tuple(apart),
        learners=frozenset(s.name for s in students if s.needs_language_support),
        kept=tuple(kept.values()),
        spread=often if spread else frozenset(),
    )


def hard_rules_of_plan(plan: Plan) -> HardRules:
    """The hard rules a saved plan carries (its kept-apart pairs and emergent
    bilinguals), for repairing a day without the roster."""
    return HardRules(
        apart=tuple(KeptApart("plan", pair) for pair in plan.forbidden_pairs),
        learners=frozenset(plan.emergent_bilinguals),
    )


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
    hard = hard_rules(students, rules, settings)
    return hard, _too_large_together(hard) + _check_groups(hard)


def _too_large_together(hard: HardRules) -> list[str]:
    conflicts = []
    for group in sorted(set(hard.together.values()), key=sorted):
        if len(group) > 3:
            conflicts.append(
                f"keep-together rules join {len(group)} students ({', '.join(sorted(group))}); "
                "a partnership holds two or three"
            )
    return conflicts


def _check_groups(hard: HardRules) -> list[str]:
    conflicts = []
    locked: dict[str, tuple[str, ...]] = {}
    for lock in hard.locks:
        locked.update({m: lock for m in lock})
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
    for together in set(hard.together.values()):
        if len({locked.get(m) for m in together}) > 1:
            conflicts.append(
                f"keep-together {'–'.join(sorted(together))} splits a locked partnership"
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
            blockers = [f"{name}–{o} ({hard.why_not(name, o)})" for o in others]
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
    learners = [n for n in free if n in hard.learners]
    models = [n for n in free if n not in hard.learners]
    may_float = min(floaters, sum(n not in hard.together for n in learners))
    needed = len(learners) - may_float
    if needed <= 0:
        return []
    flow: nx.DiGraph[object] = nx.DiGraph()
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


def carrying_rules(plan: Plan, hard: HardRules) -> Plan:
    """`plan` carrying these hard rules (kept-apart pairs, emergent bilinguals), so a
    repair made from it alone keeps them."""
    return replace(
        plan,
        forbidden_pairs=tuple(hard.forbidden_pairs()),
        emergent_bilinguals=tuple(sorted(hard.learners)),
    )
