"""Invariants over random classes (hypothesis).

`classes()` draws classes that have a valid plan by construction: it first draws a
hidden arrangement (floaters, pairs, at most the triad limit in threes) and then only
rules and student fields that arrangement keeps. So every example is checked (never
skipped), and "the engine finds a plan" is itself a property. `small_classes()` draws
any rules at all, feasible or not, for the comparison with exhaustive search.
"""

from collections import Counter
from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerup.engine import InfeasibleError, PlanSettings, Rule, Student, plan_partnerships
from partnerup.engine.repair import repair_for_absences
from partnerup.engine.rotate import rotate_headline_partners
from partnerup.engine.validation import hard_rule_violations

from .brute_force import has_valid_arrangement, key, random_small_class, triad_cap

NAMES = [key(i) for i in range(40)]
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PROFICIENT = st.sampled_from([None, None, 4.5, 5.0])
ANY_ENGLISH = st.sampled_from([None, None, 1.5, 2.5, 3.5, 5.0])


@st.composite
def classes(draw, min_size=2, max_size=14, with_floaters=True):
    """(students, rules, settings) with at least one valid plan."""
    n = draw(st.integers(min_size, max_size))
    names = draw(st.permutations(NAMES[:n]))
    # Without floaters an odd class needs a three.
    odd_without_floaters = n % 2 == 1 and not with_floaters
    triads = "auto" if odd_without_floaters else draw(st.sampled_from(["auto", "auto", "never"]))
    max_triads = draw(st.integers(1 if odd_without_floaters else 0, 3))
    cap = 0 if triads == "never" else max_triads
    floaters = draw(st.sampled_from(_floater_counts(n, cap, with_floaters)))
    placed = names[floaters:]
    threes = draw(
        st.sampled_from(
            [t for t in range(cap + 1) if t % 2 == len(placed) % 2 and 3 * t <= len(placed)]
        )
    )
    hidden = [tuple(placed[3 * i : 3 * i + 3]) for i in range(threes)]
    hidden += [tuple(placed[i : i + 2]) for i in range(3 * threes, len(placed), 2)]
    group_of = {m: g for g in hidden for m in g}

    def apart(name: str) -> list[str]:
        return [o for o in names if o != name and group_of.get(o, (o,)) != group_of.get(name)]

    students = []
    for name in names:
        leads_group = group_of.get(name, (name,))[0] == name
        others = [o for o in names if o != name]
        strangers = apart(name)
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
                english_level=draw(PROFICIENT if leads_group else ANY_ENGLISH),
                choices=tuple(draw(st.lists(st.sampled_from(others), max_size=3, unique=True))),
                avoid=tuple(draw(st.lists(st.sampled_from(strangers), max_size=1)))
                if strangers
                else (),
                reading_partner=draw(st.sampled_from(["", "", *strangers])),
                past_partners=tuple(
                    draw(st.lists(st.sampled_from(strangers), max_size=2, unique=True))
                )
                if strangers
                else (),
                talk=draw(st.sampled_from(["quiet", "balanced", "dominant"])),
                often_absent=draw(st.booleans()),
                social_support=draw(st.booleans()),
                floater=draw(st.booleans()),
            )
        )
    rules = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["keep_apart", "keep_together", "lock"]))
        if kind == "keep_apart":
            first = draw(st.sampled_from(names))
            if apart(first):
                rules.append(Rule("keep_apart", (first, draw(st.sampled_from(apart(first))))))
            continue
        group = draw(st.sampled_from(hidden)) if hidden else None
        if group is None or (kind == "lock" and any(set(r.students) & set(group) for r in rules)):
            continue
        size = len(group) if kind == "lock" else draw(st.integers(2, len(group)))
        rules.append(Rule(kind, tuple(draw(st.permutations(group))[:size])))
    plan_settings = PlanSettings(
        triads=triads,
        max_triads=max_triads,
        floaters=floaters,
        allow_repeats=draw(st.booleans()),
        seed=draw(st.integers(0, 5)),
    )
    return tuple(students), tuple(rules), plan_settings


def _floater_counts(n: int, cap: int, with_floaters: bool) -> list[int]:
    counts = range(min(2, n - 2) + 1) if with_floaters else [0]
    return [f for f in counts if (n - f) % 2 == 0 or (cap and n - f >= 3)] or [0]


@st.composite
def small_classes(draw):
    """Any tiny class, feasible or not (see brute_force.random_small_class)."""
    return random_small_class(draw(st.integers(0, 10**9)), max_size=7)


@SLOW
@given(classes())
def test_every_drawn_class_gets_a_plan_that_keeps_every_hard_rule(cls):
    students, rules, plan_settings = cls
    plan = plan_partnerships(students, rules, plan_settings)
    groups = [p.members for p in plan.partnerships]
    cap = triad_cap(plan_settings)
    assert (
        hard_rule_violations(
            groups, students, rules, plan.floaters, plan_settings.allow_repeats, cap
        )
        == []
    )
    assert len(plan.floaters) == plan_settings.floaters
    assert plan.status == "optimal"


@SLOW
@given(classes(min_size=4, max_size=12))
def test_triad_limit_holds_with_locked_and_kept_together_threes(cls):
    students, rules, plan_settings = cls
    plan = plan_partnerships(students, rules, plan_settings)
    fixed_threes = {frozenset(r.students) for r in rules if len(r.students) == 3}
    triads = [p for p in plan.partnerships if p.is_triad]
    assert len(triads) <= triad_cap(plan_settings)
    assert fixed_threes <= {frozenset(p.members) for p in triads}


@settings(max_examples=150, deadline=None)
@given(small_classes())
def test_feasibility_agrees_with_exhaustive_search(cls):
    exists = has_valid_arrangement(cls.students, cls.rules, cls.settings)
    try:
        plan = plan_partnerships(cls.students, cls.rules, cls.settings)
    except InfeasibleError as error:
        assert not exists, f"a plan exists but the engine said: {error}"
        assert error.conflicts and all(isinstance(c, str) and c for c in error.conflicts)
        return
    assert exists
    groups = [p.members for p in plan.partnerships]
    assert not hard_rule_violations(
        groups,
        cls.students,
        cls.rules,
        plan.floaters,
        cls.settings.allow_repeats,
        triad_cap(cls.settings),
    )


@SLOW
@given(classes(min_size=4))
def test_locked_partnerships_come_back_unchanged(cls):
    students, rules, plan_settings = cls
    plan = plan_partnerships(students, rules, plan_settings)
    for rule in rules:
        if rule.kind == "lock":
            assert any(
                set(p.members) == set(rule.students) and p.is_locked for p in plan.partnerships
            )


@SLOW
@given(classes(min_size=4), st.data())
def test_repair_leaves_untouched_partnerships_identical(cls, data):
    students, rules, plan_settings = cls
    plan = plan_partnerships(students, rules, plan_settings)
    everyone = plan.members() + list(plan.floaters)
    absent = data.draw(st.lists(st.sampled_from(everyone), max_size=len(everyone) - 1, unique=True))
    today = repair_for_absences(plan, absent)
    placed = [m for p in today.partnerships for m in p.members] + list(today.floaters)
    assert sorted(placed) == sorted(n for n in everyone if n not in absent)
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
    if len(placed) >= 2 and not forbidden and not plan.emergent_bilinguals:
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
@given(classes(min_size=4, max_size=16, with_floaters=False), st.integers(1, 20))
def test_rotation_never_groups_kept_apart_students(cls, weeks):
    students, rules, _ = cls
    rules = tuple(r for r in rules if r.kind == "keep_apart")
    schedule = rotate_headline_partners(students, weeks, rules)
    banned = {frozenset((s.name, o)) for s in students for o in s.avoid}
    banned |= {frozenset(r.students) for r in rules}
    for week in schedule:
        assert sorted(m for g in week for m in g) == sorted(s.name for s in students)
        for g in week:
            assert not any(frozenset(p) in banned for p in combinations(g, 2))
