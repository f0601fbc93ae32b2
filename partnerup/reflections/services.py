"""Goals, partner check-ins, reflections and flags: where these models meet the engine.

Other apps call `open_flags(classroom)` and `stalled_goals(classroom, today)` (e.g. a
"who to see today" list) and `attention(classroom)` for the block on the class page
and Today. Students are ids everywhere; names come from `names_of` when shown.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from partnerup import engine
from partnerup.classes.keys import key_pk, pks_of, student_key
from partnerup.classes.models import Classroom, Student
from partnerup.classes.services import names_of
from partnerup.voice.checklist import SKILLS, skill_words
from partnerup.voice.models import Answers

from .models import FACE_CHOICES, CheckIn, ClosedFlag, GoalWords, Reflection

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


FLAG_DAYS = 28  # reflections older than four weeks raise no flag any more


def open_flags(classroom: Classroom, today: date | None = None) -> list[OpenFlag]:
    """Every open flag of the class, newest first: the engine's flag rules
    (engine.partnership_flags) over the class's reflections of the last FLAG_DAYS
    days, less those the teacher closed. Each has the student ids, a reason in words
    and the reflections quoted. Four queries whatever the class's size."""
    since = (today or timezone.localdate()) - timedelta(days=FLAG_DAYS)
    rows = Reflection.objects.filter(student__classroom=classroom, on__gte=since).values_list(
        "pk", "student_id", "on", "partners", "comfortable", "partner_helped", "wants_talk"
    )
    closed = {
        (kind, pk)
        for kind, pks in ClosedFlag.objects.filter(classroom=classroom).values_list(
            "kind", "reflections"
        )
        for pk in pks
    }
    notes = [
        engine.ReflectionNote(
            id=pk,
            student=student_key(student),
            on=on,
            partners=tuple(student_key(p) for p in partners if p != student),
            comfortable=comfortable,
            partner_helped=helped,
            wants_talk=wants_talk,
        )
        for pk, student, on, partners, comfortable, helped, wants_talk in rows
    ]
    flags = engine.partnership_flags(notes, closed)
    quoted = {pk for flag in flags for pk in flag.reflections}
    by_pk = {
        row["pk"]: row
        for row in Reflection.objects.filter(pk__in=quoted).values(
            "pk", "student_id", "on", "comfortable", "partner_helped", "helped_with",
            "sentence", "wants_talk",
        )
    } if quoted else {}  # fmt: skip
    names = names_of(classroom)
    quote = _quoting(names)
    found = []
    for flag in flags:
        students = tuple(pk for pk in map(key_pk, flag.students) if pk is not None)
        found.append(
            OpenFlag(
                kind=flag.kind,
                student=students[0],
                partners=students[1:],
                reason=reason_in_words(flag.template, flag.times, students, names),
                on=flag.on,
                reflections=flag.reflections,
                quotes=tuple(quote(by_pk[pk]) for pk in flag.reflections),
                template=flag.template,
                times=flag.times,
                partnership=" & ".join(names.get(pk, "?") for pk in students),
            )
        )
    return found


def _quoting(names: dict[int, str]):
    """A function from a reflection's values to its Quote, with every word looked up
    once (a page may quote hundreds of reflections)."""
    language = translation.get_language() or "en"
    faces = {value: str(words) for value, words in FACE_CHOICES}
    skills = {skill: skill_words(skill, language) for skill in SKILLS}

    def quote(row: dict) -> Quote:
        return Quote(
            student=row["student_id"],
            name=names.get(row["student_id"], "?"),
            on=row["on"],
            comfortable=faces.get(row["comfortable"], ""),
            partner_helped=faces.get(row["partner_helped"], ""),
            helped_with=tuple(skills.get(s, s) for s in row["helped_with"]),
            sentence=row["sentence"],
            wants_talk=row["wants_talk"],
        )

    return quote


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


@dataclass(frozen=True)
class _Said:
    """A check-in as the teacher's page reads it."""

    by: int
    on: date
    level: int
    goal: tuple[str, str]


CHECKIN_DAYS = 60  # progress shows the last few check-ins; older ones are not read


def _checkins_about(classroom: Classroom, today: date) -> dict[int, list[_Said]]:
    """Each student's check-ins from partners in the CHECKIN_DAYS up to `today` (by
    the student it is about), oldest first."""
    about: dict[int, list[_Said]] = defaultdict(list)
    since = today - timedelta(days=CHECKIN_DAYS)
    rows = CheckIn.objects.filter(
        partner__classroom=classroom, on__gte=since, on__lte=today
    ).order_by("on", "pk")
    for partner, by, on, level, skill, words in rows.values_list(
        "partner_id", "student_id", "on", "level", "goal_skill", "goal_words"
    ):
        about[partner].append(_Said(by, on, level, (skill, words)))
    return about


def stalled_goals(classroom: Classroom, today: date) -> list[Stalled]:
    """Students (ids, with a reason) whose last engine.STALLED_AFTER check-ins on their
    current goal, up to `today` (within CHECKIN_DAYS), did not move up (see
    engine.is_goal_stalled)."""
    return _stalled(goals_of(classroom), _checkins_about(classroom, today), today)


def _stalled(goals: dict[int, Goal], about: dict[int, list[_Said]], today: date) -> list[Stalled]:
    found = []
    for pk, said in about.items():
        goal = goals.get(pk, Goal("", ""))
        levels = [s.level for s in said if s.goal == (goal.skill, goal.words)]
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

    names = full = names_of(classroom)
    goals = goals_of(classroom)
    about = _checkins_about(classroom, today)
    stalled = {s.student for s in _stalled(goals, about, today)}
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
            tuple((s.on, names.get(s.by, "?"), s.level) for s in recent),
            pk in stalled,
        )

    return [[progress(pk) for pk in group if pk in full] for group in groups if group]


ATTENTION_MOST = 5  # flags on the class page and Today; the rest on the flags page


def attention(classroom: Classroom) -> dict:
    """The block on the class page and Today: the newest open flags with their
    reflections, and how many more the flags page has."""
    flags = open_flags(classroom)
    return {
        "flags": flags[:ATTENTION_MOST],
        "total": len(flags),
        "more": len(flags) - ATTENTION_MOST,
    }


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
