import random
from collections import Counter
from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerup.engine import (
    InfeasibleError,
    Partnership,
    Plan,
    PlanSettings,
    Rule,
    Student,
    plan_partnerships,
)
from partnerup.engine.rotate import (
    next_headline_week,
    no_repeat_bound,
    rotate_headline_partners,
)

from .factories import roster

EIGHT = roster(*"ABCDEFGH")
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def pairs_of(week):
    return {frozenset(p) for g in week for p in combinations(g, 2)}


def weeks_without_repeat(weeks) -> int:
    seen: set[frozenset[str]] = set()
    for number, week in enumerate(weeks):
        if pairs_of(week) & seen:
            return number
        seen |= pairs_of(week)
    return len(weeks)


def keys(n: int) -> tuple[Student, ...]:
    """Students keyed the way the web keys them: opaque strings, not names."""
    return tuple(Student(name=f"\ue000{i}\ue001") for i in range(n))


def long_term_plan(students, triads: int, seed: int = 0) -> Plan:
    """A long-term plan as the planner makes them: `triads` threes, the rest pairs."""
    names = [s.name for s in students]
    random.Random(seed).shuffle(names)
    groups = [tuple(names[3 * i : 3 * i + 3]) for i in range(triads)]
    rest = names[3 * triads :]
    groups += [tuple(rest[i : i + 2]) for i in range(0, len(rest), 2)]
    return Plan("optimal", tuple(Partnership(g) for g in groups))


def kept_apart(students, count: int, seed: int = 0) -> tuple[Rule, ...]:
    pairs = list(combinations([s.name for s in students], 2))
    return tuple(Rule("keep_apart", p) for p in random.Random(seed).sample(pairs, count))


# --- what the schedule keeps -------------------------------------------------------------


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


def test_a_student_kept_apart_from_everyone_is_named():
    rules = [Rule("keep_apart", ("A", other)) for other in "BCD"]
    with pytest.raises(InfeasibleError, match="leave A no group"):
        rotate_headline_partners(roster(*"ABCD"), 1, rules)


def test_the_roster_order_does_not_change_the_weeks():
    students = keys(13)
    forward = rotate_headline_partners(students, 12)
    backward = rotate_headline_partners(students[::-1], 12)
    assert [_as_sets(w) for w in forward] == [_as_sets(w) for w in backward]


def _as_sets(week):
    return {frozenset(g) for g in week}


# --- how long odd classes go without a repeat ------------------------------------------


def test_odd_class_of_31_goes_at_least_25_weeks_without_a_repeat():
    weeks = rotate_headline_partners(keys(31), 30)
    # The week-by-week exact model reaches 25; counting pairs bounds it at 27.
    assert no_repeat_bound(keys(31)) == 27
    assert weeks_without_repeat(weeks) >= 25


@pytest.mark.parametrize("n", [21, 31, 37])
def test_odd_class_without_its_long_term_partners_comes_within_10_percent_of_the_bound(n):
    students = keys(n)
    plan = long_term_plan(students, triads=3)
    weeks = rotate_headline_partners(students, 40, (), plan)
    assert weeks_without_repeat(weeks) >= 0.9 * no_repeat_bound(students, (), plan)


@pytest.mark.parametrize(("n", "seed"), [(21, 0), (31, 0), (31, 1), (37, 0)])
def test_odd_class_with_many_kept_apart_comes_within_10_percent_of_the_bound(n, seed):
    students = keys(n)
    rules = kept_apart(students, 2 * n, seed)
    weeks = rotate_headline_partners(students, 40, rules)
    assert weeks_without_repeat(weeks) >= 0.9 * no_repeat_bound(students, rules)


def test_bound_counts_the_partners_left_to_the_busiest_students():
    # 31 students: 465 pairs, 17 a week (14 pairs and a triad) -> 27 weeks.
    assert no_repeat_bound(keys(31)) == 27
    # One triad and 14 pairs of long-term partners leave 448 pairs -> 26 weeks.
    assert no_repeat_bound(keys(31), (), long_term_plan(keys(31), triads=1)) == 26
    # An even class: each student's own count of partners left is the limit.
    students = keys(8)
    assert no_repeat_bound(students) == 7
    rules = [Rule("keep_apart", (students[0].name, students[i].name)) for i in (1, 2, 3)]
    assert no_repeat_bound(students, rules) == 4


# --- the bound against exhaustive search ------------------------------------------------


def all_weeks(n: int, allowed: set[tuple[int, int]]) -> list[int]:
    """Every week of pairs (plus one triad when n is odd) on `allowed`, as pair bitmasks."""
    bit = {p: 1 << i for i, p in enumerate(combinations(range(n), 2))}

    def matchings(rest: list[int]):
        if not rest:
            yield 0
            return
        first = rest[0]
        for other in rest[1:]:
            if (first, other) in allowed:
                left = [v for v in rest if v not in (first, other)]
                yield from (m | bit[(first, other)] for m in matchings(left))

    if n % 2 == 0:
        return list(matchings(list(range(n))))
    weeks = []
    for triad in combinations(range(n), 3):
        if all(p in allowed for p in combinations(triad, 2)):
            mask = sum(bit[p] for p in combinations(triad, 2))
            rest = [v for v in range(n) if v not in triad]
            weeks += [m | mask for m in matchings(rest)]
    return weeks


def longest_round(n: int, allowed: set[tuple[int, int]]) -> int:
    """The most weeks with no repeated pair, by exhaustive search: weeks are pair-disjoint
    bitmasks, so a search can stop once the pairs left cannot fill another week."""
    per_week = n // 2 if n % 2 == 0 else (n + 3) // 2
    best = 0

    def extend(candidates: list[int], depth: int) -> None:
        nonlocal best
        best = max(best, depth)
        room = (len(allowed) - depth * per_week) // per_week
        for i, week in enumerate(candidates):
            if depth + min(len(candidates) - i, room) <= best:
                return
            extend([w for w in candidates[i + 1 :] if not w & week], depth + 1)

    extend(all_weeks(n, allowed), 0)
    return best


def any_grouping(n: int, allowed: set[tuple[int, int]]) -> bool:
    """Whether everyone can be put in pairs and triads (any number) on `allowed`."""

    def place(rest: tuple[int, ...]) -> bool:
        if not rest:
            return True
        first, others = rest[0], rest[1:]
        for size in (1, 2):
            for mates in combinations(others, size):
                fits = all(p in allowed for p in combinations((first, *mates), 2))
                if fits and place(tuple(v for v in others if v not in mates)):
                    return True
        return False

    return place(tuple(range(n)))


@st.composite
def small_classes(draw, most: int = 9):
    """A class of 2..`most` with some pairs kept apart and maybe long-term partners."""
    n = draw(st.integers(2, most))
    students = keys(n)
    pairs = list(combinations(range(n), 2))
    apart = draw(st.lists(st.sampled_from(pairs), max_size=n, unique=True))
    rules = tuple(Rule("keep_apart", (students[a].name, students[b].name)) for a, b in apart)
    plan = long_term_plan(students, n % 2, draw(st.integers(0, 9))) if draw(st.booleans()) else None
    excluded = {
        (a, b) for a, b in pairs if {students[a].name, students[b].name} in _banned(rules, plan)
    }
    return students, rules, plan, set(pairs) - excluded


def _banned(rules, plan):
    banned = [set(r.students) for r in rules]
    for group in plan.partnerships if plan else ():
        banned += [set(p) for p in combinations(group.members, 2)]
    return banned


@PROPERTY
@given(small_classes())
def test_bound_is_never_below_exhaustive_search_and_the_round_is_as_long_as_it(cls):
    students, rules, plan, allowed = cls
    n = len(students)
    longest = longest_round(n, allowed)
    assert no_repeat_bound(students, rules, plan) >= longest
    try:
        weeks = rotate_headline_partners(students, longest + 1, rules, plan)
    except InfeasibleError:
        assert not any_grouping(n, allowed)
    else:
        assert weeks_without_repeat(weeks) == longest or longest == 0


def test_bound_is_exact_for_some_small_classes_and_not_for_others():
    complete = {n: set(combinations(range(n), 2)) for n in (4, 5, 7, 9)}
    assert no_repeat_bound(keys(4)) == longest_round(4, complete[4]) == 3
    assert no_repeat_bound(keys(9)) == longest_round(9, complete[9]) == 6
    # Five students: two triads always share a student, so the second week repeats
    # the first week's pair; counting does not see it.
    assert (no_repeat_bound(keys(5)), longest_round(5, complete[5])) == (2, 1)
    assert (no_repeat_bound(keys(7)), longest_round(7, complete[7])) == (4, 3)


# --- properties over random classes ----------------------------------------------------


@st.composite
def classes(draw):
    """2..24 students; each kept apart (rules or avoid lists) from at most a quarter of
    the class, so that a class of 12 or more always has a week; maybe long-term
    partners (pairs, and triads as the planner makes them)."""
    n = draw(st.integers(2, 24))
    students = list(keys(n))
    names = [s.name for s in students]
    limit = max(1, n // 4)
    taken: Counter[int] = Counter()
    rules = []
    for a, b in draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=n)):
        if a != b and taken[a] < limit and taken[b] < limit:
            taken.update((a, b))
            rules.append(Rule("keep_apart", (names[a], names[b])))
    for a, b in draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=2)):
        if a != b and taken[a] < limit and taken[b] < limit:
            taken.update((a, b))
            students[a] = Student(name=names[a], avoid=(names[b],))
    triads = n % 2 + 2 * draw(st.integers(0, 1))
    triads = triads if 3 * triads <= n else n % 2
    plan = (
        long_term_plan(students, triads, draw(st.integers(0, 9))) if draw(st.booleans()) else None
    )
    return tuple(students), tuple(rules), plan


def excluded(students, rules, plan) -> set[frozenset[str]]:
    banned = {frozenset(b) for b in _banned(rules, plan)}
    return banned | {frozenset((s.name, o)) for s in students for o in s.avoid}


def schedule_or_proof(students, weeks, rules, plan):
    """The schedule, or None once exhaustive search confirms that no week exists."""
    try:
        return rotate_headline_partners(students, weeks, rules, plan)
    except InfeasibleError:
        names = [s.name for s in students]
        banned = excluded(students, rules, plan)
        allowed = {
            (a, b)
            for a, b in combinations(range(len(names)), 2)
            if frozenset((names[a], names[b])) not in banned
        }
        assert len(names) < 12 and not any_grouping(len(names), allowed)
        return None


@PROPERTY
@given(classes(), st.integers(1, 30))
def test_every_week_groups_everyone_once_and_keeps_every_rule(cls, weeks):
    students, rules, plan = cls
    schedule = schedule_or_proof(students, weeks, rules, plan)
    if schedule is not None:
        banned = excluded(students, rules, plan)
        assert len(schedule) == weeks
        for week in schedule:
            assert sorted(m for g in week for m in g) == sorted(s.name for s in students)
            assert all(len(g) in (2, 3) for g in week)
            assert not pairs_of(week) & banned
        assert rotate_headline_partners(students, weeks + 3, rules, plan)[:weeks] == schedule


@PROPERTY
@given(classes())
def test_classes_of_twelve_or_more_come_within_10_percent_of_the_bound(cls):
    students, rules, plan = cls
    bound = no_repeat_bound(students, rules, plan)
    schedule = schedule_or_proof(students, bound + 1, rules, plan)
    if schedule is not None:
        reached = weeks_without_repeat(schedule)
        assert reached >= 1 and (reached <= bound or bound == 0)
        assert len(students) < 12 or reached >= 0.9 * bound


@PROPERTY
@given(classes(), st.integers(1, 12))
def test_weeks_made_one_at_a_time_are_the_schedules_weeks(cls, count):
    students, rules, plan = cls
    schedule = schedule_or_proof(students, count, rules, plan)
    if schedule is None:
        with pytest.raises(InfeasibleError):
            next_headline_week(students, [], rules, plan)
    else:
        made: list = []
        for _ in range(count):
            made.append(next_headline_week(students, made, rules, plan))
        assert made == schedule


# --- weeks made one at a time ----------------------------------------------------------


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
        assert not pairs_of(week) & seen and not pairs_of(week) & partners
        seen |= pairs_of(week)


def test_a_student_joining_mid_year_gets_fresh_pairs_where_possible():
    students = tuple(Student(name=f"S{i:02}") for i in range(10))
    weeks = [next_headline_week(students, [])]
    weeks.append(next_headline_week(students, weeks))
    grown = (*students, Student(name="Nia"))
    week = next_headline_week(grown, weeks)
    assert sorted(m for g in week for m in g) == sorted(s.name for s in grown)
    assert sum(len(g) == 3 for g in week) == 1
    assert not pairs_of(week) & (pairs_of(weeks[0]) | pairs_of(weeks[1]))


def test_a_week_made_again_avoids_every_other_week_and_its_old_self():
    students = keys(15)
    weeks = rotate_headline_partners(students, 6)
    # The web passes every other week, then the week being made again.
    again = next_headline_week(students, [*weeks[:2], *weeks[3:], weeks[2]])
    assert not pairs_of(again) & set().union(*map(pairs_of, weeks))


def test_after_a_hand_made_week_the_next_avoids_the_most_recent_pairs_first():
    students = keys(7)
    weeks = rotate_headline_partners(students, 3)
    assert weeks_without_repeat(weeks) == 3 == longest_round(7, set(combinations(range(7), 2)))
    names = sorted(s.name for s in students)
    # Every pair but two met in those weeks; a hand-made week follows them.
    by_hand = (tuple(names[:3]), tuple(names[3:5]), tuple(names[5:]))
    week = next_headline_week(students, [*weeks, by_hand])
    assert sorted(m for g in week for m in g) == names
    assert not pairs_of(week) & (pairs_of(by_hand) | pairs_of(weeks[2]))
