"""`partnerup bench`: solve times and plan quality on reproducible synthetic classes.

Compares the engine with a random pairing and a greedy pairing on the same classes.
Times are wall-clock on this machine; the classes are the same on every run.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Sequence
from itertools import combinations
from typing import TextIO

from .engine import PlanSettings, Student, plan_partnerships
from .engine.repair import repair_for_absences
from .engine.rotate import rotate_headline_partners
from .engine.rules import build_hard_rules
from .engine.scoring import score_pair
from .engine.synthetic import synthetic_class
from .engine.validation import hard_rule_violations

PAIR_SIZES = (12, 16, 20, 24, 28, 30, 32, 36, 40)
TRIAD_SIZES = (12, 15, 20, 24, 25, 28, 30, 31, 33, 35, 36)
POOL_SIZE, POOL_RUNS, POOL_TIME_LIMIT = 120, 5, 4.0
Groups = list[tuple[str, ...]]


def run_bench(runs: int = 20, progress: TextIO | None = None) -> str:
    lines = [
        "| classes | n | runs | median ms | p95 ms | proven optimal | with a choice "
        "(engine / greedy / random) | EBs supported (engine / greedy / random) "
        "| hard-rule violations (engine / greedy / random) | gap |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for triads, sizes in (("never", PAIR_SIZES), ("auto", TRIAD_SIZES)):
        for n in sizes:
            lines.append(_plan_row(n, runs, triads, 10.0))
            _tick(progress, f"plan n={n} triads={triads}")
    lines.append(_plan_row(POOL_SIZE, POOL_RUNS, "auto", POOL_TIME_LIMIT))
    lines.append("")
    lines.append("| operation | n | runs | median ms | p95 ms |")
    lines.append("|---|---|---|---|---|")
    lines.append(_repair_row(30, runs))
    lines.append(_rotate_row(30, 28, runs))
    return "\n".join(lines) + "\n"


def _tick(progress: TextIO | None, what: str) -> None:
    if progress is not None:
        print(f"bench: {what}", file=progress, flush=True)


def _plan_row(n: int, runs: int, triads: str, time_limit: float) -> str:
    times, proven, gaps = [], 0, []
    quality = {"engine": [], "greedy": [], "random": []}
    for seed in range(runs):
        students, rules = synthetic_class(n, seed)
        settings = PlanSettings(triads=triads, seed=seed, time_limit=time_limit)
        started = time.perf_counter()
        plan = plan_partnerships(students, rules, settings)
        times.append((time.perf_counter() - started) * 1000)
        proven += plan.status == "optimal"
        gaps.append(plan.gap)
        engine_groups = [p.members for p in plan.partnerships]
        quality["engine"].append(_quality(engine_groups, students, rules))
        quality["greedy"].append(
            _quality(greedy_pairing(students, rules, settings), students, rules)
        )
        quality["random"].append(_quality(random_pairing(students, seed), students, rules))
    label = "pairs only" if triads == "never" else "with triads"
    if n == POOL_SIZE:
        label = "grade-level pool"
    return (
        f"| {label} | {n} | {runs} | {statistics.median(times):.0f} | {_p95(times):.0f} "
        f"| {proven / runs:.0%} | {_trio(quality, 0)} | {_trio(quality, 1)} "
        f"| {_trio(quality, 2, whole=True)} | {max(gaps):.2%} |"
    )


def _trio(quality: dict[str, list[tuple[int, ...]]], index: int, whole: bool = False) -> str:
    """Totals over all runs: a share (hits / possible) or, with `whole`, a count."""
    cells = []
    for name in ("engine", "greedy", "random"):
        if whole:
            cells.append(str(sum(q[index * 2] for q in quality[name])))
            continue
        hits = sum(q[index * 2] for q in quality[name])
        possible = sum(q[index * 2 + 1] for q in quality[name])
        cells.append(f"{hits / possible:.0%}" if possible else "–")
    return " / ".join(cells)


def _quality(groups: Groups, students: Sequence[Student], rules) -> tuple[int, ...]:
    """(with a choice, choosers, EBs supported, EBs, violations)."""
    group_of = {m: g for g in groups for m in g}
    choosers = [s for s in students if s.choices]
    with_choice = sum(any(c in group_of.get(s.name, ()) for c in s.choices) for s in choosers)
    by_name = {s.name: s for s in students}
    learners = [s for s in students if s.needs_language_support]
    supported = sum(
        any(by_name[m].is_proficient_speaker for m in group_of.get(s.name, ())) for s in learners
    )
    violations = len(hard_rule_violations(groups, students, rules))
    return (with_choice, len(choosers), supported, len(learners), violations)


def random_pairing(students: Sequence[Student], seed: int) -> Groups:
    names = [s.name for s in students]
    random.Random(seed).shuffle(names)
    return _pairs_from_order(names)


def greedy_pairing(students: Sequence[Student], rules, settings: PlanSettings) -> Groups:
    """Best-scoring allowed pair first, repeatedly; whoever is left is paired in order."""
    hard = build_hard_rules(students, rules, settings)
    by_name = {s.name: s for s in students}
    scored = sorted(
        (
            (-score_pair(by_name[a], by_name[b], settings).points, a, b)
            for a, b in combinations(by_name, 2)
            if hard.pair_allowed(a, b)
        ),
    )
    placed: set[str] = set()
    groups: Groups = []
    for _, a, b in scored:
        if a not in placed and b not in placed:
            groups.append((a, b))
            placed.update((a, b))
    left = [s.name for s in students if s.name not in placed]
    return _merge_leftovers(groups, left)


def _pairs_from_order(names: list[str]) -> Groups:
    groups: Groups = [tuple(names[i : i + 2]) for i in range(0, len(names) - 1, 2)]
    return _merge_leftovers(groups, names[len(groups) * 2 :])


def _merge_leftovers(groups: Groups, left: list[str]) -> Groups:
    groups = groups + [tuple(left[i : i + 2]) for i in range(0, len(left) - 1, 2)]
    if len(left) % 2:
        if groups:
            groups[-1] = (*groups[-1], left[-1])
        else:
            groups.append((left[-1],))
    return groups


def _repair_row(n: int, runs: int) -> str:
    def one(seed: int) -> Callable[[], object]:
        students, rules = synthetic_class(n, seed)
        plan = plan_partnerships(students, rules, PlanSettings(seed=seed, floaters=1))
        absent = random.Random(seed).sample(plan.members(), 3)
        return lambda: repair_for_absences(plan, absent)

    return _timed_row("repair (3 absent)", n, runs, one)


def _rotate_row(n: int, weeks: int, runs: int) -> str:
    def one(seed: int) -> Callable[[], object]:
        students, rules = synthetic_class(n, seed)
        plan = plan_partnerships(students, rules, PlanSettings(seed=seed, triads="never"))
        return lambda: rotate_headline_partners(students, weeks, rules, plan)

    return _timed_row(f"rotate ({weeks} weeks, long-term excluded)", n, runs, one)


def _timed_row(label: str, n: int, runs: int, make: Callable[[int], Callable[[], object]]) -> str:
    times = []
    for seed in range(runs):
        action = make(seed)
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return f"| {label} | {n} | {runs} | {statistics.median(times):.1f} | {_p95(times):.1f} |"


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
