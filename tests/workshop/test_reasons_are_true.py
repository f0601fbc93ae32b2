"""Every reason on Today is true and every group keeps every hard rule, over many days.

Seeded random days over the demo class (Room 12 and its rules) and synthetic classes
(with a keep-together pair added): 0-8 absent, sometimes a writer with the teacher,
temporary partners on and off with a random half choosing. Each day runs the same
functions Today runs (temporary_arrangement, today_arrangement) and the reason-facts
checker reads every sentence.
"""

from __future__ import annotations

import random

import pytest

from partnerup.demo import example_roster
from partnerup.engine import (
    InfeasibleError,
    Partnership,
    Plan,
    PlanSettings,
    Rule,
    carrying_rules,
    collect_hard_rules,
    hard_rules,
)
from partnerup.engine.solve import plan_partnerships
from partnerup.engine.synthetic import synthetic_class
from partnerup.workshop.services import temporary_arrangement, today_arrangement
from tests.workshop.reason_facts import (
    ClassDay,
    groups_of,
    reason_problems,
    rule_problems,
)

DAYS = 120
TODAY_ONLY = "Temporary partners for today"


def with_a_keep_together_pair(students, rules, rng):
    """The class's rules plus a keep-together pair the other rules allow."""
    hard, _ = collect_hard_rules(students, rules, PlanSettings())
    names = [s.name for s in students]
    for _ in range(50):
        a, b = rng.sample(names, 2)
        if hard.pair_allowed(a, b) and a not in hard.together and b not in hard.together:
            return (*rules, Rule("keep_together", (a, b)))
    return rules


def alone(students, rules) -> list[str]:
    """Students in no keep-together group (ticking one changes only them)."""
    together = {m for r in rules if r.kind == "keep_together" for m in r.students}
    return [s.name for s in students if s.name not in together]


def temporary_reasons(today: Plan, start: Plan, reason: str) -> list:
    """Today's groups with the temporary reason first on a card as temporary partners
    made it (what services.cards shows)."""
    started = {frozenset(p.members) for p in start.partnerships}
    return [
        (p.members, ((reason,) if frozenset(p.members) in started else ()) + p.reasons)
        for p in today.partnerships
    ]


def one_day(students, rules, rng) -> tuple[list[str], bool]:
    """Problems found on one random day, and whether the day could be checked."""
    floaters = rng.choice([0, 0, 1, 2])
    # Threes off only where the count allows it (else the planner rightly refuses).
    never = (len(students) - floaters) % 2 == 0 and rng.random() < 0.3
    settings = PlanSettings(floaters=floaters, triads="never" if never else "auto")
    try:
        plan = plan_partnerships(students, rules, settings)
    except InfeasibleError:
        return [], False
    names = [s.name for s in students]
    start, choosers, reason = plan, frozenset(), None
    if rng.random() < 0.5:
        ticked = set(rng.sample(names, rng.randint(1, len(names) // 2)))
        if never:  # the teacher ticks a keep-together group whole, an even number left
            ticked -= {m for r in rules if r.kind == "keep_together" for m in r.students}
            if (len(names) - len(ticked)) % 2:
                ticked ^= {rng.choice(alone(students, rules))}
        try:
            start, _ = temporary_arrangement(students, rules, settings, ticked)
        except InfeasibleError:  # a random half can leave the rest no partners
            return [], False
        choosers, reason = frozenset(start.floaters), TODAY_ONLY
    hard = hard_rules(students, rules, settings)
    start = carrying_rules(start, hard)
    absent = frozenset(rng.sample(names, rng.randint(0, min(8, len(names) - 2))))
    here = [n for n in names if n not in absent]
    with_teacher = frozenset(rng.sample(here, 1) if rng.random() < 0.25 else [])
    today = today_arrangement(start, absent, sorted(with_teacher), (), choosers, hard)
    day = ClassDay(students, rules, start, absent, with_teacher, choosers, temporary_reason=reason)
    groups = temporary_reasons(today, start, reason) if reason else groups_of(today)
    return reason_problems(day, groups) + rule_problems(day, today), True


def many_days(make_class) -> tuple[list[str], int]:
    problems, checked = [], 0
    for seed in range(DAYS):
        rng = random.Random(f"reasons:{seed}")
        students, rules = make_class(seed, rng)
        found, was_checked = one_day(students, rules, rng)
        problems += [f"day {seed}: {p}" for p in found]
        checked += was_checked
    return problems, checked


def room12(seed, rng):
    return example_roster()


def synthetic(seed, rng):
    students, rules = synthetic_class(rng.randint(6, 30), seed)
    return students, with_a_keep_together_pair(students, rules, rng)


@pytest.mark.parametrize("make_class", [room12, synthetic], ids=["room12", "synthetic"])
def test_every_reason_is_true_and_every_group_keeps_the_rules(make_class):
    problems, checked = many_days(make_class)
    assert problems == []
    assert checked >= 0.95 * DAYS


def test_the_checker_catches_a_false_absence():
    students, rules = example_roster()
    plan = plan_partnerships(students, rules, PlanSettings())
    first = plan.partnerships[0]
    lie = Partnership(members=first.members, reasons=(f"{first.members[0]}'s partner is absent",))
    day = ClassDay(students, rules, plan)
    assert reason_problems(day, [(lie.members, lie.reasons)])


def test_the_checker_refuses_a_sentence_it_does_not_know():
    students, rules = example_roster()
    plan = plan_partnerships(students, rules, PlanSettings())
    day = ClassDay(students, rules, plan)
    members = plan.partnerships[0].members
    assert reason_problems(day, [(members, ("they get along today",))]) == [
        f"{list(members)}: 'they get along today' — no known sentence shape"
    ]
