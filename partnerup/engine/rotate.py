"""Monday headline partners: a new partner every week, never the long-term partner.

The schedule starts from the circle method, a 1-factorisation of the class: n - 1
weekly pairings in which every two students meet exactly once. Students are placed
on the circle so that the long-term partnerships form one of those weeks, which is
then left out — so n - 2 weeks pass with no repeat and nobody with their partner.
Weeks that would hold a kept-apart pair, or (for an odd class) the extra student's
triad, are mended by swapping partners between two pairs, choosing swaps that create
no repeat where one exists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import combinations

import networkx as nx

from .errors import InfeasibleError
from .model import Plan, Rule, Student

Week = tuple[tuple[str, ...], ...]
_GHOST = ""


def rotate_headline_partners(
    students: Sequence[Student],
    weeks: int,
    rules: Sequence[Rule] = (),
    long_term: Plan | None = None,
) -> list[Week]:
    """`weeks` weekly groupings (pairs, plus one triad for an odd class).

    Guarantees: everyone is in exactly one group each week; no kept-apart pair (rules
    or avoid lists) and no long-term partnership from `long_term` is ever grouped;
    no pair repeats while the circle schedule still has new pairs to give (n - 1
    weeks for an even class, n - 2 when long-term partners are left out).
    """
    names = [s.name for s in students]
    if len(names) < 2:
        raise InfeasibleError(["a rotation needs at least two students"])
    if weeks < 1:
        raise InfeasibleError(["ask for at least one week"])
    banned = _banned_pairs(students, rules)
    partners = [g for g in long_term.partnerships if len(g.members) > 1] if long_term else []
    banned |= {frozenset(p) for g in partners for p in combinations(g.members, 2)}
    circle = _circle_order(names, [g.members for g in partners])
    rounds = _circle_rounds(circle)
    if partners:
        rounds = rounds[1:]
    needed = {frozenset(p) for r in rounds[:weeks] for p in r}
    # The circle is exact when no banned pair falls in the weeks asked for; otherwise
    # (and for odd classes) weekly matchings that prefer unused pairs do better.
    use_matchings = len(names) % 2 == 1 or bool(needed & banned)
    used: Counter[frozenset[str]] = Counter()
    schedule = []
    for week in range(weeks):
        if use_matchings:
            pairs = _fresh_pairs(names, banned, used)
            later: set[frozenset[str]] = set()
        else:
            pairs = [list(p) for p in rounds[week % len(rounds)]]
            later = {frozenset(p) for r in rounds[week % len(rounds) + 1 :] for p in r}
        groups = _mend(pairs, banned, used, later)
        for g in groups:
            used.update(frozenset(p) for p in combinations(g, 2))
        schedule.append(tuple(tuple(g) for g in groups))
    return schedule


def _banned_pairs(students: Sequence[Student], rules: Sequence[Rule]) -> set[frozenset[str]]:
    banned = {frozenset((s.name, o)) for s in students for o in s.avoid}
    for rule in rules:
        if rule.kind == "keep_apart":
            banned |= {frozenset(p) for p in combinations(rule.students, 2)}
    return banned


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


def _fresh_pairs(names: list[str], banned: set, used: Counter) -> list[list[str]]:
    """This week's pairs from a maximum matching that prefers pairs never used (an odd
    class gets an empty seat, whose partner then joins a pair as a triad)."""
    graph = nx.Graph()
    graph.add_nodes_from(names)
    for a, b in combinations(names, 2):
        pair = frozenset((a, b))
        if pair not in banned:
            graph.add_edge(a, b, weight=1000 - 100 * min(used[pair], 9))
    for a in names if len(names) % 2 else ():
        # The empty seat goes to someone who has been in few groups with repeats.
        graph.add_edge(a, _GHOST, weight=1000 - sum(used[frozenset((a, o))] for o in names))
    matching = nx.max_weight_matching(graph, maxcardinality=True)
    matched = {m for e in matching for m in e}
    # Kept-apart rules can leave someone without a pair: they will join a triad.
    alone = [[name, _GHOST] for name in names if name not in matched]
    return (
        sorted(sorted(e) for e in matching if _GHOST not in e)
        + alone
        + [sorted(e) for e in matching if _GHOST in e]
    )


def _mend(pairs: list[list[str]], banned: set, used: Counter, later: set) -> list[list[str]]:
    """Swap partners to remove banned or repeated pairs; seat the odd student in a triad.

    Costs: a banned pair is never kept; a repeat costs more than taking a pair the
    schedule holds for a later week (which only moves a possible repeat later)."""

    def cost(a: str, b: str) -> int:
        if _GHOST in (a, b):
            return 0
        pair = frozenset((a, b))
        if pair in banned:
            return 100_000
        return 100 * used[pair] + (pair in later)

    improved = True
    while improved:
        improved = False
        for i in range(len(pairs)):
            a, b = pairs[i]
            if cost(a, b) < 100:
                continue
            best = None
            for j in range(len(pairs)):
                c, d = pairs[j]
                for x, y in ((c, d), (d, c)):
                    total = cost(a, x) + cost(b, y)
                    improves = j != i and total < cost(a, b) + cost(c, d)
                    if improves and (best is None or total < best[0]):
                        best = (total, j, x, y)
            if best is not None:
                _, j, x, y = best
                pairs[i], pairs[j] = [a, x], [b, y]
                improved = True
    groups = [p for p in pairs if _GHOST not in p]
    alone = [m for p in pairs if _GHOST in p for m in p if m != _GHOST]
    for name in alone:
        options = [
            (sum(cost(name, m) for m in g), k)
            for k, g in enumerate(groups)
            if len(g) == 2 and not any(frozenset((name, m)) in banned for m in g)
        ]
        if not options:
            raise InfeasibleError([f"keep-apart rules leave {name} no group this week"])
        groups[min(options)[1]] = [*groups[min(options)[1]], name]
    if any(frozenset(p) in banned for g in groups for p in combinations(g, 2)):
        raise InfeasibleError(["keep-apart rules leave no way to pair everyone this week"])
    return groups


def next_headline_week(
    students: Sequence[Student],
    earlier: Sequence[Week],
    rules: Sequence[Rule] = (),
    long_term: Plan | None = None,
) -> Week:
    """The week after `earlier` (weeks made before, one at a time).

    While the class is unchanged this is the next week of the same schedule, so the
    no-repeat guarantee of `rotate_headline_partners` holds across weeks made one at
    a time. When the class changed (or the schedule would repeat a pair), a weekly
    matching that prefers pairs never used so far is made instead.
    """
    schedule = rotate_headline_partners(students, len(earlier) + 1, rules, long_term)
    used: Counter[frozenset[str]] = Counter(
        frozenset(p) for week in earlier for g in week for p in combinations(g, 2)
    )
    candidate = schedule[-1]
    if not any(used[frozenset(p)] for g in candidate for p in combinations(g, 2)):
        return candidate
    names = [s.name for s in students]
    banned = _banned_pairs(students, rules)
    if long_term:
        banned |= {frozenset(p) for g in long_term.partnerships for p in combinations(g.members, 2)}
    groups = _mend(_fresh_pairs(names, banned, used), banned, used, set())
    return tuple(tuple(g) for g in groups)
