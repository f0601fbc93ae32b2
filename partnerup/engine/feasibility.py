"""Exact answers for the classes the fast path cannot plan.

plan_partnerships first chooses floaters by steadiness and runs the search on everyone
else. That is quick and nearly always right, but a greedy choice can miss a plan that
exists (three students, one floater, two emergent bilinguals: only an emergent
bilingual may float), and the search keeps threes that help nobody to one per odd
class (two emergent bilinguals sharing the one English model in an even class need
two). When the fast path finds nothing and no count in rules.diagnose already rules
every plan out, `arrange_exactly` decides floaters, pairs and threes together in one
CP-SAT model over every allowed pair and three, so a class is called infeasible only
when no plan exists. (A large class tries a focused list of threes first; a plan found
there is valid, though not proven best.) `rules_in_conflict` then names a real reason:
a smallest set of rules that cannot all hold at once (CP-SAT assumptions, as in
OR-Tools' troubleshooting guide, shrunk one rule at a time).

The model ranks plans in three tiers, each worth more than everything below it:
floaters taken as early as possible in the steadiness order, then as few threes that
help nobody as the class allows (one when the count is odd), then the score (pairs
and threes valued as in the search, doubled to stay integral). Its floaters go back
to the search, which plans the rest for the best score when its shapes allow.

Up to 60 students the whole list of threes fits (C(60, 3) = 34,220); the answer takes
tens of milliseconds at 10 students and up to about a second at 60 on this machine.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

import networkx as nx
from ortools.sat.python import cp_model

from .errors import InfeasibleError
from .model import PlanSettings, Student
from .rules import HardRules, KeptApart
from .scoring import TRIAD_HELP_POINTS, Fit, triad_help

# Threes listed in the exact model; C(60, 3) = 34,220 stays well inside. Above it the
# model could miss a plan, so "no plan" is then not claimed (see UNDECIDED).
TRIAD_BUDGET = 200_000
# Naming the clashing rules lists every pair and three of the class.
CORE_CLASS_LIMIT = 60
# The least time a decisive solve gets, even past the deadline, and a focused one.
MIN_SECONDS = 1.0
FOCUS_SECONDS = 0.3
# Above this many pairs and threes, a focused list is tried first (see _focus).
FOCUS_ABOVE = 3_000
FEW_PARTNERS = 3
FILLERS = 12
UNDECIDED = (
    "no plan was found before the time limit, and none was ruled out either: "
    "try a longer time limit"
)

Group = tuple[str, ...]


@dataclass(frozen=True)
class Arrangement:
    floaters: tuple[str, ...]
    groups: tuple[Group, ...]  # members in the order given
    is_proven: bool
    excess_bound: float  # points the best plan could still lie above this one
    score: float = 0.0  # points, as the search counts them


@dataclass(frozen=True)
class Shape:
    """What the free students must make: `floaters` of them float (chosen among
    `may_float`, steadiest first) and at most `triads` threes form."""

    floaters: int
    triads: int
    may_float: tuple[str, ...]


def arrange_exactly(
    free: Sequence[str],
    hard: HardRules,
    by_name: Mapping[str, Student],
    fits: dict[tuple[str, str], Fit],
    shape: Shape,
    deadline: float,
) -> Arrangement | None:
    """The best arrangement of `free` by the tiers above, or None when no plan exists.

    A large class is first tried on a focused list of threes (those holding someone
    a three may be needed for, and a few fillers for the count); the plan found there
    is valid but not proven best. Only when that finds nothing does the whole list,
    which decides, get solved. Raises InfeasibleError saying so when the time limit
    ends before the answer.
    """
    values, plain, complete = _candidate_groups(free, hard, by_name, fits, shape.triads)
    sketch = _sketch(free, values, hard, shape)
    if len(values) > FOCUS_ABOVE:
        focused = _focus(values, free, hard, by_name, shape)
        halfway = time.monotonic() + max(FOCUS_SECONDS, (deadline - time.monotonic()) / 2)
        try:
            found = _solve(
                free, focused, plain, shape, sketch, min(deadline, halfway), FOCUS_SECONDS
            )
        except _OutOfTime:
            found = None
        if found is not None:
            excess = max(0.0, _seat_bound(values, free, shape) - found.score)
            return replace(found, is_proven=False, excess_bound=excess)
    try:
        found = _solve(free, values, plain, shape, sketch, deadline)
    except _OutOfTime:
        found = _sketched(free, values, shape, sketch)
        if found is None:
            raise InfeasibleError([UNDECIDED]) from None
    if found is None and not complete:
        raise InfeasibleError([UNDECIDED])
    return found


class _OutOfTime(Exception):
    """The solver stopped at its time limit with neither a plan nor a proof."""


def _solve(
    people: Sequence[str],
    values: dict[Group, int],
    plain: list[Group],
    shape: Shape,
    sketch: tuple[list[Group], list[str]],
    deadline: float,
    least: float = MIN_SECONDS,
) -> Arrangement | None:
    """The best partition of `people` into these groups by the tiers, starting from
    `sketch`, or None when there is none. Raises _OutOfTime."""
    partition = _Partition(people, values, plain, shape)
    partition.hint(*sketch)
    largest = dict.fromkeys(people, 0)
    for group, value in values.items():
        for m in group:
            largest[m] = max(largest[m], abs(value))
    span = 1 + sum(largest.values())  # no partition's score lies further from 0
    plain_weight = 2 * span + 1
    floater_weight = plain_weight * (len(people) // 3 + 1) + 2 * span + 1
    ranks = [rank * partition.floats[s] for rank, s in enumerate(shape.may_float)]
    partition.model.maximize(
        cp_model.LinearExpr.weighted_sum(
            [partition.chosen[g] for g in values], [values[g] for g in values]
        )
        - plain_weight * partition.extra_plain
        - floater_weight * cp_model.LinearExpr.sum(ranks)
    )
    solver = _solver(deadline, least)
    status = solver.solve(partition.model)
    if status == cp_model.INFEASIBLE:
        return None
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise _OutOfTime()
    groups = tuple(g for g, var in partition.chosen.items() if solver.value(var))
    proven = status == cp_model.OPTIMAL
    score = sum(values[g] for g in groups) / 2
    return Arrangement(
        floaters=tuple(s for s, var in partition.floats.items() if solver.value(var)),
        groups=groups,
        is_proven=proven,
        excess_bound=0.0 if proven else max(0.0, _seat_bound(values, people, shape) - score),
        score=score,
    )


def _focus(
    values: dict[Group, int],
    free: Sequence[str],
    hard: HardRules,
    by_name: Mapping[str, Student],
    shape: Shape,
) -> dict[Group, int]:
    """Every pair, the threes holding someone a three may be needed for (an emergent
    bilingual, a kept-together student, a student with few possible partners), and
    the threes among a few fillers that may make up the count."""
    degree = dict.fromkeys(free, 0)
    for group in values:
        if len(group) == 2:
            for m in group:
                degree[m] += 1
    needy = {
        s for s in free if s in hard.learners or s in hard.together or degree[s] <= FEW_PARTNERS
    }
    ordinary = sorted(
        (s for s in free if s not in needy),
        key=lambda s: (not by_name[s].triad_helps, -degree[s]),
    )
    fillers = set(ordinary[:FILLERS])
    return {
        g: v
        for g, v in values.items()
        if len(g) == 2 or not needy.isdisjoint(g) or fillers.issuperset(g)
    }


def _sketch(
    people: Sequence[str], values: dict[Group, int], hard: HardRules, shape: Shape
) -> tuple[list[Group], list[str]]:
    """A quick, often complete plan to start the model from: kept-together twos that
    cannot be a pair get their best three, a maximum matching (floaters as stand-ins
    matched to the steadiest students who may float) pairs the rest, and whoever is
    left joins a pair as its third where a three is allowed."""
    position = {s: i for i, s in enumerate(people)}
    groups: list[Group] = []
    used: set[str] = set()
    threes_left = shape.triads
    kept = {hard.together[s] for s in people if len(hard.together.get(s, ())) == 2}
    for members in sorted(kept, key=sorted):
        if tuple(sorted(members, key=position.__getitem__)) in values or not threes_left:
            continue
        options = [g for g in values if len(g) == 3 and members <= set(g) and used.isdisjoint(g)]
        if options:
            groups.append(max(options, key=values.__getitem__))
            used.update(groups[-1])
            threes_left -= 1
    graph: nx.Graph[str | tuple[str, int]] = nx.Graph()
    graph.add_nodes_from(s for s in people if s not in used)
    graph.add_weighted_edges_from(
        (*g, v) for g, v in values.items() if len(g) == 2 and used.isdisjoint(g)
    )
    for stand_in in range(shape.floaters):
        graph.add_weighted_edges_from(
            (("floater", stand_in), s, len(shape.may_float) - rank)
            for rank, s in enumerate(shape.may_float)
            if s not in used
        )
    floaters, pairs = [], []
    for a, b in nx.max_weight_matching(graph, maxcardinality=True):
        if isinstance(a, tuple) or isinstance(b, tuple):
            floaters.append(b if isinstance(a, tuple) else a)
        else:
            pairs.append(tuple(sorted((a, b), key=position.__getitem__)))
    matched = used | set(floaters) | {m for p in pairs for m in p}
    for alone in (s for s in people if s not in matched):
        threes = [
            (values[t], p, t)
            for p in pairs
            if (t := tuple(sorted((*p, alone), key=position.__getitem__))) in values
        ]
        if threes and threes_left:
            _, pair, three = max(threes)
            pairs.remove(pair)
            groups.append(three)
            threes_left -= 1
    return groups + pairs, floaters


def _sketched(
    people: Sequence[str],
    values: dict[Group, int],
    shape: Shape,
    sketch: tuple[list[Group], list[str]],
) -> Arrangement | None:
    """The sketch as a plan when it places everyone (else None)."""
    groups, floaters = sketch
    placed = sorted([m for g in groups for m in g] + list(floaters))
    if placed != sorted(people) or len(floaters) != shape.floaters:
        return None
    score = sum(values[g] for g in groups) / 2
    excess = max(0.0, _seat_bound(values, people, shape) - score)
    return Arrangement(tuple(floaters), tuple(groups), False, excess, score)


def _seat_bound(values: dict[Group, int], people: Sequence[str], shape: Shape) -> float:
    """No plan scores more than each student's best share of a group (in points)."""
    best = {s: (0.0 if s in shape.may_float else -float("inf")) for s in people}
    for group, value in values.items():
        share = value / 2 / len(group)
        for m in group:
            best[m] = max(best[m], share)
    return sum(best.values())


class _Partition:
    """Every student of `people` in exactly one listed group or floating."""

    def __init__(
        self, people: Sequence[str], values: dict[Group, int], plain: list[Group], shape: Shape
    ) -> None:
        model = self.model = cp_model.CpModel()
        self.chosen = {g: model.new_bool_var("") for g in values}
        self.floats = {s: model.new_bool_var("") for s in shape.may_float}
        cover: dict[str, list[cp_model.IntVar]] = {s: [] for s in people}
        for group, var in self.chosen.items():
            for m in group:
                cover[m].append(var)
        for s, var in self.floats.items():
            cover[s].append(var)
        for s in people:
            model.add_exactly_one(cover[s])
        model.add(cp_model.LinearExpr.sum(list(self.floats.values())) == shape.floaters)
        threes = [var for g, var in self.chosen.items() if len(g) == 3]
        model.add(cp_model.LinearExpr.sum(threes) <= shape.triads)
        # The search allows one three that helps nobody, in an odd class; more only
        # when nothing else works.
        allowance = (len(people) - shape.floaters) % 2
        self.extra_plain = model.new_int_var(0, len(people), "extra_plain")
        plain_used = cp_model.LinearExpr.sum([self.chosen[g] for g in plain if g in self.chosen])
        model.add(self.extra_plain >= plain_used - allowance)

    def hint(self, groups: Sequence[Group], floaters: Sequence[str]) -> None:
        chosen = set(groups)
        for group, var in self.chosen.items():
            self.model.add_hint(var, group in chosen)
        for s, var in self.floats.items():
            self.model.add_hint(var, s in floaters)


def _candidate_groups(
    people: Sequence[str],
    hard: HardRules,
    by_name: Mapping[str, Student],
    fits: dict[tuple[str, str], Fit],
    triads: int,
) -> tuple[dict[Group, int], list[Group], bool]:
    """Every allowed pair and (when threes may form) three of `people`, valued as the
    search values them (doubled points); the threes that help nobody; and whether the
    list is complete (see TRIAD_BUDGET). Members keep the order of `people`."""
    position = {s: i for i, s in enumerate(people)}
    near: dict[str, set[str]] = {s: set() for s in people}
    values: dict[Group, int] = {}
    for (a, b), fit in fits.items():
        if a not in position or b not in position:
            continue
        near[a].add(b)
        near[b].add(a)
        if hard.pair_allowed(a, b):
            values[(a, b)] = 2 * fit.points
    plain: list[Group] = []
    if not triads:
        return values, plain, True
    listed = 0
    for a in people:
        later = sorted((x for x in near[a] if position[x] > position[a]), key=position.__getitem__)
        for i, b in enumerate(later):
            for c in later[i + 1 :]:
                if c not in near[b] or not hard.triad_allowed((a, b, c)):
                    continue
                listed += 1
                if listed > TRIAD_BUDGET:
                    return values, plain, False
                helped = triad_help([by_name[m] for m in (a, b, c)])
                points = _points(fits, a, b) + _points(fits, a, c) + _points(fits, b, c)
                values[(a, b, c)] = points + 2 * TRIAD_HELP_POINTS * len(helped)
                if not helped:
                    plain.append((a, b, c))
    return values, plain, True


def _points(fits: dict[tuple[str, str], Fit], a: str, b: str) -> int:
    return (fits[(a, b)] if (a, b) in fits else fits[(b, a)]).points


def _solver(deadline: float, least: float = MIN_SECONDS) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    # One worker: the same class and seed always give the same plan. The linear
    # relaxation of every exactly-one row proves most clashes at once (counting
    # arguments a search alone would take minutes over). Presolve, symmetry and
    # probing cost seconds on tens of thousands of threes and save nothing here.
    solver.parameters.num_workers = 1
    solver.parameters.linearization_level = 2
    solver.parameters.cp_model_presolve = False
    solver.parameters.symmetry_level = 0
    solver.parameters.cp_model_probing_level = 0
    solver.parameters.max_time_in_seconds = max(least, deadline - time.monotonic())
    return solver


def rules_in_conflict(
    students: Sequence[Student], hard: HardRules, settings: PlanSettings, deadline: float
) -> list[str]:
    """A smallest set of the class's rules that no plan keeps all at once, in words
    (empty when the class is too large to search for one, or none was found in time).

    Each rule, avoid entry, reading or past partnership, emergent bilingual's need for
    an English model and the triad limit is switched by one assumption; the number of
    floaters is the teacher's setting and stays as asked. Any set found is a real
    reason; it is shrunk (each switch dropped when the rest still leave no plan) until
    every one left is needed or the time is up.
    """
    if len(students) > CORE_CLASS_LIMIT:
        return []
    relaxed = _Relaxation(students, hard, settings)
    core = relaxed.core(list(range(len(relaxed.labels))), max(deadline, time.monotonic() + 1))
    if not core:
        return []
    index = 0
    while index < len(core) and time.monotonic() < deadline:
        smaller = relaxed.core(core[:index] + core[index + 1 :], deadline)
        # A switch once needed stays needed in every smaller set, so `index` holds.
        if smaller is None:
            index += 1
        else:
            core = smaller
    return [relaxed.labels[i] for i in core]


class _Relaxation:
    """Every pair and three of the class, each allowed only while the rules it breaks
    are switched off; floaters and the triad limit as in the plan."""

    def __init__(
        self, students: Sequence[Student], hard: HardRules, settings: PlanSettings
    ) -> None:
        self.model = cp_model.CpModel()
        self.labels: list[str] = []
        self.switches: list[cp_model.IntVar] = []
        self.by_name = {s.name: s for s in students}
        self.learners = hard.learners
        self.apart: dict[frozenset[str], list[cp_model.IntVar]] = {}
        self.needs_model: dict[str, cp_model.IntVar] = {}
        # (members, is_lock, switch): a lock holds exactly its members, a
        # keep-together rule at least all of them.
        self.kept: list[tuple[frozenset[str], bool, cp_model.IntVar]] = []
        self._add_switches(hard)
        names = list(self.by_name)
        floats = {s: self.model.new_bool_var("") for s in names}
        cover: dict[str, list[cp_model.IntVar]] = {s: [floats[s]] for s in names}
        triads = []
        for size in (2, 3):
            for group in combinations(names, size):
                var = self.model.new_bool_var("")
                for m in group:
                    cover[m].append(var)
                if size == 3:
                    triads.append(var)
                for switch in self._broken(group):
                    self.model.add_implication(var, switch.Not())
        for s in names:
            self.model.add_exactly_one(cover[s])
        for members, _, switch in self.kept:
            for s in members & set(names):
                self.model.add_implication(floats[s], switch.Not())
        self.model.add(cp_model.LinearExpr.sum(list(floats.values())) == settings.floaters)
        cap = 0 if settings.triads == "never" else settings.max_triads
        if cap < len(names) // 3:
            limit = "triads are off" if settings.triads == "never" else f"at most {cap} threes"
            enforced = self._switch(limit)
            self.model.add(cp_model.LinearExpr.sum(triads) <= cap).only_enforce_if(enforced)

    def _switch(self, label: str) -> cp_model.IntVar:
        self.labels.append(label)
        self.switches.append(self.model.new_bool_var(label))
        return self.switches[-1]

    def _keep_apart(self, rule: KeptApart, switch: cp_model.IntVar) -> None:
        for pair in rule.pairs():
            if pair <= self.by_name.keys():
                self.apart.setdefault(pair, []).append(switch)

    def _add_switches(self, hard: HardRules) -> None:
        """A switch for each rule of `hard`, in roster order (each student's avoid
        list, reading and past partners, language need), then the class rules."""
        owned: dict[str, list[KeptApart]] = {}
        shared: list[KeptApart] = []
        for rule in hard.apart:
            if rule.kind in ("avoid", "reading", "past"):
                owned.setdefault(rule.students[0], []).append(rule)
            else:
                shared.append(rule)
        for name in self.by_name:
            for rule in owned.get(name, []):
                self._keep_apart(rule, self._switch(rule.label))
            if name in hard.learners:
                label = f"{name} needs a proficient English speaker"
                self.needs_model[name] = self._switch(label)
        for rule in shared:
            self._keep_apart(rule, self._switch(rule.label))
        for kept in hard.kept:
            switch = self._switch(kept.label)
            self.kept.append((frozenset(kept.students), kept.kind == "lock", switch))

    def _broken(self, group: Group) -> list[cp_model.IntVar]:
        broken = [s for pair in combinations(group, 2) for s in self.apart.get(frozenset(pair), [])]
        if all(m in self.learners for m in group):
            broken += [self.needs_model[m] for m in group if m in self.needs_model]
        members = set(group)
        for kept, is_lock, switch in self.kept:
            inside = members & kept
            if inside and (inside != kept or (is_lock and members != kept)):
                broken.append(switch)
        return broken

    def core(self, assumed: list[int], deadline: float) -> list[int] | None:
        """A subset of the assumed switches that leaves no plan, or None when a plan
        keeps them all (or no answer came before the deadline)."""
        self.model.clear_assumptions()
        self.model.add_assumptions([self.switches[i] for i in assumed])
        solver = _solver(deadline, least=0.05)
        if solver.solve(self.model) != cp_model.INFEASIBLE:
            return None
        found = set(solver.sufficient_assumptions_for_infeasibility())
        return [i for i in assumed if self.switches[i].index in found]
