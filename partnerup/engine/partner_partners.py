"""Partner partners: two partnerships joined into a four for sharing and response."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product

import networkx as nx

from .model import Partnership, PlanSettings, Student
from .rules import HardRules
from .scoring import score_pair


def join_partner_partners(
    partnerships: Sequence[Partnership],
    hard: HardRules,
    by_name: dict[str, Student],
    settings: PlanSettings,
) -> tuple[tuple[str, ...], ...]:
    """Pair up partnerships by how well their members fit across; never joins two
    partnerships that hold a kept-apart pair. With an odd count one stays on its own."""
    graph: nx.Graph[int] = nx.Graph()
    graph.add_nodes_from(range(len(partnerships)))
    for i, first in enumerate(partnerships):
        for j in range(i + 1, len(partnerships)):
            second = partnerships[j]
            pairs = list(product(first.members, second.members))
            if any(frozenset(p) in hard.why_apart for p in pairs):
                continue
            fit = sum(score_pair(by_name[a], by_name[b], settings).points for a, b in pairs)
            graph.add_edge(i, j, weight=fit + 1000)
    matching = nx.max_weight_matching(graph, maxcardinality=True)
    fours = [
        partnerships[i].members + partnerships[j].members
        for i, j in sorted(tuple(sorted(e)) for e in matching)
    ]
    return tuple(fours)
