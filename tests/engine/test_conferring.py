"""Who to see today: 3–5 conferences, each with true reasons, absent students never."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerup.engine import Attention, conference_colour, who_to_see_today

TODAY = date(2026, 11, 16)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def test_an_absent_student_is_never_proposed_even_when_flagged():
    found = who_to_see_today(
        [1, 2, 3, 4], TODAY, {}, absent_today=[2], flags=[Attention(2, "Upset with partner")]
    )
    assert 2 not in [s.student for s in found]


def test_flagged_comes_before_merely_overdue():
    last = {1: ago(60), 2: ago(3), 3: ago(40)}
    found = who_to_see_today([1, 2, 3], TODAY, last, flags=[Attention(2, "Says partner is mean")])
    assert [s.student for s in found] == [2, 1, 3]
    assert found[0].reasons[0].kind == "flag" and found[0].reasons[0].text == "Says partner is mean"


def test_a_stalled_goal_comes_after_a_flag_and_before_a_return_from_absence():
    last = {pk: ago(5) for pk in (1, 2, 3)}
    found = who_to_see_today(
        [1, 2, 3],
        TODAY,
        last,
        away_lately={1: ago(1)},
        flags=[Attention(3, "flag")],
        stalled_goals=[Attention(2, "No check-in for 3 weeks")],
    )
    assert [(s.student, s.reasons[0].kind) for s in found] == [
        (3, "flag"),
        (2, "stalled"),
        (1, "back"),
    ]


def test_back_after_absence_is_not_proposed_when_conferred_with_since():
    last = {1: ago(1), 2: ago(5), 3: ago(6)}
    found = who_to_see_today([1, 2, 3], TODAY, last, away_lately={1: ago(2)})
    assert all(r.kind != "back" for s in found for r in s.reasons)


def test_never_conferred_with_comes_before_overdue_and_the_oldest_first():
    last = {1: ago(30), 2: ago(50), 4: ago(2)}
    found = who_to_see_today([1, 2, 3, 4], TODAY, last, overdue_after=24)
    assert [s.student for s in found] == [3, 2, 1]
    assert [s.reasons[0].kind for s in found] == ["never", "overdue", "overdue"]
    assert found[1].reasons[0].days == 50


def test_at_most_five_even_when_everyone_is_overdue():
    found = who_to_see_today(range(1, 25), TODAY, {})
    assert [s.student for s in found] == [1, 2, 3, 4, 5]


def test_at_least_three_by_longest_since_a_conference_when_nobody_is_urgent():
    last = {1: ago(1), 2: ago(4), 3: ago(2), 4: ago(3)}
    found = who_to_see_today([1, 2, 3, 4], TODAY, last)
    assert [s.student for s in found] == [2, 4, 3]
    assert [s.reasons[0].kind for s in found] == ["longest"] * 3


def test_a_student_conferred_with_today_is_not_proposed_again():
    found = who_to_see_today([1, 2, 3, 4], TODAY, {1: TODAY}, flags=[Attention(1, "x")])
    assert [s.student for s in found] == [2, 3, 4]


def test_ties_are_broken_by_student_id_whatever_the_input_order():
    last = {pk: ago(30) for pk in (7, 3, 9, 1)}
    assert who_to_see_today([9, 7, 3, 1], TODAY, last) == who_to_see_today(
        [1, 3, 7, 9], TODAY, last
    )
    assert [s.student for s in who_to_see_today([9, 7, 3, 1], TODAY, last)] == [1, 3, 7, 9]


def test_fewer_than_one_allowed_is_refused():
    with pytest.raises(ValueError):
        who_to_see_today([1], TODAY, {}, most=0)


def test_the_radar_colours_follow_the_thresholds():
    assert [conference_colour(d, 10, 24) for d in (0, 10, 11, 24, 25, None)] == [
        "green", "green", "yellow", "yellow", "red", "red",
    ]  # fmt: skip


students = st.sets(st.integers(1, 40), max_size=36)


@given(
    present=students,
    absent=students,
    last=st.dictionaries(st.integers(1, 40), st.integers(0, 400), max_size=40),
    away=st.dictionaries(st.integers(1, 40), st.integers(1, 10), max_size=10),
    flagged=students,
    stalled=students,
    overdue=st.integers(1, 60),
)
def test_every_suggestion_is_true_and_the_count_is_three_to_five(
    present, absent, last, away, flagged, stalled, overdue
):
    last_dates = {pk: ago(days) for pk, days in last.items()}
    away_dates = {pk: ago(days) for pk, days in away.items()}
    found = who_to_see_today(
        present,
        TODAY,
        last_dates,
        absent_today=absent,
        away_lately=away_dates,
        flags=[Attention(pk, f"flag {pk}") for pk in flagged],
        stalled_goals=[Attention(pk, f"goal {pk}") for pk in stalled],
        overdue_after=overdue,
    )
    proposed = [s.student for s in found]
    available = [pk for pk in present if pk not in absent and last.get(pk) != 0]
    assert len(proposed) == len(set(proposed)) <= 5
    assert len(proposed) >= min(3, len(available))
    assert set(proposed) <= set(available)
    for s in found:
        assert s.reasons
        for reason in s.reasons:
            pk = s.student
            if reason.kind == "flag":
                assert pk in flagged and reason.text == f"flag {pk}"
            elif reason.kind == "stalled":
                assert pk in stalled and reason.text == f"goal {pk}"
            elif reason.kind == "back":
                assert away_dates[pk] == reason.since and pk not in absent
            elif reason.kind == "never":
                assert pk not in last
            else:
                assert reason.days == last[pk]
                assert reason.kind != "overdue" or last[pk] > overdue
    urgencies = [s.urgency for s in found]
    assert urgencies == sorted(urgencies)
    if any(pk in flagged for pk in available):
        assert found[0].reasons[0].kind == "flag"
