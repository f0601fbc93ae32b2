"""Solver-free checks of a plan against the roster and rules (used by tests and bench).

Written independently of rules.py so that a bug there cannot hide itself here.
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
) -> list[str]:
    """Every broken hard rule, in words. An empty list means the plan is valid."""
    groups = [tuple(g) for g in groups]
    by_name = {s.name: s for s in students}
    problems = []
    seen = Counter(m for g in groups for m in g) + Counter(floaters)
    for s in students:
        if seen[s.name] != 1:
            problems.append(f"{s.name} is placed {seen[s.name]} times")
    group_of = {m: g for g in groups for m in g}
    for g in groups:
        problems += _group_problems(g, by_name, allow_repeats)
    for rule in rules:
        together = {group_of.get(m) for m in rule.students}
        if rule.kind == "keep_apart":
            for a, b in combinations(rule.students, 2):
                if group_of.get(a) is not None and group_of.get(a) == group_of.get(b):
                    problems.append(f"keep-apart {a}–{b} broken")
        elif rule.kind == "keep_together" and len(together) != 1:
            problems.append(f"keep-together {'–'.join(rule.students)} broken")
        elif rule.kind == "lock" and (
            len(together) != 1 or set(next(iter(together)) or ()) != set(rule.students)
        ):
            problems.append(f"lock {'–'.join(rule.students)} changed")
    return problems


def _group_problems(g: tuple[str, ...], by_name: dict[str, Student], allow_repeats: bool):
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
