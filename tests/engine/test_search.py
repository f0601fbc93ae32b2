"""The search's promises: a plan called optimal is the exhaustive optimum under any
weighting of the web's presets, a bound is never below the best possible plan (however
early the deadline stops the search), and the rows the LP adds hold for every plan."""

import random
from dataclasses import replace
from itertools import combinations

import numpy as np
import pytest

from partnerup.engine import PlanSettings, Rule, Weights, plan_partnerships, search, solve
from partnerup.engine.rules import build_hard_rules
from partnerup.engine.scoring import TRIAD_HELP_POINTS, score_pair, triad_help
from partnerup.engine.search import Instance, TriadBlock, best_partition
from partnerup.engine.solve import _instance
from partnerup.engine.synthetic import synthetic_class

from .brute_force import best_total

PRESETS = (0, 1, 2, 3, 4)  # "Not at all" .. "A lot"


def random_weights(rng: random.Random) -> Weights:
    if rng.random() < 0.3:
        return Weights(*[rng.choice(PRESETS)] * 7)
    return Weights(*(rng.choice(PRESETS) for _ in range(7)))


def random_settings(rng: random.Random) -> PlanSettings:
    return PlanSettings(
        strategy=rng.choice(["purposeful", "purposeful", "choice"]),
        level=rng.choice(["similar", "mixed"]),
        max_triads=rng.choice([1, 2, 3, 3]),
        allow_repeats=rng.random() < 0.3,
        seed=rng.randint(0, 99),
        weights=random_weights(rng),
    )


def small_planable_class(case: int, sizes=range(4, 10)):
    """A synthetic class (4-9 students) under random weights and settings that has a
    plan, with its exhaustive best total."""
    rng = random.Random(f"search-case:{case}")
    while True:
        students, rules = synthetic_class(rng.choice(list(sizes)), rng.randrange(10**6))
        settings = random_settings(rng)
        expected = best_total(list(students), list(rules), settings)
        if expected is not None:
            return students, rules, settings, expected


@pytest.mark.parametrize("case", range(60))
def test_optimal_plan_equals_the_exhaustive_best_under_random_presets(case):
    students, rules, settings, expected = small_planable_class(case)
    plan = plan_partnerships(students, rules, settings)
    assert plan.status == "optimal"
    assert plan.objective == pytest.approx(expected)
    assert plan.bound == pytest.approx(expected)


class StoppingClock:
    """A time.monotonic that reads 0.0 `ticks` times, then 1e9: a deadline of 1.0 (or a
    time limit of 1 s taken at 0.0) passes after exactly `ticks` reads."""

    def __init__(self, ticks: int) -> None:
        self.ticks = ticks

    def monotonic(self) -> float:
        self.ticks -= 1
        return 0.0 if self.ticks >= 0 else 1e9


def test_a_plan_stopped_at_any_point_has_a_bound_at_least_the_best_possible(monkeypatch):
    stopped_unproven = 0
    for case in range(25):
        students, rules, settings, expected = small_planable_class(case, sizes=range(6, 10))
        for ticks in range(1, 12):
            clock = StoppingClock(ticks)
            monkeypatch.setattr(search, "time", clock)
            monkeypatch.setattr(solve, "time", clock)
            plan = plan_partnerships(students, rules, replace(settings, time_limit=1.0))
            assert plan.objective <= expected + 1e-9
            assert plan.bound >= expected - 1e-9
            if plan.status == "optimal":
                assert plan.objective == pytest.approx(expected)
            else:
                stopped_unproven += 1
                assert plan.bound >= plan.objective
    # The deadline really did cut some searches short before their proof.
    assert stopped_unproven > 0


def exhaustive_best(instance: Instance) -> float | None:
    """The best partition of an instance by trying every one (n <= 10)."""
    triads = {}
    for a in range(instance.n):
        block = instance.triads_from(a)
        for b, c, v, p in zip(block.second, block.third, block.value, block.plain, strict=True):
            triads[(a, int(b), int(c))] = (float(v), bool(p))
    fewest, most = instance.triad_range
    best = None

    def search_from(rest, total, used, plain):
        nonlocal best
        if not rest:
            if fewest <= used <= most and (best is None or total > best):
                best = total
            return
        first, others = rest[0], rest[1:]
        for b in others:
            if instance.pair_allowed[first, b]:
                left = [m for m in others if m != b]
                search_from(left, total + float(instance.pair_value[first, b]), used, plain)
        for b, c in combinations(others, 2):
            if (first, b, c) in triads and used < most:
                value, is_plain = triads[(first, b, c)]
                if is_plain and plain >= instance.n % 2:
                    continue
                left = [m for m in others if m not in (b, c)]
                search_from(left, total + value, used + 1, plain + is_plain)

    search_from(list(range(instance.n)), 0.0, 0, 0)
    return best


def class_instance(n: int, seed: int, settings: PlanSettings) -> Instance:
    students, rules = synthetic_class(n, seed)
    hard = build_hard_rules(students, rules, settings)
    names = [s.name for s in students]
    fits = {
        (a.name, b.name): score_pair(a, b, settings)
        for a, b in combinations(students, 2)
        if frozenset((a.name, b.name)) not in hard.why_apart
    }
    return _instance(names, hard, {s.name: s for s in students}, fits, settings.max_triads)


@pytest.mark.parametrize("case", range(30))
def test_search_bound_holds_whenever_the_deadline_stops_it(case, monkeypatch):
    rng = random.Random(f"bound-case:{case}")
    instance = class_instance(rng.randint(5, 10), rng.randrange(10**6), random_settings(rng))
    best = exhaustive_best(instance)
    for ticks in range(10):
        monkeypatch.setattr(search, "time", StoppingClock(ticks))
        found = best_partition(instance, deadline=1.0)
        if best is None:
            assert found is None
            continue
        assert found is not None
        assert found.value <= best + 1e-9 <= found.upper_bound + 2e-9
        if found.is_proven:
            assert found.value == best


def test_odd_set_rows_hold_for_every_partition():
    checked = 0
    for seed in range(12):
        instance = class_instance(10, seed, PlanSettings(weights=Weights(*[seed % 5] * 7)))
        _, most = instance.triad_range
        lp = search._Relaxation(instance, search._triad_table(instance, most))
        lp.solve(float("inf"))
        for cut in lp.cuts:
            inside = set(np.flatnonzero(cut.inside).tolist())
            for groups in partitions(instance):
                touching = sum(len(inside.intersection(g)) >= 2 for g in groups)
                assert touching <= (len(inside) - 1) // 2
                checked += 1
    assert checked > 0


def partitions(instance: Instance):
    triads = {
        (a, int(b), int(c))
        for a in range(instance.n)
        for b, c in zip(instance.triads_from(a).second, instance.triads_from(a).third, strict=True)
    }

    def split(rest):
        if not rest:
            yield []
            return
        first, others = rest[0], rest[1:]
        for b in others:
            if instance.pair_allowed[first, b]:
                for tail in split([m for m in others if m != b]):
                    yield [(first, b), *tail]
        for b, c in combinations(others, 2):
            if (first, b, c) in triads:
                for tail in split([m for m in others if m not in (b, c)]):
                    yield [(first, b, c), *tail]

    yield from split(list(range(instance.n)))


@pytest.mark.parametrize(
    ("n", "max_triads", "expected"),
    [(8, 3, (0, 2)), (9, 3, (1, 3)), (10, 2, (0, 2)), (7, 2, (1, 1)), (7, 0, (1, -1))],
)
def test_triad_count_has_the_parity_of_the_class(n, max_triads, expected):
    instance = Instance(n, np.zeros((n, n)), np.zeros((n, n), bool), lambda a: None, max_triads)
    assert instance.triad_range == expected


def test_no_partition_is_reported_as_none_even_past_the_deadline(monkeypatch):
    n = 4
    allowed = np.zeros((n, n), bool)
    allowed[0, 1] = allowed[1, 0] = True  # 2 and 3 have no partner
    empty = TriadBlock(np.zeros(0, int), np.zeros(0, int), np.zeros(0), np.zeros(0, bool))
    instance = Instance(n, np.where(allowed, 4, 0), allowed, lambda a: empty, 3)
    monkeypatch.setattr(search, "time", StoppingClock(0))
    assert best_partition(instance, deadline=1.0) is None


@pytest.mark.parametrize("seed", range(8))
def test_triad_table_lists_exactly_the_allowed_triads_with_their_help(seed):
    """The vectorised table against the rules object and scoring, triad by triad."""
    rng = random.Random(f"table:{seed}")
    n = rng.randint(6, 11)
    students, rules = synthetic_class(n, seed)
    names = [s.name for s in students]
    settings = PlanSettings(seed=seed, weights=random_weights(rng))
    # A keep-together pair, so triads must hold both or neither.
    plain_rules = build_hard_rules(students, rules, settings)
    a, b = rng.choice([p for p in combinations(names, 2) if plain_rules.pair_allowed(*p)])
    hard = build_hard_rules(students, (*rules, Rule("keep_together", (a, b))), settings)
    by_name = {s.name: s for s in students}
    fits = {
        (x, y): score_pair(by_name[x], by_name[y], settings)
        for x, y in combinations(names, 2)
        if frozenset((x, y)) not in hard.why_apart
    }
    instance = _instance(names, hard, by_name, fits, 3)
    listed = {}
    for first in range(n):
        block = instance.triads_from(first)
        for s, t, v, p in zip(block.second, block.third, block.value, block.plain, strict=True):
            listed[(first, int(s), int(t))] = (float(v), bool(p))
    some_pair = next(zip(*np.nonzero(instance.pair_allowed), strict=True))
    x, y = (names[i] for i in some_pair)
    shift = instance.pair_value[some_pair] - 2 * fits[(x, y) if (x, y) in fits else (y, x)].points
    expected = {}
    for triad in combinations(range(n), 3):
        members = [names[i] for i in triad]
        if not hard.triad_allowed(members):
            continue
        helped = triad_help([by_name[m] for m in members])
        if not helped and n % 2 == 0:
            continue
        points = sum(fits[(p, q)].points for p, q in combinations(members, 2))
        value = points + 2 * TRIAD_HELP_POINTS * len(helped) + 3 * shift / 2
        expected[triad] = (float(value), not helped)
    assert listed == expected
