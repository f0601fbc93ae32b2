"""Exhaustive best plan for tiny classes: the yardstick for the search's optimality."""

from __future__ import annotations

from itertools import combinations

from partnerup.engine import PlanSettings, Rule, Student
from partnerup.engine.rules import build_hard_rules
from partnerup.engine.scoring import TRIAD_HELP_POINTS, score_pair, triad_help


def best_total(students: list[Student], rules: list[Rule], settings: PlanSettings) -> float | None:
    hard = build_hard_rules(students, rules, settings)
    by_name = {s.name: s for s in students}
    odd = len(students) % 2 == 1

    def value(group: tuple[str, ...]) -> float | None:
        if len(group) == 2:
            return (
                score_pair(by_name[group[0]], by_name[group[1]], settings).points
                if (hard.pair_allowed(*group))
                else None
            )
        if not hard.triad_allowed(group):
            return None
        pair_sum = sum(
            score_pair(by_name[a], by_name[b], settings).points for a, b in combinations(group, 2)
        )
        return pair_sum / 2 + TRIAD_HELP_POINTS * len(triad_help([by_name[m] for m in group]))

    best: float | None = None

    def search(rest: list[str], total: float, triads: int, plain: int) -> None:
        nonlocal best
        if not rest:
            if best is None or total > best:
                best = total
            return
        first, others = rest[0], rest[1:]
        for size in (2, 3):
            if size == 3 and (settings.triads == "never" or triads == settings.max_triads):
                continue
            for partners in combinations(others, size - 1):
                group = (first, *partners)
                v = value(group)
                if v is None:
                    continue
                is_plain = size == 3 and not triad_help([by_name[m] for m in group])
                if is_plain and (not odd or plain):
                    continue
                left = [m for m in others if m not in partners]
                search(left, total + v, triads + (size == 3), plain + is_plain)

    search([s.name for s in students], 0.0, 0, 0)
    return best
