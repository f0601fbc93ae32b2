"""The optimisation behind a plan: split a class into pairs and a few triads.

Why not one CP-SAT set-partition model over all pairs and triads: for a class of 30
it has thousands of triad columns and often cannot prove optimality in 10 s. Instead:

1. Pairs only: a maximum-weight perfect matching (Edmonds' blossom algorithm) is
   exact, so the plan is proven optimal in milliseconds.
2. With triads: the LP relaxation over pairs and triads is solved by row generation
   (triad rows added only when violated). Its dual total D bounds every plan, and
   each column's reduced cost says how far below D any plan using it must fall.
3. A good plan comes first from matchings: pairs only, then the triads with the best
   reduced costs, each completed by an exact matching of everyone else.
4. Reduced-cost fixing drops every pair and triad that cannot beat that plan, and a
   small integer program (SCIP, through OR-Tools) finishes the proof on what is left.

Values are integers doubled (a triad is worth half the sum of its three pair scores,
plus its help bonus) and shifted by a constant per seat so that every partition of
the same students carries the same total shift.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import networkx as nx
from ortools.linear_solver import pywraplp

Pair = tuple[int, int]
Triad = tuple[int, int, int]
SLACK = 1e-6
ROWS_PER_ROUND = 300
STARTING_LEAVES = 6


@dataclass(frozen=True)
class Instance:
    """n students 0..n-1; values are doubled and shifted (see module docstring)."""

    n: int
    pair_value: dict[Pair, int]
    triad_value: dict[Triad, int]
    # Triads that help nobody: at most one, and only to make an odd count work.
    plain_triads: frozenset[Triad]
    max_triads: int


@dataclass(frozen=True)
class Partition:
    pairs: list[Pair]
    triads: list[Triad]
    value: float
    upper_bound: float

    @property
    def is_proven(self) -> bool:
        return self.upper_bound <= self.value + 1 - SLACK


def best_partition(instance: Instance, deadline: float) -> Partition | None:
    """The highest-value partition, or None when none exists (or none was found in time)."""
    graph = _pair_graph(instance)
    if not instance.triad_value or instance.max_triads == 0:
        pairs = _perfect_matching(graph, set())
        if pairs is None:
            return None
        value = _value(instance, pairs, [])
        return Partition(pairs, [], value, value)
    relaxation = _relax(instance)
    best = _starting_plan(instance, graph, relaxation, _share_of_time_left(deadline, 0.3))
    if best is not None and best.value >= relaxation.bound - 1 + SLACK:
        return Partition(best.pairs, best.triads, best.value, best.value)
    return _finish_with_mip(instance, relaxation, best, deadline)


def _pair_graph(instance: Instance) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(range(instance.n))
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in instance.pair_value.items())
    return graph


def _perfect_matching(graph: nx.Graph, used: set[int]) -> list[Pair] | None:
    rest = graph
    if used:
        rest = graph.copy()
        rest.remove_nodes_from(used)
    matching = nx.max_weight_matching(rest, maxcardinality=True)
    if 2 * len(matching) != rest.number_of_nodes():
        return None
    return sorted((min(a, b), max(a, b)) for a, b in matching)


def _value(instance: Instance, pairs: list[Pair], triads: list[Triad]) -> float:
    return float(
        sum(instance.pair_value[p] for p in pairs) + sum(instance.triad_value[t] for t in triads)
    )


@dataclass(frozen=True)
class Relaxation:
    """The LP relaxation's optimum: its bound, and each column's reduced cost."""

    instance: Instance
    duals: list[float]
    triad_cap_dual: float
    plain_cap_dual: float
    bound: float
    # The LP's fractional use of each triad row: where a good plan's triads likely are.
    triad_use: dict[Triad, float]

    def reduced_cost(self, column: tuple[int, ...]) -> float:
        """How far below `bound` every plan that uses this pair or triad must stay."""
        value = sum(self.duals[m] for m in column)
        if len(column) == 2:
            return self.instance.pair_value[column] - value  # type: ignore[index]
        value += self.triad_cap_dual
        if column in self.instance.plain_triads:
            value += self.plain_cap_dual
        return self.instance.triad_value[column] - value  # type: ignore[index]


def _relax(instance: Instance) -> Relaxation:
    """Solve the LP dual of the partition relaxation with both triad caps:

    min sum(y) + K*cap + P*plain, y, cap, plain >= 0,
    y_u + y_v >= w_uv, y_a + y_b + y_c + cap (+ plain for plain triads) >= s_abc,
    where K is the most triads allowed and P (0 or 1) the plain triads allowed.
    Triad rows are added only when violated (row generation).
    """
    solver = pywraplp.Solver.CreateSolver("GLOP")
    infinity = solver.infinity()
    y = [solver.NumVar(0.0, infinity, f"y{i}") for i in range(instance.n)]
    cap = solver.NumVar(0.0, infinity, "triad_cap")
    plain = solver.NumVar(0.0, infinity, "plain_cap")
    for (a, b), w in instance.pair_value.items():
        solver.Add(y[a] + y[b] >= w)
    solver.Minimize(solver.Sum(y) + instance.max_triads * cap + (instance.n % 2) * plain)
    rows: dict[Triad, pywraplp.Constraint] = {}
    while True:
        solver.Solve()
        relaxation = Relaxation(
            instance,
            [v.solution_value() for v in y],
            cap.solution_value(),
            plain.solution_value(),
            solver.Objective().Value(),
            {t: row.dual_value() for t, row in rows.items() if row.dual_value() > SLACK},
        )
        violated = sorted(
            ((relaxation.reduced_cost(t), t) for t in instance.triad_value if t not in rows),
            reverse=True,
        )[:ROWS_PER_ROUND]
        added = [t for gain, t in violated if gain > SLACK]
        if not added:
            return relaxation
        for a, b, c in added:
            lhs = y[a] + y[b] + y[c] + cap
            if (a, b, c) in instance.plain_triads:
                lhs += plain
            rows[(a, b, c)] = solver.Add(lhs >= instance.triad_value[(a, b, c)])


def _allowed_counts(instance: Instance) -> range:
    return range(instance.n % 2, instance.max_triads + 1, 2)


def _share_of_time_left(deadline: float, share: float) -> float:
    now = time.monotonic()
    return now + max(0.0, deadline - now) * share


def _starting_plan(
    instance: Instance, graph: nx.Graph, relaxation: Relaxation, stop_at: float
) -> Partition | None:
    """A good plan from a few matchings: the triads the LP leans on most, each set
    completed by an exact matching of everyone else."""
    use = relaxation.triad_use
    ranked = sorted(
        instance.triad_value,
        key=lambda t: (-use.get(t, 0.0), -relaxation.reduced_cost(t), t),
    )
    tries: list[list[Triad]] = []
    for k in _allowed_counts(instance):
        for first in ranked[:STARTING_LEAVES]:
            chosen = _greedy_triads(instance, ranked, first, k)
            if chosen is not None and chosen not in tries:
                tries.append(chosen)
    best: Partition | None = None
    for tried, triads in enumerate(tries):
        if tried and best is not None and time.monotonic() > stop_at:
            break
        pairs = _perfect_matching(graph, {m for t in triads for m in t})
        if pairs is None:
            continue
        value = _value(instance, pairs, triads)
        if best is None or value > best.value:
            best = Partition(pairs, triads, value, float("inf"))
    return best


def _greedy_triads(
    instance: Instance, ranked: list[Triad], first: Triad, k: int
) -> list[Triad] | None:
    if k == 0:
        return []
    chosen = [first]
    used = set(first)
    for t in ranked:
        if len(chosen) == k:
            break
        if used.isdisjoint(t) and not (t in instance.plain_triads and _has_plain(instance, chosen)):
            chosen.append(t)
            used.update(t)
    if len(chosen) < k or sum(t in instance.plain_triads for t in chosen) > instance.n % 2:
        return None
    return sorted(chosen)


def _has_plain(instance: Instance, chosen: list[Triad]) -> bool:
    return any(t in instance.plain_triads for t in chosen)


def _finish_with_mip(
    instance: Instance, relaxation: Relaxation, best: Partition | None, deadline: float
) -> Partition | None:
    """Solve the integer program on the columns that could still beat `best`."""
    bound = relaxation.bound
    floor = best.value if best is not None else -float("inf")

    def can_beat(column: tuple[int, ...]) -> bool:
        return bound + relaxation.reduced_cost(column) > floor + 1 - SLACK

    pairs = [p for p in instance.pair_value if can_beat(p)]
    triads = [t for t in instance.triad_value if can_beat(t)]
    solver = pywraplp.Solver.CreateSolver("SCIP")
    x = {p: solver.BoolVar(f"p{p}") for p in pairs}
    z = {t: solver.BoolVar(f"t{t}") for t in triads}
    cover: list[list[pywraplp.Variable]] = [[] for _ in range(instance.n)]
    for column, var in [*x.items(), *z.items()]:
        for m in column:
            cover[m].append(var)
    for m in range(instance.n):
        solver.Add(solver.Sum(cover[m]) == 1)
    solver.Add(solver.Sum(list(z.values())) <= instance.max_triads)
    solver.Add(solver.Sum([z[t] for t in triads if t in instance.plain_triads]) <= instance.n % 2)
    total = solver.Sum([instance.pair_value[p] * x[p] for p in pairs]) + solver.Sum(
        [instance.triad_value[t] * z[t] for t in triads]
    )
    if best is not None:
        solver.Add(total >= floor + 1)
    solver.Maximize(total)
    solver.SetTimeLimit(max(1, int((deadline - time.monotonic()) * 1000)))
    status = solver.Solve()
    if status == pywraplp.Solver.OPTIMAL:
        chosen_pairs = sorted(p for p in pairs if x[p].solution_value() > 0.5)
        chosen_triads = sorted(t for t in triads if z[t].solution_value() > 0.5)
        value = _value(instance, chosen_pairs, chosen_triads)
        return Partition(chosen_pairs, chosen_triads, value, value)
    if status == pywraplp.Solver.INFEASIBLE:
        # Nothing beats the starting plan: it is optimal (or no partition exists).
        return None if best is None else Partition(best.pairs, best.triads, best.value, best.value)
    if status == pywraplp.Solver.FEASIBLE:
        chosen_pairs = sorted(p for p in pairs if x[p].solution_value() > 0.5)
        chosen_triads = sorted(t for t in triads if z[t].solution_value() > 0.5)
        value = _value(instance, chosen_pairs, chosen_triads)
        upper = min(bound, solver.Objective().BestBound())
        return Partition(chosen_pairs, chosen_triads, value, upper)
    if best is None:
        return None
    return Partition(best.pairs, best.triads, best.value, bound)
