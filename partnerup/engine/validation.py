"""Solver-free checks of a plan against the roster and rules (used by tests and bench).

Written independently of rules.py so that a bug there cannot hide itself here. A valid
plan places every student exactly once, in a group of two or three or as a floater;
no group breaks a hard rule; locked and kept-together students are placed (never
floaters) with exactly their lock or all of their keep-together rule; and the number
of threes stays within the cap when one is given.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations

from .model import Rule, Student


def hard_rule_violations(
    groups: Iterable[Sequence[str]],
    students: Sequence[Student],
    rules: Sequence[Rule] = (),
    floaters: Sequence[str] = (),
    allow_repeats: bool = False,
    max_triads: int | None = None,
) -> list[str]:
    """Every broken hard rule, in words. An empty list means the plan is valid.

    `max_triads` is the most threes allowed (0 when triads are off); None checks no cap.
    """
    groups = [tuple(g) for g in groups]
    by_name = {s.name: s for s in students}
    problems = []
    seen = Counter(m for g in groups for m in g) + Counter(floaters)
    for s in students:
        if seen[s.name] != 1:
            problems.append(f"{s.name} is placed {seen[s.name]} times")
    for g in groups:
        problems += group_violations(g, by_name, rules, allow_repeats)
    for rule in rules:
        if rule.kind in ("keep_together", "lock"):
            problems += [
                f"{m} floats but is in {rule.kind.replace('_', '-')} {'–'.join(rule.students)}"
                for m in rule.students
                if m in floaters
            ]
    triads = sum(len(g) == 3 for g in groups)
    if max_triads is not None and triads > max_triads:
        problems.append(f"{triads} threes but at most {max_triads} allowed")
    return problems


def group_violations(
    g: Sequence[str],
    by_name: dict[str, Student],
    rules: Sequence[Rule] = (),
    allow_repeats: bool = False,
) -> list[str]:
    """The hard rules one group breaks on its own (whatever the rest of the plan is)."""
    problems: list[str] = _group_problems(tuple(g), by_name, allow_repeats)
    members = set(g)
    for rule in rules:
        inside = members & set(rule.students)
        if rule.kind == "keep_apart" and len(inside) >= 2:
            problems.append(f"keep-apart {'–'.join(sorted(inside))} broken")
        elif rule.kind == "keep_together" and inside and inside != set(rule.students):
            problems.append(f"keep-together {'–'.join(rule.students)} broken")
        elif rule.kind == "lock" and inside and members != set(rule.students):
            problems.append(f"lock {'–'.join(rule.students)} changed")
    return problems


def _group_problems(
    g: tuple[str, ...], by_name: dict[str, Student], allow_repeats: bool
) -> list[str]:
    problems = []
    if not 2 <= len(g) <= 3:
        problems.append(f"group {g} has {len(g)} members")
    for a, b in combinations(g, 2):
        sa, sb = by_name[a], by_name[b]
        if b in sa.avoid or a in sb.avoid:
            problems.append(f"{a} and {b} avoid each other")
        if sa.reading_partner == b or sb.reading_partner == a:
            problems.append(f"{a} and {b} are reading partners")
        if not allow_repeats and (b in sa.past_partners or a in sb.past_partners):
            problems.append(f"{a} and {b} were partners before")
    members = [by_name[m] for m in g]
    if any(s.needs_language_support for s in members) and not any(
        s.is_proficient_speaker for s in members
    ):
        problems.append(f"group {g} has no proficient English speaker")
    return problems
