"""Planning partnerships: the rules, the shapes and the reasons around the search.

The optimisation itself is in search.py; this module sets the fixed groups (locks and
keep-together threes, which count against the triad limit), takes the steadiest
students as floaters, builds the scores, and turns the chosen pairs and triads into
explained partnerships with A/B roles. When that fast path finds no plan, the exact
model in feasibility.py decides floaters and groups together, so a class is called
infeasible only when no plan exists.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

import numpy as np

from .errors import InfeasibleError
from .explain import explain_pair, explain_triad, fixed_group_reasons
from .feasibility import Shape, arrange_exactly, rules_in_conflict
from .model import Partnership, Plan, PlanSettings, Rule, Student, helped_in_three
from .partner_partners import join_partner_partners
from .roles import assign_roles
from .rules import MAX_LISTED, HardRules, build_hard_rules, diagnose
from .scoring import TRIAD_HELP_POINTS, Fit, score_pair
from .search import Instance, TriadBlock, best_partition

EXPLAIN_SECONDS = 5.0  # to find the smallest set of rules that clash


@dataclass(frozen=True)
class _Outcome:
    triads: list[tuple[int, int, int]]
    pairs: list[tuple[int, int]]
    proven: bool
    excess_bound: float  # how far the true optimum could lie above this plan (points)


def plan_partnerships(
    students: Sequence[Student],
    rules: Sequence[Rule] = (),
    settings: PlanSettings | None = None,
) -> Plan:
    """Form partnerships for a class.

    Every student is placed exactly once: in a partnership (pair or triad) or as one of
    `settings.floaters` floaters. Hard rules are never broken; locked and kept-together
    students are never floaters; threes, locked and kept-together ones included, stay
    within the triad limit. InfeasibleError is raised only when no plan keeps every
    rule (or, for a class too large to decide, when the time limit ends first and the
    message says so), and its conflicts name a reason that rules out every plan. The
    result is deterministic for a given seed. Status is "optimal" when the plan is
    proven best for the scores, else "feasible" (the time limit ran out) with `bound`
    giving the best total still possible.
    """
    settings = settings or PlanSettings()
    deadline = time.monotonic() + settings.time_limit
    hard = build_hard_rules(students, rules, settings)
    by_name = {s.name: s for s in students}
    fixed = _fixed_groups(hard, settings)
    placed = set().union(*fixed)
    free = [s.name for s in students if s.name not in placed]
    shape = Shape(
        floaters=settings.floaters,
        triads=_triad_cap(settings) - sum(len(g) == 3 for g in fixed),
        may_float=tuple(floater_preference(students, hard, settings)),
    )
    _check_floater_count(len(students), shape)
    fits = {
        (a, b): score_pair(by_name[a], by_name[b], settings)
        for a, b in combinations(free, 2)
        if frozenset((a, b)) not in hard.why_apart
    }
    arranged = _arrange(free, hard, by_name, fits, shape, deadline)
    if arranged is None and hard.spread:
        # The class leaves no plan with one often-absent writer per partnership.
        hard = hard.relaxed()
        arranged = _arrange(free, hard, by_name, fits, shape, deadline)
    if arranged is None:
        raise InfeasibleError(_why_infeasible(students, rules, settings, hard, shape, free))
    floaters, groups, proven, excess = arranged
    position = {name: i for i, name in enumerate(free)}
    partnerships = [_fixed_partnership(g, hard, by_name, settings) for g in fixed]
    partnerships += [
        _partnership(group, fits, by_name, settings)
        for group in sorted(groups, key=lambda g: position[g[0]])
    ]
    objective = sum(p.score for p in partnerships)
    fours = (
        join_partner_partners(partnerships, hard, by_name, settings)
        if (settings.partner_partners)
        else ()
    )
    return Plan(
        status="optimal" if proven else "feasible",
        partnerships=tuple(partnerships),
        floaters=tuple(floaters),
        objective=objective,
        bound=objective + excess,
        partner_partners=fours,
        forbidden_pairs=tuple(hard.forbidden_pairs()),
        emergent_bilinguals=tuple(s.name for s in students if s.name in hard.learners),
    )


def floater_preference(
    students: Sequence[Student], hard: HardRules, settings: PlanSettings
) -> list[str]:
    """Every student who may float, steadiest first: students marked floater, then
    steady, independent writers. Locked and kept-together students never float."""
    locked = {m for g in hard.locks for m in g}
    rng = random.Random(settings.seed)
    tiebreak = {s.name: rng.random() for s in students}

    def steadiness(s: Student) -> tuple[bool, bool, int, float]:
        return (
            not s.floater,
            s.needs_language_support or s.triad_helps or s.new_student,
            -(s.level or 0),
            tiebreak[s.name],
        )

    may_float = [s for s in students if s.name not in locked and s.name not in hard.together]
    return [s.name for s in sorted(may_float, key=steadiness)]


def choose_floaters(
    students: Sequence[Student], hard: HardRules, settings: PlanSettings
) -> list[str]:
    """The N steadiest students who may float (the fast path's choice; the exact model
    may choose others when these leave no plan)."""
    shape = Shape(settings.floaters, 0, tuple(floater_preference(students, hard, settings)))
    _check_floater_count(len(students), shape)
    return list(shape.may_float[: shape.floaters])


def _check_floater_count(class_size: int, shape: Shape) -> None:
    wanted = shape.floaters
    if class_size and class_size - wanted < 2:
        raise InfeasibleError(
            [
                f"{wanted} floater{'s' if wanted != 1 else ''} would leave fewer than two of "
                f"the {class_size} students for partnerships"
            ]
            if wanted
            else ["a partnership needs at least two students"]
        )
    if wanted > len(shape.may_float):
        raise InfeasibleError(
            [
                f"{wanted} floaters wanted but only {_students(len(shape.may_float))} may "
                "float (locked and kept-together students are always placed)"
            ]
        )


def _students(count: int) -> str:
    return "1 student" if count == 1 else f"{count} students"


def _triad_cap(settings: PlanSettings) -> int:
    return 0 if settings.triads == "never" else settings.max_triads


def _fixed_groups(hard: HardRules, settings: PlanSettings) -> list[tuple[str, ...]]:
    """Locks and keep-together threes, placed as they are before anyone else.

    Raises InfeasibleError when locks overlap or hold more than three, or when these
    threes alone pass the triad limit (naming each of them).
    """
    labelled: list[tuple[str, tuple[str, ...]]] = []
    locked: dict[str, tuple[str, ...]] = {}
    problems = []
    for lock in hard.locks:
        if any(set(lock) == set(g) for _, g in labelled):
            continue
        if len(lock) > 3:
            problems.append(
                f"lock {'–'.join(lock)} holds {len(lock)} students; "
                "a partnership holds two or three"
            )
        for other in dict.fromkeys(locked[m] for m in lock if m in locked):
            shared = ", ".join(m for m in lock if m in other)
            problems.append(f"lock {'–'.join(lock)} and lock {'–'.join(other)} share {shared}")
        locked.update(dict.fromkeys(lock, lock))
        labelled.append(("lock", tuple(lock)))
    if problems:
        raise InfeasibleError(problems)
    for together in sorted({g for g in hard.together.values()}, key=sorted):
        if len(together) == 3 and not together & set(locked):
            labelled.append(("keep-together", tuple(sorted(together))))
    threes = [f"{kind} {'–'.join(g)}" for kind, g in labelled if len(g) == 3]
    if len(threes) > _triad_cap(settings):
        raise InfeasibleError([_too_many_threes(threes, settings)])
    return [g for _, g in labelled]


def _too_many_threes(threes: list[str], settings: PlanSettings) -> str:
    named = threes[0] if len(threes) == 1 else ", ".join(threes[:-1]) + " and " + threes[-1]
    made = "makes a three" if len(threes) == 1 else f"make {len(threes)} threes"
    return f"{named} {made} but {_no_more_threes(settings)}"


def _no_more_threes(settings: PlanSettings) -> str:
    cap = _triad_cap(settings)
    if settings.triads == "never":
        return "triads are off"
    if cap == 0:
        return "max triads is 0"
    return f"at most {cap} {'is' if cap == 1 else 'are'} allowed"


def _arrange(
    free: list[str],
    hard: HardRules,
    by_name: dict[str, Student],
    fits: dict[tuple[str, str], Fit],
    shape: Shape,
    deadline: float,
) -> tuple[list[str], list[tuple[str, ...]], bool, float] | None:
    """(floaters, groups, proven, excess bound) for the free students, or None when no
    plan exists.

    The fast path takes the steadiest floaters and searches the rest. When that finds
    nothing, a count may already show that nothing exists (diagnose); else the exact
    model decides. Its floaters are then handed back to the search for the best
    score, unless the rest needs more threes that help nobody than the search allows.
    """
    floaters = list(shape.may_float[: shape.floaters])
    found = _plan_free(free, floaters, hard, by_name, fits, shape.triads, deadline)
    if found is not None:
        return floaters, *found
    if diagnose(hard, free, shape.floaters, shape.triads):
        return None
    exact = arrange_exactly(free, hard, by_name, fits, shape, deadline)
    if exact is None:
        return None
    floaters = list(exact.floaters)
    found = _plan_free(free, floaters, hard, by_name, fits, shape.triads, deadline)
    if found is not None:
        return floaters, *found
    return floaters, list(exact.groups), exact.is_proven, exact.excess_bound


def _plan_free(
    free: list[str],
    floaters: list[str],
    hard: HardRules,
    by_name: dict[str, Student],
    fits: dict[tuple[str, str], Fit],
    max_triads: int,
    deadline: float,
) -> tuple[list[tuple[str, ...]], bool, float] | None:
    """The search over everyone but the floaters: (groups, proven, excess bound), or
    None when it finds no plan."""
    rest = [name for name in free if name not in floaters]
    away = set(floaters)
    outcome = _search(
        rest,
        hard,
        by_name,
        {pair: fit for pair, fit in fits.items() if away.isdisjoint(pair)},
        max_triads,
        deadline,
    )
    if outcome is None:
        return None
    groups = [tuple(rest[i] for i in g) for g in outcome.pairs + outcome.triads]
    return groups, outcome.proven, outcome.excess_bound


def _search(
    free: list[str],
    hard: HardRules,
    by_name: dict[str, Student],
    fits: dict[tuple[str, str], Fit],
    max_triads: int,
    deadline: float,
) -> _Outcome | None:
    """The search's best plan of `free` with at most `max_triads` threes, or None when
    it finds none (its threes that help nobody are limited to one per odd class)."""
    n = len(free)
    if n == 0:
        return _Outcome([], [], True, 0.0)
    if n % 2 and not max_triads:
        return None
    instance = _instance(free, hard, by_name, fits, max_triads)
    found = best_partition(instance, deadline)
    if found is None:
        return None
    # A proven plan is its own bound (the LP's bound carries float round-off).
    excess = 0.0 if found.is_proven else max(0.0, (found.upper_bound - found.value) / 2)
    return _Outcome(found.triads, found.pairs, found.is_proven, excess)


def _why_infeasible(
    students: Sequence[Student],
    rules: Sequence[Rule],
    settings: PlanSettings,
    hard: HardRules,
    shape: Shape,
    free: list[str],
) -> list[str]:
    """A reason that rules out every plan: a count (diagnose) when one explains it,
    else the smallest set of rules that cannot all hold at once."""
    no_threes = _no_more_threes(settings)
    if _triad_cap(settings) > 0:
        no_threes = "the locked and kept-together threes take every three allowed"
    reasons = diagnose(hard, free, shape.floaters, shape.triads, no_threes)
    if reasons:
        return reasons
    budget = min(EXPLAIN_SECONDS, max(1.0, settings.time_limit))
    clash = rules_in_conflict(students, hard, settings, time.monotonic() + budget)
    if clash:
        floating = f" with {shape.floaters} floater{'s' if shape.floaters != 1 else ''}"
        more = len(clash) - MAX_LISTED
        listed = "; ".join(clash[:MAX_LISTED]) + (f"; and {more} more" if more > 0 else "")
        return [f"no plan keeps all of these at once{floating if shape.floaters else ''}: {listed}"]
    return [_loosen_hint(students, rules, settings)]


def _loosen_hint(students: Sequence[Student], rules: Sequence[Rule], settings: PlanSettings) -> str:
    """Only the kinds of rule this class has."""
    kinds = {r.kind for r in rules}
    present = [
        ("keep_apart" in kinds, "a keep-apart rule"),
        (any(s.avoid for s in students), "an avoid list"),
        ("keep_together" in kinds, "a keep-together rule"),
        ("lock" in kinds, "a lock"),
        (any(s.reading_partner for s in students), "a reading partnership"),
        (
            not settings.allow_repeats and any(s.past_partners for s in students),
            "the no-repeat rule (allow repeats)",
        ),
        (settings.floaters > 0, "the number of floaters"),
        (_triad_cap(settings) < len(students) // 3, "the triad limit"),
    ]
    loosen = [what for is_present, what in present if is_present]
    return "the rules together leave no way to partner everyone" + (
        f": loosen {', '.join(loosen[:-1]) + ' or ' + loosen[-1] if len(loosen) > 1 else loosen[0]}"
        if loosen
        else ""
    )


def _instance(
    free: list[str],
    hard: HardRules,
    by_name: dict[str, Student],
    fits: dict[tuple[str, str], Fit],
    max_triads: int,
) -> Instance:
    n = len(free)
    index = {name: i for i, name in enumerate(free)}
    # Every pair not kept apart is scored: a triad may hold a pair that could not be a
    # partnership alone (two emergent bilinguals with one English model).
    weights = {(index[a], index[b]): fit.points for (a, b), fit in fits.items()}
    shift = 2 * max([0, *(-w for w in weights.values())]) + 2
    pair_value = np.zeros((n, n), dtype=np.int64)
    pair_allowed = np.zeros((n, n), dtype=bool)
    for (a, b), fit in fits.items():
        if hard.pair_allowed(a, b):
            i, j = index[a], index[b]
            pair_value[i, j] = pair_value[j, i] = 2 * fit.points + shift
            pair_allowed[i, j] = pair_allowed[j, i] = True
    triad_points = _triad_points(free, hard, by_name, weights, n % 2 == 1)

    def triads_from(first: int) -> TriadBlock:
        second, third, points, helps = triad_points(first)
        return TriadBlock(second, third, points + 3 * shift // 2, ~helps)

    return Instance(n, pair_value, pair_allowed, triads_from, max_triads)


def _triad_points(
    free: list[str],
    hard: HardRules,
    by_name: dict[str, Student],
    weights: dict[tuple[int, int], int],
    odd: bool,
) -> Callable[[int], tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """For a first member a: (second, third, doubled points, helps) of every allowed
    triad (a, b, c), a < b < c, that helps someone, and of every allowed triad at all
    when the count is odd.

    Vectorised (a pool of 300 has 4.5 million triads): pairs kept apart are already
    missing from `weights`, so only language, spread and keep-together remain.
    """
    n = len(free)
    students = [by_name[name] for name in free]
    points = np.zeros((n, n), dtype=np.int64)
    may_share = np.zeros((n, n), dtype=bool)
    for (a, b), w in weights.items():
        points[a, b] = points[b, a] = w
        may_share[a, b] = may_share[b, a] = True
    learner = np.array([name in hard.learners for name in free], dtype=np.int64)
    often_absent = np.array([name in hard.spread for name in free], dtype=np.int64)
    two_models = np.array([s.benefits_from_two_models for s in students])
    steadied = np.array([s.steadied_by_a_three for s in students])
    # Keep-together: the (up to two) others each student's triad must hold; a partner
    # who is not free to place here (n) can never be in the triad.
    index = {name: i for i, name in enumerate(free)}
    needs = np.full((n, 2), -1, dtype=np.int64)
    for i, name in enumerate(free):
        others = sorted(index.get(m, n) for m in hard.together.get(name, ()) if m != name)
        needs[i, : len(others)] = others[:2]

    def from_first(a: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        later = np.flatnonzero(may_share[a, a + 1 :]) + a + 1
        i, j = np.triu_indices(len(later), 1)
        b, c = later[i], later[j]
        keep = may_share[b, c]
        b, c = b[keep], c[keep]
        learners = learner[a] + learner[b] + learner[c]
        keep = (learners < 3) & (often_absent[a] + often_absent[b] + often_absent[c] <= 1)
        for m in (a, b, c):
            for k in range(2):
                need = needs[m, k]
                keep &= (need < 0) | (need == a) | (need == b) | (need == c)
        english_models = 3 - learners
        helped = sum(
            helped_in_three(steadied[m], two_models[m], english_models).astype(np.int64)
            for m in (a, b, c)
        )
        if not odd:
            keep &= helped > 0
        pair_sum = points[a, b] + points[a, c] + points[b, c]
        doubled = pair_sum + 2 * TRIAD_HELP_POINTS * helped
        return b[keep], c[keep], doubled[keep], helped[keep] > 0

    return from_first


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
