"""Monday headline partners: a new partner every week, never the long-term partner.

What every schedule keeps, whatever the class:
- each week puts everyone in exactly one group: pairs, plus one triad for an odd class
  (more triads only when keep-apart rules leave no week of that shape);
- no group holds a kept-apart pair (teacher rules or avoid lists) or two long-term
  partners;
- the same class, rules and long-term plan give the same weeks, and asking for more
  weeks only adds weeks at the end (so weeks made one at a time follow the schedule).

The schedule is a round of weeks in which no pair meets twice, repeated in the same
order once every pair it can give has met; so within any run of a round's length no
pair repeats. How long a round can be is bounded by counting pairs
(`no_repeat_bound`); the round is made as long as the search below can find:

- An even class whose circle-method rounds avoid every kept-apart pair uses them: a
  1-factorisation in which every two students meet exactly once, seated so that the
  long-term partnerships form one round, which is left out. That round is at the bound.
- Any other class finds its weeks together, as an edge colouring: week w is colour w;
  an odd class first gives each week its triad (edge-disjoint triangles, spread so that
  nobody runs out of new partners), then colours the other allowed pairs so that colour
  w pairs everyone outside week w's triad. The colouring hill-climbs (Dinitz and
  Stinson's method for 1-factorisations): a student missing colour w takes an unused
  partner in colour w, whose old colour-w partner then misses it instead; now and then a
  step goes through an already-coloured pair, so the walk leaves the cycles that trap it
  when few spare pairs are left. The bound is tried first, then one week fewer, then
  halfway between the most weeks found and the fewest that failed; every try has a
  fixed number of steps from a fixed seed, so the result is deterministic and its time
  bounded (at most a few tenths of a second up to 60 students; benchmarks/rotation.md).
- A class of at most 11 that the search leaves short of the bound gets an exact round
  from CP-SAT (small classes need just the right, overlapping triads).
- If the search finds no week at all (a class so constrained that even one week is
  hard), weeks are solved exactly one by one with CP-SAT, each avoiding the pairs of the
  ones before; when no week exists, InfeasibleError says so.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from itertools import combinations

from ortools.sat.python import cp_model

from .errors import InfeasibleError
from .model import Plan, PlanSettings, Rule, Student
from .rules import hard_rules

Week = tuple[tuple[str, ...], ...]
_Groups = list[tuple[int, ...]]
_Graph = list[set[int]]

# A year of Mondays: a round never plans further ahead than this.
MAX_PLANNED_WEEKS = 52
# Hill-climbing steps for the whole search; about 0.3 s in CPython on this machine.
_SEARCH_STEPS = 150_000
# Classes this small get an exact round when the search stops short of the bound.
_EXACT_UP_TO = 11
# The least a number of weeks is given before the search tries fewer.
_LEVEL_STEPS = 20_000
_HOLE, _MISSING = -2, -1
_GHOST = ""


def no_repeat_bound(
    students: Sequence[Student], rules: Sequence[Rule] = (), long_term: Plan | None = None
) -> int:
    """The most weeks that can pass before some pair of headline partners repeats.

    Counting argument. Let d(v) be the number of classmates v may be grouped with (not
    kept apart, not a long-term partner). Every week v gets at least one partner never
    met before, so W weeks need d(v) >= W for everyone. In an even class that is all:
    each week is a perfect matching, so W <= min d(v). In an odd class each week also
    has one triad, whose three members take two new partners each; if v is in t(v)
    triads in W weeks, v takes W + t(v) partners, so t(v) <= d(v) - W (and t(v) <= W,
    one triad a week), while the triads have 3W seats: sum over v of min(d(v) - W, W)
    >= 3W. (Summed over v, d(v) - W >= t(v) is the plain pair count: n(n-1)/2 pairs
    minus the excluded ones, at most (n + 3)/2 pairs a week.) The first W of a schedule
    are a schedule too, so the bound is the largest W for which every W' <= W passes.

    An upper bound, not a promise: the triads must also be edge-disjoint triangles and
    the pairs must fit around them, which counting does not see.
    """
    names = _canonical(students)
    return _bound(_allowed_graph(names, headline_apart(students, rules, long_term)))


def rotate_headline_partners(
    students: Sequence[Student],
    weeks: int,
    rules: Sequence[Rule] = (),
    long_term: Plan | None = None,
) -> list[Week]:
    """`weeks` weekly groupings (pairs, plus one triad for an odd class).

    Guarantees: everyone is in exactly one group each week; no kept-apart pair (rules
    or avoid lists) and no long-term partnership from `long_term` is ever grouped; the
    same input gives the same weeks, and more weeks only extends the list. No pair
    repeats within a round, which is n - 1 weeks for an even class with nothing kept
    apart (n - 2 when long-term partners are left out) and otherwise the longest round
    the search finds, at most `no_repeat_bound` and usually at it (see
    benchmarks/rotation.md); the round then starts again in the same order.

    Raises InfeasibleError when the rules leave no way to group everyone in a week.
    """
    if len(students) < 2:
        raise InfeasibleError(["a rotation needs at least two students"])
    if weeks < 1:
        raise InfeasibleError(["ask for at least one week"])
    names = tuple(_canonical(students))
    banned = frozenset(headline_apart(students, rules, long_term))
    round_ = _round(names, banned, _couples(long_term))
    return [_named(students, names, round_[week % len(round_)]) for week in range(weeks)]


def next_headline_week(
    students: Sequence[Student],
    earlier: Sequence[Week],
    rules: Sequence[Rule] = (),
    long_term: Plan | None = None,
) -> Week:
    """The week after `earlier` (weeks made before, one at a time).

    While the class is unchanged and `earlier` holds the schedule's first weeks (in any
    order), this is the schedule's next week, so weeks made one at a time are exactly
    `rotate_headline_partners`' weeks. Otherwise (a student joined or left, a week was
    made again) it is the first week of a new round planned without the pairs of the
    earlier weeks; when no such week exists, without the pairs of the most recent
    earlier weeks that still leave one (partners met longest ago are met again first).
    Keeps the same hard rules as the schedule; raises InfeasibleError like it.
    """
    schedule = rotate_headline_partners(students, len(earlier) + 1, rules, long_term)
    if Counter(map(_as_set, earlier)) == Counter(map(_as_set, schedule[:-1])):
        return schedule[-1]
    names = _canonical(students)
    index = {name: i for i, name in enumerate(names)}
    history = [
        [
            (index[a], index[b])
            for g in week
            for a, b in combinations(g, 2)
            if {a, b} <= index.keys()
        ]
        for week in earlier
    ]
    allowed = _allowed_graph(names, headline_apart(students, rules, long_term))

    def without_last(count: int) -> _Graph:
        graph = [set(partners) for partners in allowed]
        for a, b in (p for pairs in history[len(history) - count :] for p in pairs):
            graph[a].discard(b)
            graph[b].discard(a)
        return graph

    # The most recent weeks whose pairs can all be avoided: a binary search, since
    # avoiding fewer weeks' pairs only leaves more pairs to choose from.
    low, high = 0, len(history)
    while low < high:
        middle = (low + high + 1) // 2
        if _has_week(without_last(middle)):
            low = middle
        else:
            high = middle - 1
    weeks = _round_of(without_last(low))
    if not weeks:
        raise InfeasibleError(_why_no_week(names, allowed, bool(_couples(long_term))))
    return _named(students, names, weeks[0])


def _canonical(students: Sequence[Student]) -> list[str]:
    """The students in an order that does not depend on the roster's, so reordering or
    renaming students on the roster changes no week (the web keys students by id)."""
    return sorted(s.name for s in students)


def _named(
    students: Sequence[Student], names: Sequence[str], groups: Sequence[tuple[int, ...]]
) -> Week:
    """`groups` of indices into `names`, as names, in roster order."""
    seat = {s.name: i for i, s in enumerate(students)}
    named = [sorted((names[m] for m in g), key=seat.__getitem__) for g in groups]
    return tuple(tuple(g) for g in sorted(named, key=lambda g: seat[g[0]]))


def _as_set(week: Week) -> frozenset[frozenset[str]]:
    return frozenset(frozenset(g) for g in week)


def headline_apart(
    students: Sequence[Student], rules: Sequence[Rule], long_term: Plan | None
) -> set[frozenset[str]]:
    """The pairs that are never headline partners: what the class's hard rules keep
    apart by the teacher's and the students' own word (keep-apart rules and avoid
    lists), and long-term partners. Reading and past partners may meet on Mondays."""
    hard = hard_rules(students, rules, PlanSettings(allow_repeats=True), spread=False)
    banned = set(hard.apart_of_kinds("keep_apart", "avoid"))
    for group in long_term.partnerships if long_term else ():
        banned |= {frozenset(p) for p in combinations(group.members, 2)}
    return banned


def _allowed_graph(names: Sequence[str], banned: AbstractSet[frozenset[str]]) -> _Graph:
    graph: _Graph = [set() for _ in names]
    for (i, a), (j, b) in combinations(enumerate(names), 2):
        if frozenset((a, b)) not in banned:
            graph[i].add(j)
            graph[j].add(i)
    return graph


def _bound(graph: _Graph) -> int:
    degrees = [len(a) for a in graph]
    if len(degrees) % 2 == 0:
        return min(degrees)
    weeks = 0
    while weeks < min(degrees):
        nxt = weeks + 1
        if sum(min(d - nxt, nxt) for d in degrees) < 3 * nxt:
            break
        weeks = nxt
    return weeks


def _couples(long_term: Plan | None) -> tuple[tuple[str, ...], ...]:
    return (
        tuple(g.members for g in long_term.partnerships if len(g.members) > 1) if long_term else ()
    )


@lru_cache(maxsize=32)
def _round(
    names: tuple[str, ...],
    banned: frozenset[frozenset[str]],
    couples: tuple[tuple[str, ...], ...],
) -> tuple[tuple[tuple[int, ...], ...], ...]:
    """The weeks of one round: no pair meets twice within it. Cached: the web makes a
    class's weeks one at a time, each from the same round."""
    graph = _allowed_graph(list(names), banned)
    circle: list[_Groups] = []
    if len(names) % 2 == 0:
        circle = _clean_circle_rounds(list(names), banned, couples)
        if circle and len(circle) >= _bound(graph):
            return _frozen(circle)
    found = _round_of(graph)
    if not found and not circle:
        raise InfeasibleError(_why_no_week(list(names), graph, bool(couples)))
    return _frozen(found if len(found) > len(circle) else circle)


def _frozen(weeks: list[_Groups]) -> tuple[tuple[tuple[int, ...], ...], ...]:
    return tuple(tuple(week) for week in weeks)


def _has_week(graph: _Graph) -> bool:
    if _search(graph, 1):
        return True
    return len(graph) <= _EXACT_UP_TO and _exact_round(graph, 1) is not None


def _round_of(graph: _Graph) -> list[_Groups]:
    """The longest round the search finds on `graph` (pairs allowed and still new);
    empty when there is no week at all."""
    most = min(_bound(graph), MAX_PLANNED_WEEKS)
    found = _search(graph, most)
    if len(graph) <= _EXACT_UP_TO:
        # Small classes need just the right triads, which the search may miss; there
        # an exact model is quick, and it settles whether the bound can be reached.
        for count in range(most, len(found), -1):
            if exact := _exact_round(graph, count):
                return exact
    if found:
        return found
    weeks: list[_Groups] = []
    left = [set(a) for a in graph]
    while week := _exact_week(left):
        weeks.append(week)
        for group in week:
            for a, b in combinations(group, 2):
                left[a].discard(b)
                left[b].discard(a)
        if len(weeks) == MAX_PLANNED_WEEKS:
            break
    return weeks


def _why_no_week(names: list[str], graph: _Graph, has_long_term: bool) -> list[str]:
    rules = "keep-apart rules" + (" and long-term partnerships" if has_long_term else "")
    alone = [names[v] for v, partners in enumerate(graph) if not partners]
    if alone:
        return [f"{rules} leave {alone[0]} no group this week"]
    return [f"{rules} leave no way to group everyone this week"]


# --- the circle method (even classes) -------------------------------------------------


def _clean_circle_rounds(
    names: list[str],
    banned: AbstractSet[frozenset[str]],
    partnerships: Sequence[tuple[str, ...]],
) -> list[_Groups]:
    """The circle rounds, seated so long-term pairs form round 0, that hold no banned
    pair (round 0 then holds only banned pairs and drops out)."""
    index = {name: i for i, name in enumerate(names)}
    order = _circle_order(names, partnerships)
    rounds = []
    for pairs in _circle_rounds(order):
        if not any(frozenset(p) in banned for p in pairs):
            rounds.append([tuple(sorted(index[m] for m in p)) for p in pairs])
    return rounds


def _circle_order(names: list[str], partnerships: Sequence[tuple[str, ...]]) -> list[str]:
    """Seat students so each long-term pair sits opposite in round 0: seats (last, 0),
    (1, last-1), (2, last-2), ... An odd class gets an empty seat."""
    seats = names + ([_GHOST] if len(names) % 2 else [])
    known = set(names)
    couples = [tuple(m for m in g if m in known)[:2] for g in partnerships]
    couples = [c for c in couples if len(c) == 2]
    seated = {m for c in couples for m in c}
    rest = [n for n in seats if n not in seated]
    couples += [tuple(rest[i : i + 2]) for i in range(0, len(rest), 2)]
    m = len(seats)
    order = [""] * m
    slots = [(m - 1, 0)] + [(i, m - 1 - i) for i in range(1, m // 2)]
    for (left, right), couple in zip(slots, couples, strict=False):
        order[left], order[right] = couple[0], couple[1] if len(couple) > 1 else _GHOST
    return order


def _circle_rounds(order: list[str]) -> list[list[tuple[str, str]]]:
    m = len(order)
    fixed, ring = order[-1], order[:-1]
    rounds = []
    for r in range(m - 1):
        pairs = [(fixed, ring[r % (m - 1)])]
        for i in range(1, m // 2):
            pairs.append((ring[(r + i) % (m - 1)], ring[(r - i) % (m - 1)]))
        rounds.append(pairs)
    return rounds


# --- the search: triads, then a hill-climbing edge colouring ----------------------------


def _search(graph: _Graph, most: int) -> list[_Groups]:
    """Up to `most` weeks with no repeated pair, as many as a bounded search finds
    (empty when it finds none). `most` is tried first, then one fewer, then halfway
    between the most weeks found and the fewest that failed; each try may spend half
    the steps left."""
    if most < 1:
        return []
    pairs = sum(map(len, graph)) // 2
    steps_left = _SEARCH_STEPS
    found: list[_Groups] = []
    failed = most + 1
    weeks = most
    while True:
        level = max(min(steps_left // 2, 16 * _steps_per_try(pairs)), _LEVEL_STEPS)
        result, used = _colour_weeks(graph, weeks, level)
        steps_left -= used
        if result:
            found = result
        else:
            failed = weeks
        if len(found) + 1 >= failed:
            return found
        weeks = failed - 1 if failed == most else (len(found) + failed) // 2


def _steps_per_try(pairs: int) -> int:
    return 100 + 12 * pairs


def _colour_weeks(graph: _Graph, weeks: int, steps: int) -> tuple[list[_Groups], int]:
    """`weeks` weeks on `graph` from restarted hill-climbs, within `steps` in all."""
    per_try = _steps_per_try(sum(map(len, graph)) // 2)
    used = 0
    attempt = 0
    while used < steps:
        rng = random.Random(f"headline-partners:{weeks}:{attempt}")
        # Three tries in four let students with a little less room go first: small classes
        # need triads that overlap, which "most room first" never picks.
        noise = attempt % 4
        no_triads: list[tuple[int, ...]] = [()] * weeks
        triads = _choose_triads(graph, weeks, rng, noise) if len(graph) % 2 else no_triads
        if triads is None:
            used += per_try // 4
            attempt += 1
            continue
        colouring = _Colouring(graph, triads)
        done, taken = colouring.climb(rng, min(per_try, steps - used))
        used += taken
        attempt += 1
        if done:
            return colouring.weeks(), used
    return [], used


def _choose_triads(
    graph: _Graph, weeks: int, rng: random.Random, noise: float = 0
) -> list[tuple[int, ...]] | None:
    """One triad a week, no pair in two triads, nobody in more triads than their spare
    partners allow (`room`): the students with the most room go first, give or take
    `noise`."""
    room = [len(a) - weeks for a in graph]
    taken: set[tuple[int, int]] = set()
    triads: list[tuple[int, ...]] = []
    for _ in range(weeks):
        key = [rng.random() * (noise + 1e-3) - room[v] for v in range(len(graph))]
        order = sorted((v for v in range(len(graph)) if room[v] > 0), key=key.__getitem__)
        triad = _first_triad(order, graph, taken)
        if triad is None:
            return None
        triads.append(triad)
        for member in triad:
            room[member] -= 1
        taken.update(combinations(triad, 2))
    return triads


def _first_triad(
    order: list[int], graph: _Graph, taken: set[tuple[int, int]]
) -> tuple[int, ...] | None:
    rank = {v: i for i, v in enumerate(order)}
    for x in order:
        near = sorted(
            (a for a in graph[x] if a in rank and _key(x, a) not in taken), key=rank.__getitem__
        )
        for i, a in enumerate(near):
            for b in near[i + 1 :]:
                if b in graph[a] and _key(a, b) not in taken:
                    return tuple(sorted((x, a, b)))
    return None


def _key(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


class _Colouring:
    """Colours the allowed pairs outside the triads: colour w must pair everyone not in
    week w's triad. `partner[v][w]` is v's colour-w partner, `_MISSING` while v still
    needs one, `_HOLE` when v is in week w's triad."""

    def __init__(self, graph: _Graph, triads: list[tuple[int, ...]]) -> None:
        n, weeks = len(graph), len(triads)
        self.triads = triads
        in_triads = {_key(a, b) for t in triads for a, b in combinations(t, 2)}
        self.near = [[u for u in sorted(graph[v]) if _key(v, u) not in in_triads] for v in range(n)]
        self.free = [set(near) for near in self.near]
        self.colour: list[dict[int, int]] = [{} for _ in range(n)]
        self.partner = [[_MISSING] * weeks for _ in range(n)]
        for w, triad in enumerate(triads):
            for v in triad:
                self.partner[v][w] = _HOLE
        self.missing: list[tuple[int, int]] = []
        self.position: dict[tuple[int, int], int] = {}
        for v in range(n):
            for w in range(weeks):
                if self.partner[v][w] == _MISSING:
                    self._lack(v, w)
        # A detour through a coloured pair: rare, and rarer in bigger classes.
        self.detour = 0.15 / max(n, 1)

    def climb(self, rng: random.Random, steps: int) -> tuple[bool, int]:
        partner = self.partner
        for step in range(steps):
            if not self.missing:
                return True, step
            v, w = self.missing[rng.randrange(len(self.missing))]
            pool = self.near[v] if rng.random() < self.detour else self.free[v]
            options = [u for u in pool if partner[u][w] != _HOLE]
            if not options:
                options = [u for u in self.near[v] if partner[u][w] != _HOLE]
                if not options:
                    continue
            u = options[rng.randrange(len(options))]
            if u not in self.free[v]:
                self._uncolour(v, u, self.colour[v][u])
            old = partner[u][w]
            if old >= 0:
                self._uncolour(u, old, w)
            self._colour(v, u, w)
        return not self.missing, steps

    def weeks(self) -> list[_Groups]:
        result = []
        for w, triad in enumerate(self.triads):
            groups = [triad] if triad else []
            groups += [(v, u) for v, row in enumerate(self.partner) if (u := row[w]) > v]
            result.append(groups)
        return result

    def _colour(self, a: int, b: int, w: int) -> None:
        self.partner[a][w], self.partner[b][w] = b, a
        self.colour[a][b] = self.colour[b][a] = w
        self.free[a].discard(b)
        self.free[b].discard(a)
        self._have(a, w)
        self._have(b, w)

    def _uncolour(self, a: int, b: int, w: int) -> None:
        self.partner[a][w] = self.partner[b][w] = _MISSING
        del self.colour[a][b], self.colour[b][a]
        self.free[a].add(b)
        self.free[b].add(a)
        self._lack(a, w)
        self._lack(b, w)

    def _lack(self, v: int, w: int) -> None:
        self.position[(v, w)] = len(self.missing)
        self.missing.append((v, w))

    def _have(self, v: int, w: int) -> None:
        i = self.position.pop((v, w))
        last = self.missing.pop()
        if i < len(self.missing):
            self.missing[i] = last
            self.position[last] = i


# --- exact models: small classes, and classes the search cannot serve ------------------


def _exact_round(graph: _Graph, weeks: int) -> list[_Groups] | None:
    """`weeks` weeks (pairs, plus one triad for an odd class) in which no pair meets
    twice, or None when CP-SAT shows there are none (or cannot tell in time)."""
    n = len(graph)
    groups: list[tuple[int, ...]] = [(a, b) for a in range(n) for b in sorted(graph[a]) if a < b]
    pairs = len(groups)
    if n % 2:
        groups += [
            (a, b, c) for a, b in groups[:pairs] for c in sorted(graph[a] & graph[b]) if c > b
        ]
    model = cp_model.CpModel()
    chosen = [[model.new_bool_var(f"w{w}g{i}") for i in range(len(groups))] for w in range(weeks)]
    meetings: dict[tuple[int, ...], list[int]] = {}
    for i, group in enumerate(groups):
        for pair in combinations(group, 2):
            meetings.setdefault(pair, []).append(i)
    for week in chosen:
        for v in range(n):
            model.add_exactly_one(x for x, g in zip(week, groups, strict=True) if v in g)
        if n % 2:
            model.add_exactly_one(week[pairs:])
    for held in meetings.values():
        model.add_at_most_one(week[i] for week in chosen for i in held)
    # Weeks are interchangeable: order them by the group of the first student, which
    # differs every week.
    firsts = [i for i, g in enumerate(groups) if 0 in g]
    for week, later in zip(chosen, chosen[1:], strict=False):
        model.add(sum(i * week[i] for i in firsts) < sum(i * later[i] for i in firsts))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    solver.parameters.max_deterministic_time = 5.0
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return [[g for x, g in zip(week, groups, strict=True) if solver.value(x)] for week in chosen]


def _exact_week(graph: _Graph) -> _Groups | None:
    """A week with as few triads as possible on `graph`, or None when there is none."""
    n = len(graph)
    groups: list[tuple[int, ...]] = [(a, b) for a in range(n) for b in graph[a] if a < b]
    groups += [(a, b, c) for a, b in list(groups) for c in graph[a] & graph[b] if c > b]
    model = cp_model.CpModel()
    chosen = [model.new_bool_var(f"g{i}") for i in range(len(groups))]
    for v in range(n):
        model.add_exactly_one(x for x, g in zip(chosen, groups, strict=True) if v in g)
    model.minimize(sum(x for x, g in zip(chosen, groups, strict=True) if len(g) == 3))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return [g for x, g in zip(chosen, groups, strict=True) if solver.value(x)]
