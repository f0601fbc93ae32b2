"""The one hard-rule object: frozen, built once, asked by every part of the engine."""

import dataclasses

import pytest

from partnerup.engine import (
    HardRules,
    Partnership,
    Plan,
    PlanSettings,
    Rule,
    check_board,
    hard_rules,
    hard_rules_of_plan,
    headline_apart,
    plan_partnerships,
    repair_for_absences,
)

from .factories import student


def test_hard_rules_cannot_be_changed_once_built():
    hard = hard_rules([student("Ana", avoid=("Ben",)), student("Ben")], [], PlanSettings())
    with pytest.raises(dataclasses.FrozenInstanceError):
        hard.learners = frozenset()  # type: ignore[misc]


def test_each_kind_of_rule_keeps_its_pair_apart_with_its_reason():
    students = [
        student("Ana", avoid=("Ben",)),
        student("Ben", reading_partner="Cy"),
        student("Cy", past_partners=("Di",)),
        student("Di"),
        student("Eve"),
        student("Fay"),
    ]
    hard = hard_rules(students, [Rule("keep_apart", ("Eve", "Fay"))], PlanSettings())
    assert hard.why_not("Ana", "Ben") == "Ana avoids Ben"
    assert hard.why_not("Ben", "Cy") == "reading partners"
    assert hard.why_not("Cy", "Di") == "past partners"
    assert hard.why_not("Eve", "Fay") == "keep-apart rule Eve–Fay"
    assert hard.why_not("Ana", "Cy") == ""
    assert hard.allows(("Ana", "Cy"))


def test_past_partners_bind_only_when_repeats_are_off():
    students = [student("Ana", past_partners=("Ben",)), student("Ben")]
    assert not hard_rules(students, [], PlanSettings()).allows(("Ana", "Ben"))
    assert hard_rules(students, [], PlanSettings(allow_repeats=True)).allows(("Ana", "Ben"))


def test_a_kept_together_student_may_only_be_in_a_group_holding_the_whole_rule():
    students = [student(n) for n in ("Ana", "Ben", "Cy", "Di")]
    hard = hard_rules(students, [Rule("keep_together", ("Ana", "Ben"))], PlanSettings())
    assert hard.allows(("Ana", "Ben"))
    assert hard.allows(("Ana", "Ben", "Cy"))
    assert not hard.allows(("Ana", "Cy"))
    assert hard.why_not("Ana", "Cy") == "kept together with someone else"


def test_an_absent_student_no_longer_binds_a_keep_together_rule_that_day():
    students = [student(n) for n in ("Ana", "Ben", "Cy")]
    hard = hard_rules(students, [Rule("keep_together", ("Ana", "Ben"))], PlanSettings())
    assert not hard.allows(("Ana", "Cy"))
    assert hard.present(["Ben"]).allows(("Ana", "Cy"))


def test_two_often_absent_writers_are_spread_but_not_a_teachers_own_group():
    students = [student(n, often_absent=True) for n in ("Ana", "Ben", "Cy")]
    hard = hard_rules(students, [Rule("keep_together", ("Ana", "Ben"))], PlanSettings())
    assert hard.allows(("Ana", "Ben"))  # the teacher keeps them together
    assert hard.spread == frozenset({"Cy"})
    free = hard_rules(students, [], PlanSettings())
    assert not free.allows(("Ana", "Ben"))
    assert free.why_not("Ana", "Ben") == "both often absent"
    assert free.relaxed().allows(("Ana", "Ben"))


def test_the_rules_a_plan_carries_keep_its_pairs_and_its_emergent_bilinguals():
    plan = Plan(
        "feasible",
        (),
        forbidden_pairs=(("Ana", "Ben"),),
        emergent_bilinguals=("Cy", "Di"),
    )
    hard = hard_rules_of_plan(plan)
    assert not hard.allows(("Ana", "Ben"))
    assert not hard.allows(("Cy", "Di"))
    assert hard.allows(("Ana", "Cy"))


def test_headline_partners_keep_apart_only_rules_avoid_lists_and_long_term_partners():
    students = [
        student("Ana", avoid=("Ben",)),
        student("Ben", reading_partner="Cy"),
        student("Cy", past_partners=("Di",)),
        student("Di"),
    ]
    long_term = Plan("feasible", (Partnership(("Di", "Ana")),))
    apart = headline_apart(students, [], long_term)
    assert apart == {frozenset(("Ana", "Ben")), frozenset(("Ana", "Di"))}


def test_planning_spreads_often_absent_writers_over_partnerships():
    names = ("Ana", "Ben", "Cy", "Di", "Eve", "Fay")
    often = {"Ana", "Ben", "Cy"}
    # Choices pull the often-absent writers together; the spread rule wins.
    students = [
        student(n, often_absent=n in often, choices=tuple(sorted(often - {n}))) for n in names
    ]
    plan = plan_partnerships(students, [], PlanSettings(triads="never"))
    for p in plan.partnerships:
        assert len(often.intersection(p.members)) <= 1, p.members


def test_a_class_of_only_often_absent_writers_is_still_planned_and_the_board_says_so():
    students = [student(n, often_absent=True) for n in ("Ana", "Ben", "Cy", "Di")]
    plan = plan_partnerships(students, [], PlanSettings(triads="never"))
    assert len(plan.partnerships) == 2
    checks = check_board(plan, students, [], PlanSettings(triads="never"))
    for p, check in zip(plan.partnerships, checks, strict=True):
        assert check.warnings == (f"{' and '.join(p.members)} are both often absent",)
        assert check.broken == ()


def test_repair_keeps_todays_keep_together_rule_when_given_the_class_rules():
    # Cy is away, so Ana joins a partnership. The plan alone would put her with the
    # smallest one (Eve–Fay); the class's rules keep her with Ben.
    students = [student(n) for n in ("Ana", "Ben", "Cy", "Di", "Eve", "Fay")]
    plan = Plan(
        "feasible",
        (
            Partnership(("Ana", "Cy")),
            Partnership(("Eve", "Fay")),
            Partnership(("Ben", "Di")),
        ),
    )
    hard = hard_rules(students, [Rule("keep_together", ("Ana", "Ben"))], PlanSettings())
    without = repair_for_absences(plan, ["Cy"])
    assert ("Eve", "Fay", "Ana") in [p.members for p in without.partnerships]
    today = repair_for_absences(plan, ["Cy"], hard=hard)
    assert ("Ben", "Di", "Ana") in [p.members for p in today.partnerships]


def test_every_pair_the_planner_forms_is_one_the_rules_allow():
    students = [
        student("Ana", english_level=2.0),
        student("Ben", english_level=2.5),
        student("Cy", avoid=("Di",)),
        student("Di"),
        student("Eve", reading_partner="Fay"),
        student("Fay"),
    ]
    hard = hard_rules(students, [], PlanSettings())
    plan = plan_partnerships(students)
    assert isinstance(hard, HardRules)
    for p in plan.partnerships:
        assert hard.allows(p.members)


def test_the_pair_check_agrees_with_the_group_check_on_every_pair():
    students = [
        student("Ana", english_level=2.0, often_absent=True),
        student("Ben", english_level=2.5),
        student("Cy", avoid=("Di",), often_absent=True),
        student("Di", reading_partner="Eve"),
        student("Eve", often_absent=True),
        student("Fay"),
        student("Gus"),
    ]
    rules = [Rule("keep_together", ("Fay", "Gus")), Rule("keep_together", ("Ana", "Fay"))]
    hard = hard_rules(students, rules, PlanSettings())
    names = [s.name for s in students]
    verdicts = {(a, b): hard.pair_allowed(a, b) for a in names for b in names if a != b}
    assert verdicts == {(a, b): hard.allows((a, b)) for a, b in verdicts}
    assert True in verdicts.values() and False in verdicts.values()


def test_a_keep_apart_rule_naming_a_student_twice_still_keeps_the_others_apart():
    students = [student(n) for n in ("Ana", "Ben", "Cy")]
    hard = hard_rules(students, [Rule("keep_apart", ("Ana", "Ben", "Ana"))], PlanSettings())
    assert not hard.allows(("Ana", "Ben"))
    assert hard.why_not("Ana", "Ben") == "keep-apart rule Ana–Ben"
    assert hard.allows(("Ana", "Cy"))
