import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerup.engine import (
    InfeasibleError,
    Partnership,
    Plan,
    PlanSettings,
    Rule,
    plan_partnerships,
)
from partnerup.engine.board import (
    FLOATERS,
    NEW_CARD,
    BoardError,
    check_board,
    flip_roles,
    move_student,
    new_breaks,
    replan_rest,
    rescored,
    set_locked,
    swap_students,
)
from partnerup.engine.synthetic import synthetic_class
from partnerup.engine.validation import hard_rule_violations

from .factories import roster, student


def card(*members, locked=False):
    return Partnership(
        members=members, roles=tuple(zip(members, "ABC", strict=False)), is_locked=locked
    )


def board(*cards, floaters=()):
    return Plan(status="optimal", partnerships=cards, floaters=floaters)


def roles(plan):
    return [dict(p.roles) for p in plan.partnerships]


def test_moving_a_student_joins_the_target_card_as_the_next_letter():
    plan = move_student(board(card("Ana", "Ben"), card("Cy", "Di")), "Ana", 1)
    assert roles(plan) == [{"Ben": "A"}, {"Cy": "A", "Di": "B", "Ana": "C"}]
    assert plan.status == "edited"


def test_a_card_left_empty_disappears_and_a_new_card_can_be_made():
    plan = move_student(board(card("Ana", "Ben"), card("Cy")), "Cy", 0)
    assert [p.members for p in plan.partnerships] == [("Ana", "Ben", "Cy")]
    plan = move_student(plan, "Ana", NEW_CARD)
    assert [p.members for p in plan.partnerships] == [("Ben", "Cy"), ("Ana",)]


def test_moving_to_and_from_the_floaters():
    plan = move_student(board(card("Ana", "Ben", "Cy"), floaters=("Di",)), "Cy", FLOATERS)
    assert plan.floaters == ("Di", "Cy")
    plan = move_student(plan, "Di", 0)
    assert plan.floaters == ("Cy",) and plan.partnerships[0].members == ("Ana", "Ben", "Di")


def test_swap_takes_over_the_other_students_role():
    plan = swap_students(board(card("Ana", "Ben"), card("Cy", "Di")), "Ana", "Di")
    assert roles(plan) == [{"Di": "A", "Ben": "B"}, {"Cy": "A", "Ana": "B"}]


def test_swap_with_a_floater():
    plan = swap_students(board(card("Ana", "Ben"), floaters=("Cy",)), "Cy", "Ben")
    assert plan.partnerships[0].members == ("Ana", "Cy") and plan.floaters == ("Ben",)


def test_locked_cards_refuse_moves_in_and_out():
    plan = board(card("Ana", "Ben", locked=True), card("Cy", "Di"))
    with pytest.raises(BoardError, match="locked"):
        move_student(plan, "Ana", 1)
    with pytest.raises(BoardError, match="locked"):
        move_student(plan, "Cy", 0)
    with pytest.raises(BoardError, match="locked"):
        swap_students(plan, "Cy", "Ben")


def test_unknown_names_and_cards_are_named():
    plan = board(card("Ana", "Ben"))
    with pytest.raises(BoardError, match="Zed is not on this board"):
        move_student(plan, "Zed", 0)
    with pytest.raises(BoardError, match="number 5"):
        move_student(plan, "Ana", 4)
    with pytest.raises(BoardError, match="number 3"):
        set_locked(plan, 2, True)


def test_only_pairs_and_threes_can_be_locked():
    plan = board(card("Ana"), card("Ben", "Cy"))
    with pytest.raises(BoardError, match="pair or a three"):
        set_locked(plan, 0, True)
    assert set_locked(plan, 1, True).partnerships[1].is_locked


def test_flip_roles_makes_b_the_a():
    plan = flip_roles(board(card("Ana", "Ben")), 0)
    assert roles(plan) == [{"Ben": "A", "Ana": "B"}]


def test_check_board_names_broken_rules_and_shape_warnings():
    students = (
        student("Ana", avoid=("Ben",)),
        student("Ben"),
        student("Cy", english_level=2.0),
        student("Di", english_level=2.5),
        student("Ed"),
        student("Flo"),
    )
    rules = [Rule("keep_together", ("Ed", "Flo"))]
    plan = board(card("Ana", "Ben"), card("Cy", "Di"), card("Ed"), card("Flo", "Gone"))
    checks = check_board(plan, students, rules, PlanSettings())
    assert checks[0].broken == ("Ana and Ben: Ana avoids Ben",)
    assert checks[1].broken == ("Cy and Di need a proficient English speaker",)
    assert "Ed has no partner yet" in checks[2].warnings
    assert "Ed and Flo are to be kept together" in checks[2].broken
    assert "Gone is no longer in this class" in checks[3].warnings


def test_check_board_scores_like_the_planner():
    students, rules = synthetic_class(16, seed=3)
    plan = plan_partnerships(students, rules, PlanSettings())
    checks = check_board(plan, students, rules, PlanSettings())
    assert [c.score for c in checks] == [p.score for p in plan.partnerships]
    assert [c.reasons for c in checks] == [p.reasons for p in plan.partnerships]
    assert not any(c.broken for c in checks)


def test_new_breaks_lists_only_what_a_step_broke():
    students = (student("Ana", avoid=("Di",)), student("Ben"), student("Cy"), student("Di"))
    before_plan = board(card("Ana", "Ben"), card("Cy", "Di"))
    after_plan = swap_students(before_plan, "Ben", "Di")
    before = check_board(before_plan, students, (), PlanSettings())
    after = check_board(after_plan, students, (), PlanSettings())
    assert new_breaks(before, after) == ["Ana and Di: Ana avoids Di"]
    assert new_breaks(after, after) == []


def test_rescored_totals_the_cards():
    students = roster("Ana", "Ben", "Cy", "Di", interests=("dogs",))
    plan = rescored(board(card("Ana", "Ben"), card("Cy", "Di")), students, (), PlanSettings())
    assert plan.objective == sum(p.score for p in plan.partnerships) > 0
    assert all("both love dogs" in p.reasons for p in plan.partnerships)


def test_replan_keeps_locked_cards_with_their_roles_and_places_everyone_else():
    students, rules = synthetic_class(20, seed=5)
    plan = plan_partnerships(students, rules, PlanSettings())
    first = plan.partnerships[0]
    flipped = flip_roles(set_locked(plan, 0, True), 0)
    again = replan_rest(flipped, students, rules, PlanSettings())
    kept = [p for p in again.partnerships if set(p.members) == set(first.members)]
    assert len(kept) == 1 and kept[0].is_locked
    assert kept[0].roles == flipped.partnerships[0].roles
    assert not hard_rule_violations(
        [p.members for p in again.partnerships], students, rules, floaters=again.floaters
    )


def test_replan_names_a_locked_card_that_breaks_a_rule():
    students = (student("Ana", avoid=("Ben",)), student("Ben"), student("Cy"), student("Di"))
    plan = board(card("Ana", "Ben", locked=True), card("Cy", "Di"))
    with pytest.raises(InfeasibleError, match="Ana avoids Ben"):
        replan_rest(plan, students, (), PlanSettings())


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_any_sequence_of_moves_places_everyone_exactly_once(data):
    students, rules = synthetic_class(10, seed=data.draw(st.integers(0, 50)))
    plan = plan_partnerships(students, rules, PlanSettings())
    names = [s.name for s in students]
    for _ in range(data.draw(st.integers(1, 8))):
        name = data.draw(st.sampled_from(names))
        if data.draw(st.booleans()):
            plan = swap_students(plan, name, data.draw(st.sampled_from(names)))
        else:
            targets = [*range(len(plan.partnerships)), NEW_CARD, FLOATERS]
            plan = move_student(plan, name, data.draw(st.sampled_from(targets)))
    placed = plan.members() + list(plan.floaters)
    assert sorted(placed) == sorted(names)
    assert all(p.members for p in plan.partnerships)
    assert all(sorted(dict(p.roles).values()) == list("ABCDEF"[: len(p.members)])
               for p in plan.partnerships)  # fmt: skip


def test_a_three_made_by_hand_in_an_even_class_is_not_explained_as_an_odd_class():
    students = roster("Ana", "Ben", "Cy", "Di")
    plan = move_student(board(card("Ana", "Ben"), card("Cy", "Di")), "Cy", 0)
    reasons = check_board(plan, students, (), PlanSettings())[0].reasons
    assert "a three made on the board" in reasons
    assert not any("odd number" in r for r in reasons)
    odd = check_board(board(card("Ana", "Ben", "Cy")), students[:3], (), PlanSettings())
    assert any("odd number" in r for r in odd[0].reasons)
