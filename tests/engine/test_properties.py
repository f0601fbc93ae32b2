"""Invariants over random classes (hypothesis)."""

from collections import Counter
from dataclasses import replace
from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerup.engine import InfeasibleError, PlanSettings, Rule, Student, plan_partnerships
from partnerup.engine.repair import repair_for_absences
from partnerup.engine.rotate import rotate_headline_partners
from partnerup.engine.validation import hard_rule_violations

NAMES = [f"S{i:02d}" for i in range(40)]
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def classes(draw, min_size=2, max_size=14):
    n = draw(st.integers(min_size, max_size))
    names = NAMES[:n]
    students = []
    for name in names:
        others = [o for o in names if o != name]
        students.append(
            Student(
                name=name,
                level=draw(st.none() | st.integers(1, 4)),
                interests=tuple(
                    draw(
                        st.lists(
                            st.sampled_from(["fantasy", "soccer", "space"]), max_size=2, unique=True
                        )
                    )
                ),
                goals=tuple(draw(st.lists(st.sampled_from(["lead", "ending"]), max_size=1))),
                strengths=tuple(draw(st.lists(st.sampled_from(["lead", "ending"]), max_size=1))),
                english_level=draw(st.none() | st.none() | st.sampled_from([1.5, 2.0, 3.0, 5.0])),
                choices=tuple(draw(st.lists(st.sampled_from(others), max_size=3, unique=True)))
                if others
                else (),
                avoid=tuple(draw(st.lists(st.sampled_from(others), max_size=1))) if others else (),
                talk=draw(st.sampled_from(["quiet", "balanced", "dominant"])),
                often_absent=draw(st.booleans()),
            )
        )
    rules = []
    if n >= 4 and draw(st.booleans()):
        a, b = draw(st.lists(st.sampled_from(names), min_size=2, max_size=2, unique=True))
        rules.append(Rule("keep_apart", (a, b)))
    if n >= 4 and draw(st.booleans()):
        a, b = draw(st.lists(st.sampled_from(names), min_size=2, max_size=2, unique=True))
        rules.append(Rule("lock", (a, b)))
    return tuple(students), tuple(rules)


def plan_or_none(students, rules, **options):
    try:
        return plan_partnerships(students, rules, PlanSettings(**options))
    except InfeasibleError as error:
        assert error.conflicts and all(isinstance(c, str) and c for c in error.conflicts)
        return None


@SLOW
@given(classes(), st.integers(0, 5), st.sampled_from(["auto", "never"]))
def test_every_plan_places_everyone_once_and_keeps_every_hard_rule(cls, seed, triads):
    students, rules = cls
    plan = plan_or_none(students, rules, seed=seed, triads=triads)
    if plan is None:
        return
    groups = [p.members for p in plan.partnerships]
    assert hard_rule_violations(groups, students, rules, plan.floaters) == []
    assert plan.status == "optimal"


@SLOW
@given(classes(min_size=4))
def test_locked_partnerships_come_back_unchanged(cls):
    students, rules = cls
    plan = plan_or_none(students, rules)
    if plan is None:
        return
    for rule in rules:
        if rule.kind == "lock":
            assert any(p.members == rule.students and p.is_locked for p in plan.partnerships)


@SLOW
@given(classes(min_size=4), st.data())
def test_repair_leaves_untouched_partnerships_identical(cls, data):
    students, rules = cls
    plan = plan_or_none(students, rules)
    if plan is None:
        return
    names = plan.members()
    absent = data.draw(st.lists(st.sampled_from(names), max_size=len(names) - 1, unique=True))
    today = repair_for_absences(plan, absent)
    present = sorted(n for n in names if n not in absent)
    assert sorted(m for p in today.partnerships for m in p.members) == present
    untouched = [p for p in plan.partnerships if not set(p.members) & set(absent)]
    orphans = [
        m
        for p in plan.partnerships
        for m in p.members
        if m not in absent and set(p.members) & set(absent)
    ]
    for p in untouched:
        kept = [q for q in today.partnerships if set(p.members) <= set(q.members)]
        assert len(kept) == 1
        if not orphans:
            assert kept[0] == p
    forbidden = {frozenset(pair) for pair in plan.forbidden_pairs}
    for p in today.partnerships:
        assert not any(frozenset(pair) in forbidden for pair in combinations(p.members, 2))
    if len(present) >= 2 and not forbidden and not plan.emergent_bilinguals:
        assert all(len(p.members) >= 2 for p in today.partnerships)


@SLOW
@given(st.integers(2, 24), st.booleans())
def test_rotation_has_no_repeat_before_it_is_forced(n, exclude):
    students = tuple(Student(name=name) for name in NAMES[:n])
    long_term = None
    if exclude and n % 2 == 0 and n >= 4:
        long_term = plan_partnerships(students, (), PlanSettings(triads="never"))
    forced_after = (n - 1 if long_term is None else n - 2) if n % 2 == 0 else None
    weeks = rotate_headline_partners(students, n + 1, (), long_term)
    seen = Counter()
    for number, week in enumerate(weeks, start=1):
        assert sorted(m for g in week for m in g) == sorted(NAMES[:n])
        for g in week:
            assert 2 <= len(g) <= 3
            for pair in combinations(g, 2):
                seen[frozenset(pair)] += 1
                if forced_after is not None and number <= forced_after:
                    assert seen[frozenset(pair)] == 1, f"repeat in week {number}"
        if long_term is not None:
            for p in long_term.partnerships:
                assert not any(set(p.members) <= set(g) for g in week)


@SLOW
@given(classes(min_size=4, max_size=16), st.integers(1, 20))
def test_rotation_never_groups_kept_apart_students(cls, weeks):
    students, rules = cls
    rules = tuple(r for r in rules if r.kind == "keep_apart")
    try:
        schedule = rotate_headline_partners(students, weeks, rules)
    except InfeasibleError:
        return
    banned = {frozenset((s.name, o)) for s in students for o in s.avoid}
    banned |= {frozenset(r.students) for r in rules}
    for week in schedule:
        assert sorted(m for g in week for m in g) == sorted(s.name for s in students)
        for g in week:
            assert not any(frozenset(p) in banned for p in combinations(g, 2))


def test_hypothesis_classes_are_often_feasible():
    """Guard against vacuous properties: most random classes must get a plan."""
    from hypothesis import find  # noqa: F401 - only to keep the import surface honest

    feasible = 0
    for seed in range(30):
        students = tuple(
            replace(Student(name=NAMES[i]), often_absent=(i + seed) % 5 == 0) for i in range(10)
        )
        feasible += plan_or_none(students, ()) is not None
    assert feasible == 30
