"""Partnerships that need the teacher's attention, read from students' reflections,
and goals whose check-ins have stalled.

Pure functions over frozen values: no clock, no database. Students are named by the
caller's keys (the web passes `keys.student_key(id)`), reflections by the caller's ids.

The rules, each a true sentence about the reflections it came from:

- low_twice: a student gave a low answer (a sad face for "Did you feel comfortable?"
  or "Did your partner help you?") in two or more reflections in a row;
- disagree: on the same day one partner says the other helped a lot while the other
  says they were not helped at all;
- asks_to_talk: a student asked to talk with the teacher about their partnership.

A closed flag ("talked with them") is never raised again by the same reflections: a
reflection that a closed flag of one kind came from raises no flag of that kind again,
so after a talk the count of low answers starts again.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .errors import InputError

NOT_YET, STARTING_TO, YES = 1, 2, 3
GOAL_LEVELS = (NOT_YET, STARTING_TO, YES)  # a goal check-in: Not yet / Starting to / Yes!
SAD, OKAY, HAPPY = 1, 2, 3
FACES = (SAD, OKAY, HAPPY)  # a reflection's answers, one face each
STALLED_AFTER = 3  # check-ins that did not move up before a goal counts as stalled

FLAG_KINDS = ("low_twice", "disagree", "asks_to_talk")
# The sentences, with {student} and {partner} for the caller's keys (the web app keeps
# a translatable copy of each: reflections/flags.py).
LOW_COMFORT_TWICE = "{student} did not feel comfortable {times} times in a row."
LOW_HELP_TWICE = "{student} said {times} times in a row that their partner did not help."
LOW_TWICE = "{student} gave a sad answer {times} times in a row."
DISAGREE = "{student} says {partner} helped a lot, but {partner} says {student} did not help."
ASKS_TO_TALK = "{student} asked to talk with you about their partnership."
REASONS = (LOW_COMFORT_TWICE, LOW_HELP_TWICE, LOW_TWICE, DISAGREE, ASKS_TO_TALK)


@dataclass(frozen=True)
class ReflectionNote:
    """One student's reflection on one day, as the flag rules read it.

    `partners` are the student's partners that day; `comfortable` and
    `partner_helped` are faces (SAD, OKAY, HAPPY). Raises InputError otherwise.
    """

    id: int
    student: str
    on: date
    partners: tuple[str, ...]
    comfortable: int
    partner_helped: int
    wants_talk: bool = False

    def __post_init__(self) -> None:
        for answer in (self.comfortable, self.partner_helped):
            if answer not in FACES:
                raise InputError(f"a reflection's answer is one of {FACES}, not {answer!r}")
        if self.student in self.partners:
            raise InputError("a student is not their own partner")

    @property
    def is_low(self) -> bool:
        return SAD in (self.comfortable, self.partner_helped)


@dataclass(frozen=True)
class Flag:
    """A partnership that needs attention: `students` the one it is about first, then
    their partners; `reflections` the ids it came from, oldest first; `reason` the
    sentence (`template` filled with `times` and the students' keys)."""

    kind: str
    students: tuple[str, ...]
    reflections: tuple[int, ...]
    on: date  # the day of its newest reflection
    template: str
    times: int = 1

    @property
    def reason(self) -> str:
        partner = self.students[1] if len(self.students) > 1 else ""
        return self.template.format(student=self.students[0], partner=partner, times=self.times)


def partnership_flags(
    reflections: Iterable[ReflectionNote], closed: Collection[tuple[str, int]] = ()
) -> tuple[Flag, ...]:
    """Every flag the reflections raise, newest first (then by kind and students).

    `closed` holds (kind, reflection id) for each reflection a closed flag came from:
    those reflections raise no flag of that kind again.
    """
    notes = sorted(reflections, key=lambda r: (r.on, r.id))
    found = [*_low_twice(notes, closed), *_disagreements(notes, closed)]
    found += [
        Flag("asks_to_talk", (r.student, *r.partners), (r.id,), r.on, ASKS_TO_TALK)
        for r in notes
        if r.wants_talk and ("asks_to_talk", r.id) not in closed
    ]
    return tuple(sorted(found, key=lambda f: (-f.on.toordinal(), f.kind, f.students)))


def _low_twice(notes: Sequence[ReflectionNote], closed: Collection[tuple[str, int]]) -> list[Flag]:
    by_student: dict[str, list[ReflectionNote]] = {}
    for note in notes:
        by_student.setdefault(note.student, []).append(note)
    flags = []
    for own in by_student.values():
        run: list[ReflectionNote] = []
        for note in own:
            if note.is_low and ("low_twice", note.id) not in closed:
                run.append(note)
                continue
            if len(run) >= 2:
                flags.append(_low_flag(run))
            run = []
        if len(run) >= 2:
            flags.append(_low_flag(run))
    return flags


def _low_flag(run: list[ReflectionNote]) -> Flag:
    last = run[-1]
    if all(r.comfortable == SAD for r in run):
        template = LOW_COMFORT_TWICE
    elif all(r.partner_helped == SAD for r in run):
        template = LOW_HELP_TWICE
    else:
        template = LOW_TWICE
    return Flag(
        "low_twice",
        (last.student, *last.partners),
        tuple(r.id for r in run),
        last.on,
        template,
        times=len(run),
    )


def _disagreements(
    notes: Sequence[ReflectionNote], closed: Collection[tuple[str, int]]
) -> list[Flag]:
    """Same day, partners of each other: one HAPPY about the other's help, the other SAD."""
    by_day = {(n.student, n.on): n for n in notes}
    flags = []
    for helped in notes:
        if helped.partner_helped != HAPPY:
            continue
        for partner in helped.partners:
            other = by_day.get((partner, helped.on))
            if other is None or other.partner_helped != SAD:
                continue
            if helped.student not in other.partners:
                continue  # not partners of each other that day (a three, changed later)
            if ("disagree", helped.id) in closed or ("disagree", other.id) in closed:
                continue
            flags.append(
                Flag(
                    "disagree",
                    (helped.student, partner),
                    tuple(sorted((helped.id, other.id))),
                    helped.on,
                    DISAGREE,
                )
            )
    return flags


def is_goal_stalled(levels: Sequence[int], window: int = STALLED_AFTER) -> bool:
    """Whether a goal's check-ins (GOAL_LEVELS, oldest first) have stalled: there are at
    least `window` of them, none of the last `window` is higher than the one before it,
    and none of them says YES (a goal reached is not stalled).

    Raises InputError for a level outside GOAL_LEVELS or a window under 2.
    """
    if window < 2:
        raise InputError("a goal can only stall over two check-ins or more")
    for level in levels:
        if level not in GOAL_LEVELS:
            raise InputError(f"a goal check-in is one of {GOAL_LEVELS}, not {level!r}")
    last = list(levels[-window:])
    if len(last) < window or YES in last:
        return False
    return all(later <= earlier for earlier, later in zip(last, last[1:], strict=False))
