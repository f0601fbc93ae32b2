"""Infeasible only when no plan exists, and then a real reason.

The engine is compared with exhaustive search (tests/engine/brute_force.py, which
judges plans by validation.py alone) on 2,000 random classes of up to 9 students with
random rules and settings; benchmarks/feasibility.py runs 20,000. The named cases
below are the shapes the fuzz first found.
"""

import pytest

from partnerup.engine import InfeasibleError, PlanSettings, Rule, plan_partnerships
from partnerup.engine.validation import hard_rule_violations

from .brute_force import (
    SmallClass,
    compare_with_exhaustive_search,
    has_valid_arrangement,
    keep_only_named,
    random_small_class,
)
from .factories import roster, student

SEEDS = range(2_000)


def test_engine_agrees_with_exhaustive_search_on_random_small_classes():
    comparisons = [compare_with_exhaustive_search(seed) for seed in SEEDS]
    wrong = [(c.seed, c.problems) for c in comparisons if c.problems]
    assert wrong == []
    infeasible = sum(not c.has_plan for c in comparisons)
    # Both answers must be common, or the comparison proves little.
    assert 0.3 * len(SEEDS) < infeasible < 0.7 * len(SEEDS)


def test_random_small_classes_are_reproducible():
    assert random_small_class(7) == random_small_class(7)


def valid(plan, students, rules=(), settings=None):
    settings = settings or PlanSettings()
    cap = 0 if settings.triads == "never" else settings.max_triads
    groups = [p.members for p in plan.partnerships]
    return (
        not hard_rule_violations(
            groups, students, rules, plan.floaters, settings.allow_repeats, cap
        )
        and len(plan.floaters) == settings.floaters
    )


def test_an_emergent_bilingual_floats_when_that_is_the_only_plan():
    students = (
        student("Ana", english_level=2.5),
        student("Ben", english_level=2.5),
        student("Cy", level=4),
    )
    settings = PlanSettings(floaters=1)
    plan = plan_partnerships(students, (), settings)
    assert plan.floaters[0] in ("Ana", "Ben")
    assert valid(plan, students, (), settings)


def test_two_emergent_bilinguals_kept_together_join_a_proficient_speaker():
    students = (
        student("Ana", english_level=3.5),
        student("Ben", english_level=3.5),
    ) + roster("Cy", "Di", "Ed", "Flo")
    rules = (Rule("keep_together", ("Ana", "Ben")),)
    plan = plan_partnerships(students, rules)
    three = next(p for p in plan.partnerships if "Ana" in p.members)
    assert {"Ana", "Ben"} < set(three.members)
    assert valid(plan, students, rules)


def test_even_class_where_two_learners_share_one_english_model_gets_two_threes():
    others = ("Di", "Ed", "Flo")
    students = (
        student("Ana", english_level=3.5, avoid=others),
        student("Ben", english_level=3.5, avoid=others),
        student("Cy"),
    ) + roster(*others)
    plan = plan_partnerships(students)
    assert sorted(len(p.members) for p in plan.partnerships) == [3, 3]
    assert valid(plan, students)


def test_fixed_threes_beyond_the_triad_limit_are_named():
    students = roster("Ana", "Ben", "Cy", "Di", "Ed", "Flo", "Gus", "Hal")
    rules = (Rule("keep_together", ("Ana", "Ben", "Cy")), Rule("lock", ("Di", "Ed", "Flo")))
    with pytest.raises(InfeasibleError) as caught:
        plan_partnerships(students, rules, PlanSettings(max_triads=1))
    assert caught.value.conflicts == [
        "lock Di–Ed–Flo and keep-together Ana–Ben–Cy make 2 threes but at most 1 is allowed"
    ]


def test_a_locked_three_with_triads_off_is_named():
    students = roster("Ana", "Ben", "Cy", "Di", "Ed")
    with pytest.raises(InfeasibleError) as caught:
        plan_partnerships(
            students, (Rule("lock", ("Ana", "Ben", "Cy")),), PlanSettings(triads="never")
        )
    assert caught.value.conflicts == ["lock Ana–Ben–Cy makes a three but triads are off"]


def test_a_kept_together_three_uses_up_the_triad_limit():
    students = roster("Ana", "Ben", "Cy") + tuple(
        student(name, often_absent=True) for name in ("Di", "Ed", "Flo", "Gus", "Hal", "Ivy")
    )
    rules = (Rule("keep_together", ("Ana", "Ben", "Cy")),)
    settings = PlanSettings(max_triads=1)
    plan = plan_partnerships(students, rules, settings)
    assert [set(p.members) for p in plan.partnerships if p.is_triad] == [{"Ana", "Ben", "Cy"}]
    assert valid(plan, students, rules, settings)


def test_an_odd_count_left_by_fixed_threes_is_named():
    students = roster("Ana", "Ben", "Cy", "Di", "Ed", "Flo", "Gus", "Hal")
    rules = (Rule("keep_together", ("Ana", "Ben", "Cy")),)
    with pytest.raises(InfeasibleError) as caught:
        plan_partnerships(students, rules, PlanSettings(max_triads=1))
    assert caught.value.conflicts == [
        "5 students to place and the locked and kept-together threes take every three "
        "allowed: add a floater or allow triads"
    ]


def test_too_few_students_free_to_float_is_named():
    students = roster("Ana", "Ben", "Cy", "Di", "Ed")
    rules = (Rule("lock", ("Ana", "Ben")), Rule("lock", ("Cy", "Di")))
    with pytest.raises(InfeasibleError) as caught:
        plan_partnerships(students, rules, PlanSettings(floaters=2))
    assert caught.value.conflicts[0].startswith("2 floaters wanted but only 1 student may float")


def test_learners_the_rules_leave_with_too_few_speakers_are_named():
    learners = ("Ana", "Ben", "Cy", "Di", "Ed")
    speakers = ("Flo", "Gus", "Hal", "Ivy", "Jo", "Kai", "Lu", "Mo", "Ned")
    students = tuple(student(n, english_level=3.5) for n in learners) + roster(*speakers)
    rules = tuple(Rule("keep_apart", (a, b)) for a in learners for b in speakers[1:])
    with pytest.raises(InfeasibleError) as caught:
        plan_partnerships(students, rules, PlanSettings(max_triads=1))
    assert caught.value.conflicts == [
        "Ana, Ben, Cy, Di and Ed need a proficient English speaker but the rules leave only "
        "Flo: at most 2 of the 5 emergent bilinguals can be partnered"
    ]


def test_rules_that_clash_beyond_any_count_are_named_and_are_a_real_reason():
    students = (
        student("Ana", reading_partner="Ben"),
        student("Ben"),
        student("Cy", reading_partner="Di"),
        student("Di"),
    )
    settings = PlanSettings(floaters=1)
    with pytest.raises(InfeasibleError) as caught:
        plan_partnerships(students, (), settings)
    message = "no plan keeps all of these at once with 1 floater: "
    assert caught.value.conflicts == [
        message + "Ana and Ben are reading partners; Cy and Di are reading partners"
    ]
    # Dropping either one leaves a plan; keeping only these two leaves none.
    named = keep_only_named(
        SmallClass(students, (), settings),
        {"Ana and Ben are reading partners", "Cy and Di are reading partners"},
    )
    assert not has_valid_arrangement(named.students, named.rules, named.settings)
