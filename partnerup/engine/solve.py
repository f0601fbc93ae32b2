"""Planning partnerships: the rules, the shapes and the reasons around the search.

The optimisation itself is in search.py; this module decides who is free to place
(floaters, locks and keep-together threes are set first), builds the scores, and
turns the chosen pairs and triads into explained partnerships with A/B roles.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from .errors import InfeasibleError
from .explain import explain_pair, explain_triad, fixed_group_reasons
from .model import Partnership, Plan, PlanSettings, Rule, Student
from .partner_partners import join_partner_partners
from .roles import assign_roles
from .rules import HardRules, build_hard_rules, diagnose
from .scoring import TRIAD_HELP_POINTS, Fit, score_pair
from .search import Instance, best_partition

PRUNE_SLACK = 0.999
ROWS_PER_ROUND = 200  # objectives are integers; leave room for LP round-off


@dataclass(frozen=True)
class _Outcome:
    triads: list[tuple[int, ...]]
    pairs: list[tuple[int, int]]
    proven: bool
    excess_bound: float  # how far the true optimum could lie above this plan (points)


def plan_partnerships(
    students: Sequence[Student],
    rules: Sequence[Rule] = (),
    settings: PlanSettings | None = None,
) -> Plan:
    """Form partnerships for a class.

    Every student is placed exactly once: in a partnership (pair or triad) or as a
    floater. Hard rules are never broken; when they cannot all hold, InfeasibleError
    names the clashing rules. The result is deterministic for a given seed. Status is
    "optimal" when the plan is proven best for the scores, else "feasible" (the time
    limit ran out) with `bound` giving the best total still possible.
    """
    settings = settings or PlanSettings()
    hard = build_hard_rules(students, rules, settings)
    by_name = {s.name: s for s in students}
    floaters = choose_floaters(students, hard, settings)
    fixed = _fixed_groups(hard, set(floaters), settings)
    placed = set(floaters).union(*fixed)
    free = [s.name for s in students if s.name not in placed]
    fits = {
        (a, b): score_pair(by_name[a], by_name[b], settings)
        for a, b in combinations(free, 2)
        if frozenset((a, b)) not in hard.why_apart
    }
    deadline = time.monotonic() + settings.time_limit
    outcome = _search(free, hard, fits, settings, deadline)
    partnerships = [_fixed_partnership(g, hard, by_name, settings) for g in fixed]
    partnerships += [
        _partnership(tuple(free[i] for i in group), fits, by_name, settings)
        for group in sorted(outcome.pairs + outcome.triads, key=lambda g: min(g))
    ]
    objective = sum(p.score for p in partnerships)
    fours = (
        join_partner_partners(partnerships, hard, by_name, settings)
        if (settings.partner_partners)
        else ()
    )
    return Plan(
        status="optimal" if outcome.proven else "feasible",
        partnerships=tuple(partnerships),
        floaters=tuple(floaters),
        objective=objective,
        bound=objective + outcome.excess_bound,
        partner_partners=fours,
        forbidden_pairs=tuple(hard.forbidden_pairs()),
        emergent_bilinguals=tuple(s.name for s in students if s.needs_language_support),
    )


def choose_floaters(
    students: Sequence[Student], hard: HardRules, settings: PlanSettings
) -> list[str]:
    """N floaters: students marked floater first, then steady, independent writers."""
    wanted = settings.floaters
    if wanted == 0:
        return []
    if wanted > len(students) - 2:
        raise InfeasibleError(
            [f"{wanted} floaters leave too few students ({len(students)}) for partnerships"]
        )
    bound = {m for g in hard.locks for m in g} | set(hard.together)
    rng = random.Random(settings.seed)
    tiebreak = {s.name: rng.random() for s in students}

    def steadiness(s: Student) -> tuple:
        return (
            not s.floater,
            s.name in bound,
            s.needs_language_support or s.triad_helps or s.new_student,
            -(s.level or 0),
            tiebreak[s.name],
        )

    return [s.name for s in sorted(students, key=steadiness)[:wanted]]


def _fixed_groups(hard: HardRules, floaters: set[str], settings: PlanSettings):
    groups = [tuple(g) for g in hard.locks]
    locked = {m for g in groups for m in g}
    for together in sorted({g for g in hard.together.values()}, key=sorted):
        if len(together) == 3 and not together & locked:
            if settings.triads == "never":
                raise InfeasibleError(
                    [f"keep-together {'–'.join(sorted(together))} needs a three but triads are off"]
                )
            groups.append(tuple(sorted(together)))
    clash = floaters & {m for g in groups for m in g}
    if clash:
        raise InfeasibleError(
            [f"{', '.join(sorted(clash))} cannot be a floater and in a fixed partnership"]
        )
    return groups


def _search(
    free: list[str],
    hard: HardRules,
    fits: dict[tuple[str, str], Fit],
    settings: PlanSettings,
    deadline: float,
) -> _Outcome:
    n = len(free)
    if n == 0:
        return _Outcome([], [], True, 0.0)
    use_triads = settings.triads == "auto" and settings.max_triads > 0
    if n % 2 and not use_triads:
        raise InfeasibleError(diagnose(hard, free, False, True))
    instance = _instance(free, hard, fits, settings.max_triads if use_triads else 0)
    found = best_partition(instance, deadline)
    if found is None:
        raise InfeasibleError(diagnose(hard, free, use_triads, False))
    excess = max(0.0, (found.upper_bound - found.value) / 2)
    return _Outcome(found.triads, found.pairs, found.is_proven, excess)


def _instance(
    free: list[str], hard: HardRules, fits: dict[tuple[str, str], Fit], max_triads: int
) -> Instance:
    index = {name: i for i, name in enumerate(free)}
    # Every pair not kept apart is scored: a triad may hold a pair that could not be a
    # partnership alone (two emergent bilinguals with one English model).
    weights = {(index[a], index[b]): fit.points for (a, b), fit in fits.items()}
    shift = 2 * max([0, *(-w for w in weights.values())]) + 2
    pair_value = {
        (index[a], index[b]): 2 * fit.points + shift
        for (a, b), fit in fits.items()
        if hard.pair_allowed(a, b)
    }
    triad_value: dict[tuple[int, int, int], int] = {}
    plain: set[tuple[int, int, int]] = set()
    if max_triads:
        for triad, points, helps in _triad_points(free, hard, weights, len(free) % 2 == 1):
            triad_value[triad] = points + 3 * shift // 2
            if not helps:
                plain.add(triad)
    return Instance(len(free), pair_value, triad_value, frozenset(plain), max_triads)


def _triad_points(free: list[str], hard: HardRules, weights: dict[tuple[int, int], int], odd: bool):
    """(triad, doubled points, helps) for every allowed triad that helps someone, and
    for every allowed triad at all when the count is odd.

    Written for speed (a pool of 120 has ~150,000 candidate triads): pairs kept apart
    are already missing from `weights`, so only language and keep-together remain.
    """
    n = len(free)
    students = [hard.students[name] for name in free]
    neighbours: list[set[int]] = [set() for _ in range(n)]
    for a, b in weights:
        neighbours[a].add(b)
        neighbours[b].add(a)
    learner = [s.needs_language_support for s in students]
    two_models = [s.benefits_from_two_models for s in students]
    steady_help = [s.often_absent or s.social_support for s in students]
    index = {name: i for i, name in enumerate(free)}
    together = [frozenset(index[m] for m in hard.together.get(name, ())) for name in free]
    for a in range(n):
        for b in sorted(x for x in neighbours[a] if x > a):
            for c in sorted(x for x in neighbours[a] & neighbours[b] if x > b):
                triad = (a, b, c)
                learners = learner[a] + learner[b] + learner[c]
                if learners == 3 or not (together[a] | together[b] | together[c]) <= set(triad):
                    continue
                models = 3 - learners
                helped = sum(steady_help[m] or (two_models[m] and models >= 2) for m in triad)
                if not helped and not odd:
                    continue
                pair_sum = weights[(a, b)] + weights[(a, c)] + weights[(b, c)]
                yield triad, pair_sum + 2 * TRIAD_HELP_POINTS * helped, helped > 0


def _partnership(
    members: tuple[str, ...],
    fits: dict[tuple[str, str], Fit],
    by_name: dict[str, Student],
    settings: PlanSettings,
) -> Partnership:
    if len(members) == 2:
        score, reasons = explain_pair(members, fits[members])
    else:
        score, reasons = explain_triad(members, fits, by_name)
    return Partnership(
        members=members,
        roles=assign_roles(members, by_name, settings),
        score=score,
        reasons=reasons,
    )


def _fixed_partnership(
    members: tuple[str, ...],
    hard: HardRules,
    by_name: dict[str, Student],
    settings: PlanSettings,
) -> Partnership:
    fits = {
        (a, b): score_pair(by_name[a], by_name[b], settings) for a, b in combinations(members, 2)
    }
    scored = _partnership(members, fits, by_name, settings)
    is_locked = members in hard.locks
    return replace(
        scored, reasons=fixed_group_reasons(is_locked) + scored.reasons, is_locked=is_locked
    )
