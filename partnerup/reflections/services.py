"""Goals, partner check-ins, reflections and flags: where these models meet the engine.

Other apps call `open_flags(classroom)` and `stalled_goals(classroom, today)` (e.g. a
"who to see today" list) and `attention(classroom)` for the block on the class page
and Today. Students are ids everywhere; names come from `names_of` when shown.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_noop

from partnerup import engine
from partnerup.classes.keys import key_pk, pks_of, student_key
from partnerup.classes.models import Classroom, Student
from partnerup.classes.services import names_of
from partnerup.voice.checklist import SKILLS, skill_words
from partnerup.voice.models import Answers

from .models import CheckIn, ClosedFlag, GoalWords, Reflection

# The engine's flag sentences, for the catalogue (tests/reflections check they match).
REASON_WORDS = (
    gettext_noop("{student} did not feel comfortable {times} times in a row."),
    gettext_noop("{student} said {times} times in a row that their partner did not help."),
    gettext_noop("{student} gave a sad answer {times} times in a row."),
    gettext_noop(
        "{student} says {partner} helped a lot, but {partner} says {student} did not help."
    ),
    gettext_noop("{student} asked to talk with you about their partnership."),
)
STALLED_REASON = gettext_noop("The last %(n)s check-ins on %(goal)s did not move up.")


# --- names


def first_names(classroom: Classroom) -> dict[int, str]:
    """What classmates see: a first name, or the full name when two share it."""
    names = names_of(classroom)
    firsts = {pk: name.split()[0] if name.split() else name for pk, name in names.items()}
    counts = defaultdict(int)
    for first in firsts.values():
        counts[first] += 1
    return {pk: firsts[pk] if counts[firsts[pk]] == 1 else names[pk] for pk in names}


# --- today's partners


def partners_today(student: Student, today: date) -> list[int]:
    """The student's partners (ids) in today's arrangement (made from the current plan
    if Today was not opened yet); none without a plan or a partnership today."""
    from partnerup.workshop.services import day_for

    day = day_for(student.classroom, today)
    if day is None:
        return []
    key = student_key(student.pk)
    for group in day.arrangement.get("groups", []):
        members = group.get("members", [])
        if key in members:
            return [pk for pk in pks_of(members) if pk != student.pk]
    return []


# --- goals


@dataclass(frozen=True)
class Goal:
    skill: str  # a checklist skill, or ""
    words: str  # the student's own words, or ""

    def __bool__(self) -> bool:
        return bool(self.skill or self.words)

    def shown(self, language: str | None = None) -> str:
        language = language or translation.get_language() or "en"
        parts = [skill_words(self.skill, language)] if self.skill else []
        return " · ".join([*parts, self.words] if self.words else parts)


def goals_of(classroom: Classroom) -> dict[int, Goal]:
    """Every student's current goal (two queries)."""
    skills = dict(
        Answers.objects.filter(student__classroom=classroom).values_list("student_id", "goal")
    )
    words = dict(
        GoalWords.objects.filter(student__classroom=classroom).values_list("student_id", "words")
    )
    return {
        pk: Goal(skills.get(pk, ""), words.get(pk, ""))
        for pk in classroom.students.values_list("pk", flat=True)
    }


def goal_of(student: Student) -> Goal:
    skill = Answers.objects.filter(student=student).values_list("goal", flat=True).first()
    words = GoalWords.objects.filter(student=student).values_list("words", flat=True).first()
    return Goal(skill or "", words or "")


@transaction.atomic
def set_goal_words(student: Student, words: str) -> None:
    GoalWords.objects.update_or_create(student=student, defaults={"words": words})


@transaction.atomic
def set_goal(student: Student, skill: str, words: str) -> None:
    """The teacher sets a student's goal: a checklist skill (or none) and own words.
    The skill is the one the student's goal page shows and planning reads."""
    from django.utils import timezone

    Student.objects.select_for_update().filter(pk=student.pk).exists()
    answers, _ = Answers.objects.get_or_create(student=student)
    if skill != answers.goal:
        answers.goal, answers.goal_at = skill, timezone.now() if skill else None
        answers.save(update_fields=["goal", "goal_at"])
    if skill and skill in SKILLS:
        student.goals = [skill, *(g for g in student.goals if g != skill)]
        student.save(update_fields=["goals"])
    set_goal_words(student, words)


# --- check-ins


class NotPartnerToday(Exception):
    """The classmate is not one of the student's partners today."""


@transaction.atomic
def check_in(student: Student, partner_pk: int, level: int, today: date) -> bool:
    """The student's check-in on a partner's goal today. One per partner per day: a
    second tap with the same answer records nothing (returns False); another answer
    replaces the first. Raises NotPartnerToday for anyone but today's partners."""
    if partner_pk not in partners_today(student, today):
        raise NotPartnerToday
    # The student's row is held until the end, so two taps run one after the other.
    Student.objects.select_for_update().filter(pk=student.pk).exists()
    partner = Student.objects.get(pk=partner_pk, classroom=student.classroom_id)
    goal = goal_of(partner)
    found = CheckIn.objects.filter(student=student, partner=partner, on=today).first()
    if found is not None and found.level == level:
        return False
    CheckIn.objects.update_or_create(
        student=student,
        partner=partner,
        on=today,
        defaults={"level": level, "goal_skill": goal.skill, "goal_words": goal.words},
    )
    return True


def checkins_by(student: Student, today: date) -> dict[int, int]:
    """Today's check-ins the student gave: partner id → level."""
    given = CheckIn.objects.filter(student=student, on=today)
    return dict(given.values_list("partner_id", "level"))


def latest_about(student: Student) -> CheckIn | None:
    """The newest check-in on the student's goal (what "Your partner says" shows)."""
    return CheckIn.objects.filter(partner=student).order_by("-on", "-pk").first()


# --- reflections


def reflection_of(student: Student, today: date) -> Reflection | None:
    return Reflection.objects.filter(student=student, on=today).first()


@transaction.atomic
def reflect(student: Student, today: date, answers: dict) -> Reflection:
    """Save the student's reflection for today (one per day: the same row is changed
    all day, so a double tap records once)."""
    Student.objects.select_for_update().filter(pk=student.pk).exists()
    fields = ("comfortable", "partner_helped", "helped_with", "sentence", "wants_talk")
    reflection, _ = Reflection.objects.update_or_create(
        student=student,
        on=today,
        defaults={
            **{f: answers[f] for f in fields},
            "partners": partners_today(student, today),
        },
    )
    return reflection


# --- flags


@dataclass(frozen=True)
class Quote:
    """A reflection as the teacher reads it under a flag."""

    student: int
    name: str
    on: date
    comfortable: str
    partner_helped: str
    helped_with: tuple[str, ...]
    sentence: str
    wants_talk: bool


@dataclass(frozen=True)
class OpenFlag:
    """A partnership that needs attention: `student` (id) it is about, with `partners`
    (ids); `students` all of them; `reason` in words; `reflections` the ids it came
    from, `quotes` those reflections as the teacher reads them."""

    kind: str
    student: int
    partners: tuple[int, ...]
    reason: str
    on: date
    reflections: tuple[int, ...]
    quotes: tuple[Quote, ...]
    template: str
    times: int
    partnership: str  # the students' names, for the teacher

    @property
    def students(self) -> tuple[int, ...]:
        return (self.student, *self.partners)

    @property
    def token(self) -> str:
        """How the close form names the flag: its kind and reflections."""
        return ",".join(str(pk) for pk in self.reflections)


def reason_in_words(template: str, times: int, students: tuple[int, ...], names) -> str:
    partner = names.get(students[1], "?") if len(students) > 1 else ""
    return gettext(template).format(
        student=names.get(students[0], "?"), partner=partner, times=times
    )


def open_flags(classroom: Classroom) -> list[OpenFlag]:
    """Every open flag of the class, newest first: the engine's flag rules
    (engine.partnership_flags) over the class's reflections, less those the teacher
    closed. Each has the student ids, a reason in words and the reflections quoted.
    A few queries whatever the class's size."""
    rows = list(Reflection.objects.filter(student__classroom=classroom))
    closed = {
        (kind, pk)
        for kind, pks in ClosedFlag.objects.filter(classroom=classroom).values_list(
            "kind", "reflections"
        )
        for pk in pks
    }
    notes = [
        engine.ReflectionNote(
            id=r.pk,
            student=student_key(r.student_id),
            on=r.on,
            partners=tuple(student_key(pk) for pk in r.partners if pk != r.student_id),
            comfortable=r.comfortable,
            partner_helped=r.partner_helped,
            wants_talk=r.wants_talk,
        )
        for r in rows
    ]
    by_pk = {r.pk: r for r in rows}
    names = names_of(classroom)
    found = []
    for flag in engine.partnership_flags(notes, closed):
        students = tuple(pk for pk in map(key_pk, flag.students) if pk is not None)
        found.append(
            OpenFlag(
                kind=flag.kind,
                student=students[0],
                partners=students[1:],
                reason=reason_in_words(flag.template, flag.times, students, names),
                on=flag.on,
                reflections=flag.reflections,
                quotes=tuple(_quote(by_pk[pk], names) for pk in flag.reflections),
                template=flag.template,
                times=flag.times,
                partnership=" & ".join(names.get(pk, "?") for pk in students),
            )
        )
    return found


def _quote(reflection: Reflection, names: dict[int, str]) -> Quote:
    language = translation.get_language() or "en"
    return Quote(
        student=reflection.student_id,
        name=names.get(reflection.student_id, "?"),
        on=reflection.on,
        comfortable=reflection.get_comfortable_display(),
        partner_helped=reflection.get_partner_helped_display(),
        helped_with=tuple(skill_words(s, language) for s in reflection.helped_with),
        sentence=reflection.sentence,
        wants_talk=reflection.wants_talk,
    )


@transaction.atomic
def close_flag(classroom: Classroom, kind: str, reflections: tuple[int, ...], note: str) -> bool:
    """The teacher talked with them: the open flag of this kind from these reflections
    is kept as closed, with the note. False when no such flag is open (closed
    already, e.g. by a double tap)."""
    from partnerup.classes.models import lock_class

    lock_class(classroom)
    flag = next(
        (f for f in open_flags(classroom) if f.kind == kind and f.reflections == reflections),
        None,
    )
    if flag is None:
        return False
    ClosedFlag.objects.create(
        classroom=classroom,
        student_id=flag.student,
        partners=list(flag.partners),
        kind=kind,
        reflections=list(reflections),
        template=flag.template,
        times=flag.times,
        note=note,
    )
    return True


@dataclass(frozen=True)
class PastFlag:
    reason: str
    note: str
    closed: object


def closed_flags(classroom: Classroom) -> list[PastFlag]:
    names = names_of(classroom)
    return [
        PastFlag(
            reason_in_words(f.template, f.times, (f.student_id, *f.partners), names),
            f.note,
            f.closed,
        )
        for f in ClosedFlag.objects.filter(classroom=classroom)
    ]


# --- goal progress


@dataclass(frozen=True)
class Stalled:
    student: int
    reason: str


def _checkins_about(classroom: Classroom) -> dict[int, list[CheckIn]]:
    about: dict[int, list[CheckIn]] = defaultdict(list)
    for checkin in CheckIn.objects.filter(partner__classroom=classroom).order_by("on", "pk"):
        about[checkin.partner_id].append(checkin)
    return about


def stalled_goals(classroom: Classroom, today: date) -> list[Stalled]:
    """Students (ids, with a reason) whose last engine.STALLED_AFTER check-ins on their
    current goal, up to `today`, did not move up (see engine.is_goal_stalled)."""
    goals = goals_of(classroom)
    found = []
    for pk, checkins in _checkins_about(classroom).items():
        goal = goals.get(pk, Goal("", ""))
        levels = [
            c.level
            for c in checkins
            if c.on <= today and (c.goal_skill, c.goal_words) == (goal.skill, goal.words)
        ]
        if engine.is_goal_stalled(levels):
            reason = gettext(STALLED_REASON) % {"n": engine.STALLED_AFTER, "goal": goal.shown()}
            found.append(Stalled(pk, reason))
    return found


@dataclass(frozen=True)
class Progress:
    """A student's goal and the check-ins on it, oldest first (the last few)."""

    student: int
    name: str
    goal: str
    checkins: tuple[tuple[date, str, int], ...]  # (day, who said it, level)
    is_stalled: bool


RECENT = 8  # check-ins shown per student


def goal_progress(classroom: Classroom, today: date) -> list[list[Progress]]:
    """Each of today's partnerships (else each student alone) with each member's goal
    and the last check-ins on it, for the teacher."""
    from partnerup.workshop.services import day_for

    names = first_names(classroom)
    full = names_of(classroom)
    goals = goals_of(classroom)
    about = _checkins_about(classroom)
    stalled = {s.student for s in stalled_goals(classroom, today)}
    day = day_for(classroom, today)
    groups = [
        pks_of(g.get("members", [])) for g in (day.arrangement if day else {}).get("groups", [])
    ]
    placed = {pk for group in groups for pk in group}
    groups += [[pk] for pk in full if pk not in placed]

    def progress(pk: int) -> Progress:
        recent = about.get(pk, [])[-RECENT:]
        return Progress(
            pk,
            full[pk],
            goals.get(pk, Goal("", "")).shown(),
            tuple((c.on, names.get(c.student_id, "?"), c.level) for c in recent),
            pk in stalled,
        )

    return [[progress(pk) for pk in group if pk in full] for group in groups if group]


def attention(classroom: Classroom) -> dict:
    """The block on the class page and Today: the open flags with their reflections."""
    return {"flags": open_flags(classroom), "classroom": classroom}


def forget(classroom: Classroom, pks: set[int]) -> None:
    """Students removed from the class: their own rows go by cascade; here their ids
    leave classmates' reflections and closed flags (as partners named there)."""
    for reflection in Reflection.objects.filter(student__classroom=classroom):
        kept = [pk for pk in reflection.partners if pk not in pks]
        if kept != reflection.partners:
            Reflection.objects.filter(pk=reflection.pk).update(partners=kept)
    for flag in ClosedFlag.objects.filter(classroom=classroom):
        kept = [pk for pk in flag.partners if pk not in pks]
        if kept != flag.partners:
            ClosedFlag.objects.filter(pk=flag.pk).update(partners=kept)
