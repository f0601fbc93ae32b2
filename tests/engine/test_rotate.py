from collections import Counter
from itertools import combinations

import pytest

from partnerup.engine import (
    InfeasibleError,
    Partnership,
    Plan,
    PlanSettings,
    Rule,
    Student,
    plan_partnerships,
)
from partnerup.engine.rotate import next_headline_week, rotate_headline_partners

from .factories import roster

EIGHT = roster(*"ABCDEFGH")


def pairs_of(week):
    return {frozenset(p) for g in week for p in combinations(g, 2)}


def test_even_class_meets_everyone_once_in_n_minus_one_weeks():
    weeks = rotate_headline_partners(EIGHT, 7)
    met = Counter(p for w in weeks for p in pairs_of(w))
    assert len(met) == 28 and set(met.values()) == {1}


def test_long_term_partners_are_never_headline_partners():
    plan = plan_partnerships(EIGHT, (), PlanSettings(triads="never"))
    weeks = rotate_headline_partners(EIGHT, 6, (), plan)
    long_term = {frozenset(p.members) for p in plan.partnerships}
    met = Counter(p for w in weeks for p in pairs_of(w))
    assert not long_term & set(met)
    assert set(met.values()) == {1}


def test_repeats_start_only_after_every_pair_has_met():
    weeks = rotate_headline_partners(EIGHT, 8)
    assert pairs_of(weeks[7]) <= set().union(*(pairs_of(w) for w in weeks[:7]))


def test_odd_class_gets_one_triad_each_week():
    weeks = rotate_headline_partners(roster(*"ABCDEFG"), 4)
    for week in weeks:
        assert sorted(len(g) for g in week) == [2, 2, 3]


def test_keep_apart_is_respected_every_week():
    rules = [Rule("keep_apart", ("A", "B")), Rule("keep_apart", ("C", "D"))]
    students = roster(*"ABCDEFGH")[:2] + (Student(name="C", avoid=("E",)),) + roster(*"DEFGH")
    for week in rotate_headline_partners(students, 10, rules):
        assert not pairs_of(week) & {frozenset("AB"), frozenset("CD"), frozenset("CE")}


def test_impossible_keep_apart_is_reported():
    rules = [Rule("keep_apart", ("A", "B", "C"))]
    with pytest.raises(InfeasibleError):
        rotate_headline_partners(roster("A", "B", "C"), 1, rules)


def _pairs(week):
    return {frozenset(p) for g in week for p in combinations(g, 2)}


def test_weeks_made_one_at_a_time_never_repeat_and_skip_long_term_partners():
    students = tuple(Student(name=f"S{i:02}") for i in range(12))
    long_term = Plan(
        "optimal",
        tuple(Partnership((f"S{i:02}", f"S{i + 1:02}")) for i in range(0, 12, 2)),
    )
    partners = {frozenset(p.members) for p in long_term.partnerships}
    weeks = []
    for _ in range(10):
        weeks.append(next_headline_week(students, weeks, long_term=long_term))
    seen = set()
    for week in weeks:
        assert sorted(m for g in week for m in g) == sorted(s.name for s in students)
        assert not _pairs(week) & seen and not _pairs(week) & partners
        seen |= _pairs(week)


def test_a_student_joining_mid_year_gets_fresh_pairs_where_possible():
    students = tuple(Student(name=f"S{i:02}") for i in range(10))
    weeks = [next_headline_week(students, [])]
    weeks.append(next_headline_week(students, weeks))
    grown = (*students, Student(name="Nia"))
    week = next_headline_week(grown, weeks)
    assert sorted(m for g in week for m in g) == sorted(s.name for s in grown)
    assert sum(len(g) == 3 for g in week) == 1
    assert not _pairs(week) & (_pairs(weeks[0]) | _pairs(weeks[1]))
