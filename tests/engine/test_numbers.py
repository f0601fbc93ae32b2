"""A partnership keeps its number for the life of its plan: board steps, re-planning
around locked cards, and Today's repairs never renumber the partnerships they keep."""

from dataclasses import replace

import pytest

from partnerup.engine import (
    Partnership,
    Plan,
    PlanSettings,
    plan_from_dict,
    plan_partnerships,
    plan_to_dict,
)
from partnerup.engine.board import (
    NEW_CARD,
    highest_number,
    move_student,
    numbered,
    replan_rest,
    set_locked,
    swap_students,
)
from partnerup.engine.repair import repair_for_absences
from partnerup.engine.synthetic import synthetic_class


def pair(a, b, number=0):
    return Partnership(members=(a, b), roles=((a, "A"), (b, "B")), number=number)


def numbers(plan) -> dict[frozenset, int]:
    return {frozenset(p.members): p.number for p in plan.partnerships}


def test_new_partnerships_take_the_next_numbers_and_numbered_ones_keep_theirs():
    plan = Plan("optimal", (pair("A", "B", 4), pair("C", "D"), pair("E", "F", 2), pair("G", "H")))
    assert [p.number for p in numbered(plan).partnerships] == [4, 5, 2, 6]
    assert [p.number for p in numbered(plan, above=10).partnerships] == [4, 11, 2, 12]


def test_numbers_survive_the_round_trip_through_json():
    plan = numbered(Plan("optimal", (pair("A", "B"), pair("C", "D"))))
    assert numbers(plan_from_dict(plan_to_dict(plan))) == {frozenset("AB"): 1, frozenset("CD"): 2}


def test_board_steps_keep_every_number_and_a_new_card_takes_the_next():
    plan = numbered(Plan("optimal", (pair("A", "B"), pair("C", "D"), pair("E", "F"))))
    plan = numbered(set_locked(plan, 1, True))
    plan = numbered(swap_students(plan, "A", "E"))
    assert [p.number for p in plan.partnerships] == [1, 2, 3]
    plan = numbered(move_student(plan, "B", NEW_CARD))
    assert [p.number for p in plan.partnerships] == [1, 2, 3, 4]


def test_replanning_keeps_locked_numbers_and_fills_the_others_from_one():
    students, rules = synthetic_class(12, seed=3)
    settings = PlanSettings(triads="never")
    plan = numbered(plan_partnerships(students, rules, settings))
    plan = set_locked(plan, 2, True)
    locked = plan.partnerships[2]
    again = replan_rest(plan, students, rules, settings)
    kept = next(p for p in again.partnerships if p.is_locked)
    assert kept.number == locked.number == 3
    assert sorted(p.number for p in again.partnerships) == list(range(1, 7))


def test_repairs_keep_the_numbers_of_the_partnerships_they_keep():
    plan = numbered(Plan("optimal", tuple(pair(*m) for m in ("AB", "CD", "EF", "GH", "IJ", "KL"))))
    repaired = numbered(repair_for_absences(plan, ["B", "D", "F"], []), highest_number(plan))
    by_members = numbers(repaired)
    for members, number in numbers(plan).items():
        if not members & {"B", "D", "F"}:
            assert by_members[members] == number
    new = [n for m, n in by_members.items() if m not in numbers(plan)]
    assert new and all(n > highest_number(plan) for n in new)


def test_a_negative_number_is_refused():
    with pytest.raises(ValueError):
        replace(pair("A", "B"), number=-1)
