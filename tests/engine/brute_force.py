"""Exhaustive yardsticks for tiny classes: the best plan, whether any plan exists, and
the random small classes the feasibility comparison draws.

`has_valid_arrangement` decides feasibility from validation.py's checker alone (never
rules.py or the search), so the two are independent.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from partnerup.engine import InfeasibleError, PlanSettings, Rule, Student, plan_partnerships
from partnerup.engine.scoring import TRIAD_HELP_POINTS, score_pair, triad_help
from partnerup.engine.validation import group_violations, hard_rule_violations


def best_total(students: list[Student], rules: list[Rule], settings: PlanSettings) -> float | None:
    """The best total of a plan (no floaters), or None when none exists.

    Plans are ranked as the engine ranks them: first whether every partnership holds
    at most one often-absent writer (outside locks and keep-together rules), then by
    how many threes that help
    nobody they use beyond the search's allowance (one, and only when the students
    outside locks and keep-together threes are odd in number), fewest first, then by
    total. Locked and kept-together threes are placed as they are and not counted.
    """
    assert settings.floaters == 0
    by_name = {s.name: s for s in students}
    together: list[frozenset[str]] = []
    for rule in rules:
        if rule.kind == "keep_together":
            joined = frozenset(rule.students).union(
                *(g for g in together if g & set(rule.students))
            )
            together = [g for g in together if not g & joined] + [joined]
    fixed = {frozenset(r.students) for r in rules if r.kind == "lock"}
    fixed |= {g for g in together if len(g) == 3}

    def value(group: tuple[str, ...]) -> float:
        points = [
            score_pair(by_name[a], by_name[b], settings).points for a, b in combinations(group, 2)
        ]
        if len(group) == 2:
            return points[0]
        return sum(points) / 2 + TRIAD_HELP_POINTS * len(triad_help([by_name[m] for m in group]))

    # At most one often-absent writer per partnership while any plan allows it; the
    # students of locks and keep-together rules are the teacher's to place.
    held = {m for r in rules if r.kind in ("lock", "keep_together") for m in r.students}
    often = {s.name for s in students if s.often_absent and s.name not in held}

    best: tuple[bool, int, float] | None = None
    for groups, _ in valid_arrangements(students, rules, settings):
        spread = all(len(often.intersection(g)) <= 1 for g in groups)
        placed_fixed = [g for g in groups if frozenset(g) in fixed]
        allowance = (len(students) - sum(len(g) for g in placed_fixed)) % 2
        plain = sum(
            len(g) == 3 and frozenset(g) not in fixed and not triad_help([by_name[m] for m in g])
            for g in groups
        )
        ranked = (spread, -max(0, plain - allowance), sum(value(g) for g in groups))
        if best is None or ranked > best:
            best = ranked
    return None if best is None else best[2]


def triad_cap(settings: PlanSettings) -> int:
    return 0 if settings.triads == "never" else settings.max_triads


def valid_arrangements(
    students: Sequence[Student], rules: Sequence[Rule], settings: PlanSettings
) -> Iterator[tuple[list[tuple[str, ...]], tuple[str, ...]]]:
    """Every (groups, floaters) that validation.py accepts: exactly `settings.floaters`
    floaters, at least one partnership, at most the triad cap in threes."""
    names = [s.name for s in students]
    by_name = {s.name: s for s in students}
    cap = triad_cap(settings)
    wanted = settings.floaters
    if wanted >= len(names):
        return

    def partitions(rest: list[str], triads: int) -> Iterator[list[tuple[str, ...]]]:
        if not rest:
            yield []
            return
        first, others = rest[0], rest[1:]
        for size in (2, 3):
            if size == 3 and triads == cap:
                continue
            for partners in combinations(others, size - 1):
                group = (first, *partners)
                if group_violations(group, by_name, rules, settings.allow_repeats):
                    continue
                left = [m for m in others if m not in partners]
                for tail in partitions(left, triads + (size == 3)):
                    yield [group, *tail]

    for floaters in combinations(names, wanted):
        rest = [n for n in names if n not in floaters]
        for groups in partitions(rest, 0):
            if not hard_rule_violations(
                groups, students, rules, floaters, settings.allow_repeats, cap
            ):
                yield groups, floaters


def has_valid_arrangement(
    students: Sequence[Student], rules: Sequence[Rule], settings: PlanSettings
) -> bool:
    return next(valid_arrangements(students, rules, settings), None) is not None


@dataclass(frozen=True)
class SmallClass:
    students: tuple[Student, ...]
    rules: tuple[Rule, ...]
    settings: PlanSettings


def key(i: int) -> str:
    """Student keys as the web makes them: opaque, never a readable name."""
    return f"\ue000{i}\ue001"


def random_small_class(seed: int, max_size: int = 9) -> SmallClass:
    """A random class of 2..max_size students with random rules and settings, dense
    enough in rules that about a third have no valid plan."""
    rng = random.Random(seed)
    n = rng.choice([2, *range(3, max_size + 1), *range(4, max_size + 1)])
    names = [key(i) for i in range(n)]

    def some(k: int, exclude: str = "") -> tuple[str, ...]:
        pool = [m for m in names if m != exclude]
        return tuple(rng.sample(pool, min(k, len(pool))))

    students = []
    for name in names:
        students.append(
            Student(
                name=name,
                level=rng.choice([None, 1, 2, 3, 4]),
                english_level=rng.choice([None] * 5 + [1.5, 2.5, 3.5, 5.0]),
                choices=some(rng.randint(0, 2), name),
                avoid=some(1, name) if rng.random() < 0.15 else (),
                reading_partner=some(1, name)[0] if rng.random() < 0.1 else "",
                past_partners=some(rng.randint(1, 2), name) if rng.random() < 0.15 else (),
                talk=rng.choice(["quiet", "balanced", "dominant"]),
                often_absent=rng.random() < 0.15,
                social_support=rng.random() < 0.1,
                floater=rng.random() < 0.15,
                new_student=rng.random() < 0.1,
            )
        )
    rules = []
    locked: set[str] = set()
    for _ in range(rng.choice([0, 0, 0, 1, 1, 2, 3])):
        kind = rng.choice(["keep_apart", "keep_together", "lock"])
        members = some(rng.choice([2, 2, 2, 3]))
        if kind == "lock" and locked & set(members) and rng.random() < 0.8:
            continue  # the rules reader refuses overlapping locks; let a few through
        if kind == "lock":
            locked |= set(members)
        rules.append(Rule(kind, members))  # type: ignore[arg-type]
    settings = PlanSettings(
        floaters=rng.choice([0, 0, 0, 1, 1, 2]),
        triads=rng.choice(["auto", "auto", "auto", "never"]),
        max_triads=rng.choice([0, 1, 1, 2, 3, 3]),
        allow_repeats=rng.random() < 0.2,
        seed=rng.randint(0, 99),
    )
    return SmallClass(tuple(students), tuple(rules), settings)


@dataclass(frozen=True)
class Comparison:
    """The engine against exhaustive search on one random small class."""

    seed: int
    size: int
    has_plan: bool  # exhaustive search found a valid arrangement
    engine_planned: bool
    problems: tuple[str, ...]  # empty when the engine was right and its reason real


def compare_with_exhaustive_search(seed: int, max_size: int = 9) -> Comparison:
    """Plan random_small_class(seed) and check the engine against exhaustive search: a
    plan exactly when one exists, every plan valid (validation.py, triad limit and
    floater count included), and when it names rules that clash, those rules alone
    (with the language rule and the floater count) leave no plan."""
    cls = random_small_class(seed, max_size)
    has_plan = has_valid_arrangement(cls.students, cls.rules, cls.settings)
    problems: list[str] = []
    try:
        plan = plan_partnerships(cls.students, cls.rules, cls.settings)
    except InfeasibleError as error:
        if has_plan:
            problems.append(f"called infeasible but a plan exists: {error}")
        problems += _unreal_reasons(cls, error.conflicts)
        return Comparison(seed, len(cls.students), has_plan, False, tuple(problems))
    if not has_plan:
        problems.append("planned a class that has no valid arrangement")
    groups = [p.members for p in plan.partnerships]
    problems += hard_rule_violations(
        groups,
        cls.students,
        cls.rules,
        plan.floaters,
        cls.settings.allow_repeats,
        triad_cap(cls.settings),
    )
    if len(plan.floaters) != cls.settings.floaters:
        problems.append(f"{len(plan.floaters)} floaters, not {cls.settings.floaters}")
    return Comparison(seed, len(cls.students), has_plan, True, tuple(problems))


CLASH = "no plan keeps all of these at once"


def _unreal_reasons(cls: SmallClass, conflicts: Sequence[str]) -> list[str]:
    if not conflicts or not all(isinstance(c, str) and c for c in conflicts):
        return [f"no reason given: {conflicts!r}"]
    problems = []
    for conflict in conflicts:
        if "loosen" in conflict:
            problems.append(f"a small class got the generic message: {conflict}")
        if conflict.startswith(CLASH) and "more" not in conflict.rsplit("; ", 1)[-1]:
            labels = set(conflict.split(": ", 1)[1].split("; "))
            named = keep_only_named(cls, labels)
            if has_valid_arrangement(named.students, named.rules, named.settings):
                problems.append(f"the rules named are not a reason: {conflict}")
    return problems


def keep_only_named(cls: SmallClass, labels: set[str]) -> SmallClass:
    """The class with only the rules these labels name (every emergent bilingual still
    needs an English speaker; the floater count stays)."""

    def named(*options: str) -> bool:
        return any(option in labels for option in options)

    students = tuple(
        replace(
            s,
            avoid=tuple(o for o in s.avoid if named(f"{s.name} avoids {o}")),
            reading_partner=s.reading_partner
            if named(
                f"{s.name} and {s.reading_partner} are reading partners",
                f"{s.reading_partner} and {s.name} are reading partners",
            )
            else "",
            past_partners=tuple(
                o
                for o in s.past_partners
                if named(
                    f"{s.name} and {o} were partners before (repeats are off)",
                    f"{o} and {s.name} were partners before (repeats are off)",
                )
            ),
        )
        for s in cls.students
    )
    rules = tuple(
        r
        for r in cls.rules
        if named(
            f"keep-apart rule {'–'.join(r.students)}",
            f"{r.kind.replace('_', '-')} {'–'.join(r.students)}",
        )
    )
    settings = cls.settings
    if not any(label == "triads are off" or label.startswith("at most") for label in labels):
        settings = replace(settings, triads="auto", max_triads=len(students))
    return SmallClass(students, rules, settings)
