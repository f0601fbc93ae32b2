"""The optimisation behind a plan: split a class into pairs and a few triads.

The problem is a set partition: every student in exactly one pair or triad, at most
`max_triads` triads, at most one triad that helps nobody (and only when the count is
odd). One linear program, made tight enough that its optimum is nearly always a plan,
both finds the plan and proves it best:

1. Columns are priced, not listed one by one. The LP starts from each student's best
   pairs; after each solve, numpy computes the reduced cost of every pair and every
   triad at once (the triads are kept as arrays: a pool of 301 has 4.4 million, ~0.3 s
   and ~100 MB to list) and the most improving ones join the LP. Between full
   pricings only the 50,000 best triads of the last one are priced.
2. Two families of valid rows close the gap between the LP and the plans:
   - Parity: k triads cover 3k students, so k has the parity of the class. An even
     class with `max_triads` 3 uses 0 or 2 triads, an odd one 1 or 3; the LP gets
     that range instead of 0..3. (Without it the LP of an even class spent a third
     triad it could never use: the 3 % gap on 36 students with every weight "Some".)
   - Odd sets (blossoms): in a set S of odd size the partnerships with two or more
     members in S number at most (|S| - 1) / 2 -- half the cover rows of S, rounded
     down. With pairs only these rows make the LP Edmonds' matching polytope; with
     triads they cut off the odd cycles and half-triads a fractional LP uses. S is
     violated exactly when the pairs leaving S plus the triads meeting S in an odd
     number of members weigh less than 1, and such sets are looked for among the
     components and the shortest odd cycles of the LP's fractional part. Cutting
     stops when rounds stop lowering the LP value (tied weightings can sit on one
     value for hundreds of rounds).
3. When the LP is still fractional, a dive (fix the most used triad, or the pairs
   above one half, and solve again) gives a plan, often one worth the bound already.
   On 640 classes of 20-40 under the uniform presets and random mixes, the LP itself
   was a plan in 85 % of them, a dive closed half of the rest, and 7 % went on to
   step 4.
4. Otherwise reduced costs fix the rest. A plan worth V satisfies V <= bound +
   (the reduced costs of its columns, all <= 0), so a pair or triad whose reduced
   cost is below -gap lies only in plans worth less than bound - gap. An integer
   program (HiGHS, through OR-Tools) over the other columns, with the same rows,
   decides everything above; gap starts just under the bound and widens to
   bound - (best plan + 1) when that is not reached.

The deadline is checked in every loop (pricing, cutting, diving) and bounds the
integer program; past it the best plan so far is returned with the tightest bound
proven. Only when no plan at all exists yet does the search go on past the deadline
until the first one (a late plan beats a false "no plan"); on a pool of 301 that is
about 1-1.5 s.

Values are integers doubled (a triad is worth half the sum of its three pair scores,
plus its help bonus) and shifted by a constant per seat so that every partition of
the same students carries the same total shift. A plan is proven once the bound is
below its value + 1.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
from ortools.linear_solver import pywraplp

Pair = tuple[int, int]
Triad = tuple[int, int, int]
SLACK = 1e-6
INF = float("inf")
# Columns added per pricing round (the most improving first), and each student's
# best pairs that seed the LP.
COLUMNS_PER_ROUND = 400
SEED_PAIRS = 8
# Most odd-set rows added per separation round.
CUTS_PER_ROUND = 60
# Cutting stops when its rounds lower the LP value by less than this.
PROGRESS = 0.01
# A cut keeps the list of triads it holds up to this many (4 bytes each).
KEPT_CUT_ROWS = 400_000
# Between full pricings, only this many triads (the best at the last full one) are priced.
PRICING_POOL = 50_000


@dataclass(frozen=True, eq=False)
class TriadBlock:
    """The allowed triads (first, second, third), first < second < third, of one first
    member: doubled values, and which help nobody ("plain")."""

    second: np.ndarray
    third: np.ndarray
    value: np.ndarray
    plain: np.ndarray


@dataclass(frozen=True, eq=False)
class Instance:
    """n students 0..n-1; values are doubled and shifted (see module docstring).

    `pair_value[a, b]` is the value of pair (a, b) where `pair_allowed[a, b]`;
    `triads_from(a)` lists the allowed triads whose smallest member is a.
    """

    n: int
    pair_value: np.ndarray
    pair_allowed: np.ndarray
    triads_from: Callable[[int], TriadBlock]
    max_triads: int

    @property
    def triad_range(self) -> tuple[int, int]:
        """The fewest and most triads a partition can have (k has the parity of n)."""
        most = self.max_triads - (self.max_triads - self.n) % 2
        return self.n % 2, most


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
    """The highest-value partition, or None when none exists.

    Stops as soon as the plan is proven, or at `deadline` with the best partition
    found so far and a valid bound on the best possible. With no partition at all by
    the deadline it goes on until the first one (see _first_plan).
    """
    fewest, most = instance.triad_range
    if fewest > most or instance.n == 1:
        return None
    lp = _Relaxation(instance, _triad_table(instance, most))
    lp.solve(deadline)
    if lp.is_infeasible:
        return None
    found = lp.plan() or lp.dive(deadline)
    if found is not None and not found.is_proven:
        found = _finish_with_mip(lp, found, deadline)
    elif found is None and time.monotonic() <= deadline:
        found = _finish_with_mip(lp, None, deadline)
    if found is None and time.monotonic() > deadline:
        found = _first_plan(lp)
    return found


def _first_plan(lp: _Relaxation) -> Partition | None:
    """Past the deadline with no plan yet: go on until the first one (or a proof that
    none exists), since a late plan beats a false "no plan". Rare: the first plan of a
    class of 301 comes in about 1-1.5 s, of 60 in about 0.05 s."""
    lp.solve(INF)
    if lp.is_infeasible:
        return None
    found = lp.plan() or lp.dive(INF)
    if found is not None:
        return found
    return _finish_with_mip(lp, None, INF)


@dataclass(eq=False)
class _Triads:
    """Every allowed triad as arrays: members (sorted within a row, column-major so
    pricing reads each member column whole), doubled values, and which are plain."""

    members: np.ndarray
    value: np.ndarray
    plain: np.ndarray

    @property
    def count(self) -> int:
        return len(self.value)


def _triad_table(instance: Instance, most: int) -> _Triads:
    """The whole table, built block by block from the instance. It is the model: even a
    pool of 301 (4.4 million triads, ~0.3 s, ~100 MB) is listed in full, so every bound
    the search reports covers every triad."""
    n = instance.n
    kind = np.int16 if n < np.iinfo(np.int16).max else np.int32
    blocks = [instance.triads_from(a) for a in range(n - 2)] if most else []
    sizes = [len(block.value) for block in blocks]
    members = np.empty((sum(sizes), 3), dtype=kind, order="F")
    members[:, 0] = np.repeat(np.arange(len(sizes), dtype=kind), sizes)
    if blocks:
        members[:, 1] = np.concatenate([block.second for block in blocks])
        members[:, 2] = np.concatenate([block.third for block in blocks])
    value = (
        np.concatenate([block.value for block in blocks]).astype(np.float64)
        if blocks
        else np.zeros(0)
    )
    plain = (
        np.concatenate([block.plain for block in blocks]).astype(bool)
        if blocks
        else np.zeros(0, bool)
    )
    return _Triads(members, value, plain)


@dataclass(eq=False)
class _Cut:
    """An odd set S: partnerships with two or more members in S number <= (|S|-1)/2."""

    inside: np.ndarray  # bool per student
    row: pywraplp.Constraint
    # The triads (table rows) with two or more members inside, listed the first time
    # the row's dual prices them; left None when there are too many to keep.
    triad_rows: np.ndarray | None = None
    listed: bool = False

    def holds(self, members: np.ndarray) -> np.ndarray:
        """For each triad (row of member indices): two or more members inside?"""
        flags = self.inside.astype(np.int8)
        held: np.ndarray = (flags[members[:, 0]] + flags[members[:, 1]] + flags[members[:, 2]]) >= 2
        return held

    def rows_held(self, triads: _Triads) -> np.ndarray | None:
        if not self.listed:
            rows = np.flatnonzero(self.holds(triads.members)).astype(np.int32)
            self.triad_rows = rows if len(rows) <= KEPT_CUT_ROWS else None
            self.listed = True
        return self.triad_rows


@dataclass(eq=False)
class _Relaxation:
    """The LP over priced columns, with its rows, and the tightest bound it proved
    together with the reduced costs that prove it (`bound`, `pair_rc`, `triad_rc`)."""

    instance: Instance
    triads: _Triads
    solver: pywraplp.Solver = field(init=False)
    cover: list[pywraplp.Constraint] = field(init=False)
    count: pywraplp.Constraint = field(init=False)
    plain_row: pywraplp.Constraint = field(init=False)
    cuts: list[_Cut] = field(init=False, default_factory=list)
    pair_vars: dict[Pair, pywraplp.Variable] = field(init=False, default_factory=dict)
    triad_vars: dict[int, pywraplp.Variable] = field(init=False, default_factory=dict)
    artificial: list[pywraplp.Variable] = field(init=False)
    bound: float = field(init=False, default=float("inf"))
    is_infeasible: bool = field(init=False, default=False)
    pair_rc: np.ndarray = field(init=False)
    triad_rc: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        inst = self.instance
        n = inst.n
        self.solver = pywraplp.Solver.CreateSolver("GLOP")
        inf = self.solver.infinity()
        self.cover = [self.solver.Constraint(1, 1) for _ in range(n)]
        fewest, most = inst.triad_range
        self.count = self.solver.Constraint(fewest, most)
        self.plain_row = self.solver.Constraint(-inf, n % 2)
        objective = self.solver.Objective()
        objective.SetMaximization()
        # A student covered alone keeps the first LPs feasible; it is never in a plan.
        big = 4.0 * n * (1.0 + float(np.abs(inst.pair_value[inst.pair_allowed]).max(initial=0)))
        if self.triads.count:
            big += 4.0 * n * float(np.abs(self.triads.value).max())
        self.artificial = []
        for m in range(n):
            var = self.solver.NumVar(0, self.solver.infinity(), "")
            self.cover[m].SetCoefficient(var, 1)
            objective.SetCoefficient(var, -big)
            self.artificial.append(var)
        # ...and a stand-in triad, so the LP has a solution before any triad is priced.
        var = self.solver.NumVar(0, self.solver.infinity(), "")
        self.count.SetCoefficient(var, 1)
        objective.SetCoefficient(var, -big)
        self.artificial.append(var)
        self.pair_in = np.zeros((n, n), dtype=bool)
        self.triad_in = np.zeros(self.triads.count, dtype=bool)
        self.pool: np.ndarray | None = None
        self.upper = np.triu_indices(n, 1)
        self.pair_rc = np.where(inst.pair_allowed, 0.0, -np.inf)
        self.triad_rc = np.zeros(self.triads.count)
        self._seed_pairs()

    def _seed_pairs(self) -> None:
        inst = self.instance
        values = np.where(inst.pair_allowed, inst.pair_value, -np.inf)
        best = np.argsort(-values, axis=1)[:, :SEED_PAIRS]
        for a in range(inst.n):
            for b in best[a]:
                if np.isfinite(values[a, b]) and not self.pair_in[a, b]:
                    self._add_pair(min(a, int(b)), max(a, int(b)))

    def _add_pair(self, a: int, b: int) -> None:
        # No upper bound of its own (the cover rows imply x <= 1), so at the optimum
        # every reduced cost is <= 0 and the bound argument holds as stated.
        var = self.solver.NumVar(0, self.solver.infinity(), "")
        self.cover[a].SetCoefficient(var, 1)
        self.cover[b].SetCoefficient(var, 1)
        for cut in self.cuts:
            if cut.inside[a] and cut.inside[b]:
                cut.row.SetCoefficient(var, 1)
        self.solver.Objective().SetCoefficient(var, float(self.instance.pair_value[a, b]))
        self.pair_vars[(a, b)] = var
        self.pair_in[a, b] = self.pair_in[b, a] = True

    def _add_triad(self, i: int) -> None:
        var = self.solver.NumVar(0, self.solver.infinity(), "")
        members = self.triads.members[i]
        for m in members:
            self.cover[int(m)].SetCoefficient(var, 1)
        self.count.SetCoefficient(var, 1)
        if self.triads.plain[i]:
            self.plain_row.SetCoefficient(var, 1)
        for cut in self.cuts:
            if cut.inside[members].sum() >= 2:
                cut.row.SetCoefficient(var, 1)
        self.solver.Objective().SetCoefficient(var, float(self.triads.value[i]))
        self.triad_vars[i] = var
        self.triad_in[i] = True

    def solve(self, deadline: float, patience: int = 8) -> None:
        """Price columns and add odd-set rows until neither helps (or the deadline).

        Cutting stops when `patience` rounds in a row lower the LP value by less
        than PROGRESS (on tied weightings the LP can sit on one value for hundreds of
        rounds); the integer program then finishes from there."""
        stalled, last = 0, INF
        while True:
            status = self.solver.Solve()
            if status != pywraplp.Solver.OPTIMAL:
                self.is_infeasible = status == pywraplp.Solver.INFEASIBLE
                return
            if self.pool is not None and time.monotonic() <= deadline:
                pair_rc, triad_rc = self._reduced_costs(self.pool)
                if self._add_improving_columns(pair_rc, self.pool, triad_rc):
                    continue
                if not self._uses_artificial() and stalled < patience:
                    # Cut on the pool's prices; everything is priced before returning.
                    stalled, last = self._progress(stalled, last)
                    if stalled < patience and self._add_cuts():
                        continue
            if self._price_everything(deadline):
                continue
            if time.monotonic() > deadline:
                return
            if self._uses_artificial():
                self.is_infeasible = True
                return
            if self.pool is None:
                stalled, last = self._progress(stalled, last)
            if stalled >= patience or not self._add_cuts():
                return

    def _progress(self, stalled: int, last: float) -> tuple[int, float]:
        objective = self.solver.Objective().Value()
        return (0 if objective < last - PROGRESS else stalled + 1), min(last, objective)

    def _price_everything(self, deadline: float) -> bool:
        """Price every column, keep the bound it proves, and add improving columns
        (True) unless the deadline has passed."""
        pair_rc, triad_rc = self._reduced_costs(None)
        self._certify(pair_rc, triad_rc)
        if time.monotonic() > deadline:
            return False
        if not self._add_improving_columns(pair_rc, None, triad_rc):
            return False
        if self.triads.count > PRICING_POOL:
            self.pool = np.argpartition(-triad_rc, PRICING_POOL)[:PRICING_POOL]
        return True

    def _reduced_costs(self, rows: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """Reduced costs of every pair and of the triads in `rows` (None: all)."""
        y = np.array([row.dual_value() for row in self.cover])
        count_dual = self.count.dual_value()
        plain_dual = self.plain_row.dual_value()
        pair_rc = self.instance.pair_value - y[:, None] - y[None, :]
        active = [(cut, cut.row.dual_value()) for cut in self.cuts]
        active = [(cut, d) for cut, d in active if abs(d) > SLACK]
        for cut, d in active:
            pair_rc -= d * np.outer(cut.inside, cut.inside)
        pair_rc = np.where(self.instance.pair_allowed, pair_rc, -np.inf)
        members = self.triads.members if rows is None else self.triads.members[rows]
        first, second, third = (members[:, k] for k in range(3))
        triad_rc = self.triads.value - count_dual if rows is None else self.triads.value[rows]
        if rows is not None:
            triad_rc = triad_rc - count_dual
        triad_rc -= y[first]
        triad_rc -= y[second]
        triad_rc -= y[third]
        if abs(plain_dual) > SLACK:
            plain = self.triads.plain if rows is None else self.triads.plain[rows]
            triad_rc -= plain_dual * plain
        for cut, d in active:
            held = cut.rows_held(self.triads) if rows is None else None
            if held is not None:
                triad_rc[held] -= d
            else:
                triad_rc -= d * cut.holds(members)
        return pair_rc, triad_rc

    def _certify(self, pair_rc: np.ndarray, triad_rc: np.ndarray) -> None:
        """Keep the tightest bound seen, with the reduced costs that prove it: a plan is
        worth at most the LP value plus the reduced costs of its columns."""
        if self._uses_artificial():
            return
        _, most = self.instance.triad_range
        best_pair = max(0.0, float(np.max(pair_rc[self.upper])))
        best_triad = max(0.0, float(np.max(triad_rc, initial=0.0)))
        extra = (self.instance.n // 2) * best_pair + most * best_triad
        bound = self.solver.Objective().Value() + extra
        if bound <= self.bound:
            self.bound, self.pair_rc, self.triad_rc = bound, pair_rc, triad_rc

    def _add_improving_columns(
        self, pair_rc: np.ndarray, rows: np.ndarray | None, triad_rc: np.ndarray
    ) -> bool:
        """Add the most improving columns (triads among `rows`, None: all)."""
        upper = self.upper
        pair_gain = pair_rc[upper]
        pairs = np.flatnonzero((pair_gain > SLACK) & ~self.pair_in[upper])
        # The best few by reduced cost first: a full scan of millions of triads for
        # every positive one costs more than the LP solve.
        best = np.arange(len(triad_rc))
        if len(best) > COLUMNS_PER_ROUND:
            best = np.argpartition(-triad_rc, COLUMNS_PER_ROUND)[:COLUMNS_PER_ROUND]
        triads = best if rows is None else rows[best]
        keep = (triad_rc[best] > SLACK) & ~self.triad_in[triads]
        triads, gain = triads[keep], triad_rc[best][keep]
        if len(pairs) + len(triads) == 0:
            return False
        gains = np.concatenate([pair_gain[pairs], gain])
        wanted = np.arange(len(gains))
        if len(gains) > COLUMNS_PER_ROUND:
            wanted = np.argpartition(-gains, COLUMNS_PER_ROUND)[:COLUMNS_PER_ROUND]
        for j in wanted:
            if j < len(pairs):
                self._add_pair(int(upper[0][pairs[j]]), int(upper[1][pairs[j]]))
            else:
                self._add_triad(int(triads[j - len(pairs)]))
        return True

    def _uses_artificial(self) -> bool:
        return any(var.solution_value() > SLACK for var in self.artificial)

    def _values(self) -> tuple[dict[Pair, float], dict[int, float]]:
        pairs = {p: v.solution_value() for p, v in self.pair_vars.items()}
        triads = {i: v.solution_value() for i, v in self.triad_vars.items()}
        return (
            {p: x for p, x in pairs.items() if x > SLACK},
            {i: x for i, x in triads.items() if x > SLACK},
        )

    def plan(self) -> Partition | None:
        """The LP's solution when it is a partition (integral), else None."""
        if self.is_infeasible or self._uses_artificial():
            return None
        pairs, triads = self._values()
        if any(x < 1 - SLACK for x in [*pairs.values(), *triads.values()]):
            return None
        return _partition(self, list(pairs), list(triads), self.bound)

    def dive(self, deadline: float) -> Partition | None:
        """A plan near the LP optimum: fix the most used triad (else pair) to 1 and
        solve again, until the LP is a plan. The root's bound and reduced costs are
        kept; the rows and columns added on the way are valid for every plan."""
        root = (self.bound, self.pair_rc, self.triad_rc)
        fixed: list[pywraplp.Variable] = []
        found = None
        while time.monotonic() <= deadline and not self.is_infeasible:
            if self._uses_artificial():
                break
            found = self.plan()
            if found is not None:
                break
            pairs, triads = self._values()
            open_triads = {i: x for i, x in triads.items() if x < 1 - SLACK}
            if open_triads:
                chosen = [self.triad_vars[max(open_triads, key=lambda i: (open_triads[i], -i))]]
            else:
                # Pairs above 1/2 are disjoint: fix them all at once.
                open_pairs = {p: x for p, x in pairs.items() if x < 1 - SLACK}
                top = max(open_pairs, key=lambda p: (open_pairs[p], p))
                chosen = [self.pair_vars[p] for p, x in open_pairs.items() if x > 0.5 + SLACK]
                chosen = chosen or [self.pair_vars[top]]
            for var in chosen:
                var.SetLb(1)
                fixed.append(var)
            self.solve(deadline, patience=1)
        for var in fixed:
            var.SetLb(0)
        self.is_infeasible = False
        self.bound, self.pair_rc, self.triad_rc = root
        if found is None:
            return None
        return Partition(found.pairs, found.triads, found.value, max(self.bound, found.value))

    def _add_cuts(self) -> bool:
        pairs, triads = self._values()
        fractional = {p: x for p, x in pairs.items() if x < 1 - SLACK}
        fractional_triads: dict[Triad, float] = {
            _as_triad(self.triads.members[i]): x for i, x in triads.items() if x < 1 - SLACK
        }
        if not fractional and not fractional_triads:
            return False
        known = {frozenset(np.flatnonzero(c.inside).tolist()) for c in self.cuts}
        added = 0
        for inside in _odd_set_candidates(fractional, fractional_triads):
            if inside in known or len(inside) < 3:
                continue
            if _cut_weight(inside, fractional, fractional_triads) < 1 - 1e-4:
                self._add_cut(inside)
                known.add(inside)
                added += 1
                if added >= CUTS_PER_ROUND:
                    break
        return added > 0

    def _add_cut(self, members: frozenset[int]) -> None:
        inside = np.zeros(self.instance.n, dtype=bool)
        inside[list(members)] = True
        row = self.solver.Constraint(-self.solver.infinity(), (len(members) - 1) // 2)
        if len(members) ** 2 < 2 * len(self.pair_vars):
            pairs = [p for p in combinations(sorted(members), 2) if p in self.pair_vars]
        else:
            pairs = [(a, b) for a, b in self.pair_vars if inside[a] and inside[b]]
        for pair in pairs:
            row.SetCoefficient(self.pair_vars[pair], 1)
        cut = _Cut(inside, row)
        in_lp = np.fromiter(self.triad_vars, dtype=np.int64, count=len(self.triad_vars))
        for i in in_lp[cut.holds(self.triads.members[in_lp])]:
            row.SetCoefficient(self.triad_vars[int(i)], 1)
        self.cuts.append(cut)


def _cut_weight(
    inside: frozenset[int], pairs: dict[Pair, float], triads: dict[Triad, float]
) -> float:
    """x(cut of S) plus the triads meeting S in an odd number of members: the odd-set
    row of S is violated exactly when this is below 1."""
    weight = sum(x for (a, b), x in pairs.items() if (a in inside) != (b in inside))
    weight += sum(x for t, x in triads.items() if sum(m in inside for m in t) % 2)
    return weight


def _as_triad(members: np.ndarray) -> Triad:
    first, second, third = (int(m) for m in members)
    return first, second, third


def _odd_set_candidates(
    pairs: dict[Pair, float], triads: dict[Triad, float]
) -> Iterator[frozenset[int]]:
    """Odd vertex sets of the fractional solution that may violate their odd-set row:
    its connected components and its short odd cycles (a triad links any two of its
    members)."""
    neighbours: dict[int, set[int]] = {}
    for a, b in pairs:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    for t in triads:
        for m in t:
            neighbours.setdefault(m, set()).update(o for o in t if o != m)
    seen: set[int] = set()
    for start in sorted(neighbours):
        if start in seen:
            continue
        component = _reach(neighbours, start)
        seen |= component
        if len(component) % 2:
            yield frozenset(component)
    for start in sorted(neighbours):
        cycle = _shortest_odd_cycle(neighbours, start)
        if cycle is not None:
            yield cycle


def _reach(neighbours: dict[int, set[int]], start: int) -> set[int]:
    found, stack = {start}, [start]
    while stack:
        for o in neighbours[stack.pop()]:
            if o not in found:
                found.add(o)
                stack.append(o)
    return found


def _shortest_odd_cycle(neighbours: dict[int, set[int]], start: int) -> frozenset[int] | None:
    """The vertices of a shortest odd closed walk through `start` (BFS on the parity
    double cover), when it is a simple cycle."""
    parent: dict[tuple[int, int], tuple[int, int] | None] = {(start, 0): None}
    frontier = [(start, 0)]
    while frontier:
        following = []
        for v, parity in frontier:
            for o in neighbours[v]:
                state = (o, 1 - parity)
                if state in parent:
                    continue
                parent[state] = (v, parity)
                if state == (start, 1):
                    walk = []
                    node: tuple[int, int] | None = state
                    while node is not None:
                        walk.append(node[0])
                        node = parent[node]
                    members = frozenset(walk)
                    return members if len(members) == len(walk) - 1 else None
                following.append(state)
        frontier = following
    return None


def _partition(lp: _Relaxation, pairs: list[Pair], rows: list[int], bound: float) -> Partition:
    value = float(sum(lp.instance.pair_value[a, b] for a, b in pairs))
    value += float(lp.triads.value[rows].sum()) if rows else 0.0
    chosen: list[Triad] = sorted((int(a), int(b), int(c)) for a, b, c in lp.triads.members[rows])
    return Partition(sorted(pairs), chosen, value, max(bound, value))


def _finish_with_mip(lp: _Relaxation, best: Partition | None, deadline: float) -> Partition | None:
    """Integer programs over the columns whose reduced cost leaves them a chance to
    reach a target just under the bound; the target is lowered until it is met (the
    plan is then optimal) or every plan better than the best found is ruled out.

    A plan that uses a column of reduced cost below -gap is worth less than
    bound - gap, so a program over the other columns decides everything above it.
    """
    bound = lp.bound
    gap = max(2.0, 0.002 * abs(bound))
    while True:
        if best is not None and time.monotonic() > deadline:
            return Partition(best.pairs, best.triads, best.value, max(bound, best.value))
        floor = best.value + 1 if best is not None else -INF
        gap = min(gap, bound - floor)
        status, result, mip_bound, kept_all = _solve_mip(lp, gap, floor, deadline)
        if result is not None and (best is None or result.value > best.value):
            best = result
        if status in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.INFEASIBLE):
            reached = best is not None and best.value >= bound - gap - SLACK
            if kept_all or reached or gap >= bound - floor - SLACK:
                if best is None:
                    return None
                return Partition(best.pairs, best.triads, best.value, best.value)
            gap = bound - (best.value + 1) if best is not None else 4 * gap
            continue
        if best is None:
            return None
        # Out of time: the program's bound covers its columns; the rest stay below
        # bound - gap.
        upper = max(min(mip_bound, bound), bound - gap)
        return Partition(best.pairs, best.triads, best.value, max(upper, best.value))


def _solve_mip(
    lp: _Relaxation, gap: float, floor: float, deadline: float
) -> tuple[int, Partition | None, float, bool]:
    """(status, plan found, the program's bound, whether every column was kept)."""
    inst = lp.instance
    n = inst.n
    upper = lp.upper
    allowed = inst.pair_allowed[upper]
    keep = allowed & (lp.pair_rc[upper] >= -gap - SLACK)
    pairs = [(int(a), int(b)) for a, b in zip(upper[0][keep], upper[1][keep], strict=True)]
    rows = [int(i) for i in np.flatnonzero(lp.triad_rc >= -gap - SLACK)]
    kept_all = len(pairs) == int(allowed.sum()) and len(rows) == lp.triads.count
    solver = pywraplp.Solver.CreateSolver("HIGHS")
    if solver is None:  # an OR-Tools build without HiGHS
        solver = pywraplp.Solver.CreateSolver("SCIP")
    else:
        solver.SetSolverSpecificParametersAsString("output_flag=false")
    x = {p: solver.BoolVar("") for p in pairs}
    z = {i: solver.BoolVar("") for i in rows}
    members = lp.triads.members
    cover: list[list[pywraplp.Variable]] = [[] for _ in range(n)]
    for (a, b), var in x.items():
        cover[a].append(var)
        cover[b].append(var)
    for i, var in z.items():
        for m in members[i]:
            cover[int(m)].append(var)
    for m in range(n):
        solver.Add(solver.Sum(cover[m]) == 1)
    fewest, most = inst.triad_range
    triads = list(z.values())
    solver.Add(solver.Sum(triads) <= most)
    solver.Add(solver.Sum(triads) >= fewest)
    solver.Add(solver.Sum([v for i, v in z.items() if lp.triads.plain[i]]) <= n % 2)
    for cut in lp.cuts:
        inside = cut.inside
        terms = [v for (a, b), v in x.items() if inside[a] and inside[b]]
        terms += [v for i, v in z.items() if inside[members[i]].sum() >= 2]
        solver.Add(solver.Sum(terms) <= (int(inside.sum()) - 1) // 2)
    total = solver.Sum([float(inst.pair_value[p]) * v for p, v in x.items()])
    total += solver.Sum([float(lp.triads.value[i]) * v for i, v in z.items()])
    if floor > -float("inf"):
        solver.Add(total >= floor)
    solver.Maximize(total)
    if deadline < INF:
        solver.SetTimeLimit(max(1, int((deadline - time.monotonic()) * 1000)))
    status = solver.Solve()
    if status not in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.FEASIBLE):
        return status, None, INF, kept_all
    chosen_pairs = [p for p, v in x.items() if v.solution_value() > 0.5]
    chosen_rows = [i for i, v in z.items() if v.solution_value() > 0.5]
    found = _partition(lp, chosen_pairs, chosen_rows, 0.0)
    return status, found, solver.Objective().BestBound(), kept_all
