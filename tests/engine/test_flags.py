from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerup.engine import (
    FACES,
    GOAL_LEVELS,
    InputError,
    ReflectionNote,
    is_goal_stalled,
    partnership_flags,
)

MONDAY = date(2026, 9, 14)


def note(id, student="Ana", day=0, partners=("Ben",), comfortable=3, helped=3, talk=False):
    return ReflectionNote(
        id=id,
        student=student,
        on=MONDAY + timedelta(days=day),
        partners=tuple(partners),
        comfortable=comfortable,
        partner_helped=helped,
        wants_talk=talk,
    )


def test_a_low_answer_twice_in_a_row_flags_the_partnership_with_both_reflections():
    flags = partnership_flags([note(1, comfortable=1), note(2, day=1, comfortable=1)])
    assert [(f.kind, f.students, f.reflections) for f in flags] == [
        ("low_twice", ("Ana", "Ben"), (1, 2))
    ]
    assert flags[0].reason == "Ana did not feel comfortable 2 times in a row."


def test_a_low_answer_once_or_with_a_happy_day_between_flags_nothing():
    assert partnership_flags([note(1, helped=1)]) == ()
    notes = [note(1, helped=1), note(2, day=1), note(3, day=2, helped=1)]
    assert partnership_flags(notes) == ()


def test_three_low_days_make_one_flag_that_says_three_times():
    notes = [note(n, day=n, helped=1) for n in range(3)]
    (flag,) = partnership_flags(notes)
    assert flag.reflections == (0, 1, 2)
    assert flag.reason == "Ana said 3 times in a row that their partner did not help."


def test_partners_who_disagree_sharply_on_the_same_day_are_flagged():
    notes = [note(1, helped=3), note(2, student="Ben", partners=("Ana",), helped=1)]
    (flag,) = partnership_flags(notes)
    assert flag.kind == "disagree" and flag.reflections == (1, 2)
    assert flag.reason == "Ana says Ben helped a lot, but Ben says Ana did not help."


def test_disagreeing_on_different_days_or_mildly_is_not_flagged():
    later = note(2, student="Ben", partners=("Ana",), day=1, helped=1)
    mild = note(3, student="Ben", partners=("Ana",), helped=2)
    assert partnership_flags([note(1, helped=3), later]) == ()
    assert partnership_flags([note(1, helped=3), mild]) == ()


def test_asking_to_talk_flags_at_once():
    (flag,) = partnership_flags([note(7, talk=True)])
    assert flag.kind == "asks_to_talk" and flag.reflections == (7,)
    assert flag.reason == "Ana asked to talk with you about their partnership."


def test_a_closed_flag_is_not_raised_again_by_the_same_reflections():
    notes = [note(1, comfortable=1), note(2, day=1, comfortable=1, talk=True)]
    closed = {("low_twice", 1), ("low_twice", 2), ("asks_to_talk", 2)}
    assert partnership_flags(notes, closed) == ()
    # After the talk, two new low answers are needed.
    third = note(3, day=2, comfortable=1)
    assert partnership_flags([*notes, third], closed) == ()
    (flag,) = partnership_flags([*notes, third, note(4, day=3, comfortable=1)], closed)
    assert flag.reflections == (3, 4)


def test_a_reflection_refuses_an_answer_that_is_not_a_face():
    with pytest.raises(InputError):
        note(1, comfortable=4)
    with pytest.raises(InputError):
        note(1, partners=("Ana",))


def test_a_goal_stalls_when_three_check_ins_do_not_move_up():
    assert is_goal_stalled([1, 1, 1])
    assert is_goal_stalled([2, 2, 1])
    assert not is_goal_stalled([1, 1, 2])
    assert not is_goal_stalled([1, 1])
    assert not is_goal_stalled([2, 3, 3])
    with pytest.raises(InputError):
        is_goal_stalled([1, 5, 1])


faces = st.sampled_from(FACES)
students = ("Ana", "Ben", "Cy", "Dee")


@st.composite
def reflections(draw):
    notes = []
    for n in range(draw(st.integers(0, 12))):
        student = draw(st.sampled_from(students))
        partner = draw(st.sampled_from([s for s in students if s != student]))
        day = draw(st.integers(0, 5))
        notes.append(
            note(n, student, day, (partner,), draw(faces), draw(faces), draw(st.booleans()))
        )
    return notes


@given(reflections())
def test_every_flag_comes_from_the_reflections_it_names_and_names_their_students(notes):
    by_id = {n.id: n for n in notes}
    for flag in partnership_flags(notes):
        sources = [by_id[i] for i in flag.reflections]
        assert {s.student for s in sources} <= set(flag.students)
        assert flag.students[0] in flag.reason
        if flag.kind == "low_twice":
            assert len(sources) >= 2 and all(s.is_low for s in sources)
        if flag.kind == "asks_to_talk":
            assert sources[0].wants_talk


@given(reflections())
def test_closing_every_flag_leaves_no_flag(notes):
    closed = {(f.kind, i) for f in partnership_flags(notes) for i in f.reflections}
    assert partnership_flags(notes, closed) == ()


@given(st.lists(st.sampled_from(GOAL_LEVELS), max_size=8))
def test_a_goal_that_just_moved_up_or_reached_yes_is_never_stalled(levels):
    if len(levels) >= 2 and (levels[-1] > levels[-2] or levels[-1] == 3):
        assert not is_goal_stalled(levels)
