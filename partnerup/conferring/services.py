"""Conferring: conference notes, the radar, who to see today, next-step groups.

The one place where the conferring pages meet the database and the engine: every
function takes a class the view already scoped to its teacher, and names students
only through `names_of` (id → name).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from partnerup import engine
from partnerup.classes.keys import pks_of
from partnerup.classes.models import Classroom, lock_class
from partnerup.classes.services import names_of
from partnerup.plans.models import Plan
from partnerup.reflections import services as reflections
from partnerup.voice.checklist import SKILL_WORDS

from .models import GREEN_DAYS, YELLOW_DAYS, ConferenceNote, ConferringSettings

RECENT_DAYS = 3  # workshop days before today whose absences count as "back after away"
MOST_IN_A_NOTE = 4  # a partnership, or a triad and its floater


# --- who is in a note


def members_token(pks) -> str:
    """Everyone a note was written to, as stored: sorted ids joined by ","."""
    return ",".join(str(pk) for pk in sorted(set(pks)))


def url_token(pks) -> str:
    """A partnership in a URL: sorted ids joined by "-"."""
    return "-".join(str(pk) for pk in sorted(set(pks)))


def partnership_of(token: str, names: dict[int, str]) -> tuple[int, ...] | None:
    """The students a URL's partnership names, when they are 2 to 4 of the class's
    students (`names`: its students' ids and names); else None."""
    parts = token.split("-")
    if not 2 <= len(parts) <= MOST_IN_A_NOTE or not all(p.isdigit() and len(p) < 12 for p in parts):
        return None
    pks = tuple(sorted({int(p) for p in parts}))
    if len(pks) != len(parts) or not all(pk in names for pk in pks):
        return None
    return pks


def together(names: dict[int, str], pks) -> str:
    return " & ".join(names.get(pk, _("A removed student")) for pk in pks)


def skill_shown(skill: str) -> str:
    """A checklist skill in the teacher's language, or a typed next step as typed."""
    return _(SKILL_WORDS[skill]) if skill in SKILL_WORDS else skill


def current_partnerships(plan: Plan | None) -> list[tuple[int, ...]]:
    if plan is None:
        return []
    groups = (pks_of(g.get("members", [])) for g in plan.arrangement.get("groups", []))
    return [tuple(sorted(pks)) for pks in groups if len(pks) >= 2]


# --- the class's colours


def thresholds(classroom: Classroom) -> ConferringSettings:
    found = ConferringSettings.objects.filter(classroom=classroom).first()
    return found or ConferringSettings(
        classroom=classroom, green_days=GREEN_DAYS, yellow_days=YELLOW_DAYS
    )


def set_thresholds(classroom: Classroom, green_days: int, yellow_days: int) -> None:
    ConferringSettings.objects.update_or_create(
        classroom=classroom, defaults={"green_days": green_days, "yellow_days": yellow_days}
    )


# --- writing a note


@transaction.atomic
def write_note(classroom: Classroom, students: list[int], fields: dict, once: str) -> bool:
    """One note for each of `students` (all of the class: the form checked), written
    together. False, with nothing written, when a note with this form's `once` token
    exists already (a double tap, or the same form sent from a second tablet)."""
    lock_class(classroom)
    if once and ConferenceNote.objects.filter(classroom=classroom, once=once).exists():
        return False
    members = members_token(students)
    ConferenceNote.objects.bulk_create(
        ConferenceNote(classroom=classroom, student_id=pk, members=members, once=once, **fields)
        for pk in sorted(set(students))
    )
    return True


# --- the radar


@dataclass(frozen=True)
class RadarRow:
    pks: tuple[int, ...]
    label: str
    days: int | None  # since the last conference; None: never
    colour: str  # green, yellow, red
    not_this_unit: bool

    timeline_url: str

    @property
    def token(self) -> str:
        return url_token(self.pks)

    @property
    def is_partnership(self) -> bool:
        return len(self.pks) > 1


@dataclass(frozen=True)
class Radar:
    students: list[RadarRow]
    partnerships: list[RadarRow]
    unit: Plan | None
    unit_start: date | None
    green_days: int
    yellow_days: int


def last_conferences(classroom: Classroom) -> dict[int, date]:
    notes = ConferenceNote.objects.filter(classroom=classroom)
    return dict(notes.values("student").annotate(last=Max("date")).values_list("student", "last"))


def _last_by_members(classroom: Classroom) -> dict[str, date]:
    notes = ConferenceNote.objects.filter(classroom=classroom)
    return dict(notes.values("members").annotate(last=Max("date")).values_list("members", "last"))


def unit_start(plan: Plan | None) -> date | None:
    """When the current plan (the unit) started: its start date, else the day it was saved."""
    if plan is None:
        return None
    return plan.starts or (plan.saved.date() if plan.saved else None)


@dataclass(frozen=True)
class Facts:
    """What the conferring pages read of a class, read once per request."""

    names: dict[int, str]
    last_by_student: dict[int, date]
    setting: ConferringSettings
    plan: Plan | None


def facts(classroom: Classroom) -> Facts:
    return Facts(
        names=names_of(classroom),
        last_by_student=last_conferences(classroom),
        setting=thresholds(classroom),
        plan=classroom.current_plan,
    )


def radar(classroom: Classroom, today: date, known: Facts | None = None) -> Radar:
    """Every student and every current partnership, the longest since a conference
    first (never first of all), coloured by the class's thresholds."""
    known = known or facts(classroom)
    names, setting, plan = known.names, known.setting, known.plan
    start = unit_start(plan)
    by_student = known.last_by_student
    by_members = _last_by_members(classroom)
    # One reverse per kind of page, not one per row (a class of 36 has ~50 rows).
    student_url = reverse("conferring:student", args=[classroom.pk, 0]).removesuffix("0/")
    partnership_url = reverse("conferring:partnership", args=[classroom.pk, "0"]).removesuffix("0/")

    def row(pks: tuple[int, ...], last: date | None) -> RadarRow:
        days = (today - last).days if last is not None else None
        timeline = (
            f"{partnership_url}{url_token(pks)}/" if len(pks) > 1 else f"{student_url}{pks[0]}/"
        )
        return RadarRow(
            timeline_url=timeline,
            pks=pks,
            label=together(names, pks),
            days=days,
            colour=engine.conference_colour(days, setting.green_days, setting.yellow_days),
            not_this_unit=start is not None and (last is None or last < start),
        )

    def oldest_first(r: RadarRow) -> tuple:
        return (r.days is not None, -(r.days or 0), r.label.casefold())

    students = [row((pk,), by_student.get(pk)) for pk in names]
    partnerships = [
        row(pks, by_members.get(members_token(pks)))
        for pks in current_partnerships(plan)
        if all(pk in names for pk in pks)
    ]
    return Radar(
        students=sorted(students, key=oldest_first),
        partnerships=sorted(partnerships, key=oldest_first),
        unit=plan,
        unit_start=start,
        green_days=setting.green_days,
        yellow_days=setting.yellow_days,
    )


# --- who to see today


@dataclass(frozen=True)
class ShownSuggestion:
    pk: int
    name: str
    reasons: tuple[str, ...]
    kind: str  # the most urgent reason's kind (engine.ConferenceReason.kind)


def _attention(
    classroom: Classroom, today: date
) -> tuple[list[engine.Attention], list[engine.Attention]]:
    """Open flags (each student a flag is about) and stalled goal check-ins, from the
    reflections app, as engine.Attention lists."""
    flags = [
        engine.Attention(flag.student, flag.reason)
        for flag in reflections.open_flags(classroom, today)
    ]
    stalled = [
        engine.Attention(s.student, s.reason) for s in reflections.stalled_goals(classroom, today)
    ]
    return flags, stalled


def absences(classroom: Classroom, today: date) -> tuple[list[int], dict[int, date]]:
    """Who is away today (from today's workshop day, if it was opened), and who was
    away on one of the last few workshop days before today (→ the latest such day)."""
    days = list(
        classroom.days.filter(date__lte=today)
        .order_by("-date")
        .values_list("date", "absent")[: RECENT_DAYS + 1]
    )
    away_today = list(days[0][1]) if days and days[0][0] == today else []
    lately: dict[int, date] = {}
    for day, absent in days:
        if day < today:
            for pk in absent:
                lately.setdefault(pk, day)
    return away_today, lately


def who_to_see_today(
    classroom: Classroom, today: date, known: Facts | None = None
) -> list[ShownSuggestion]:
    known = known or facts(classroom)
    names = known.names
    away_today, lately = absences(classroom, today)
    flags, stalled = _attention(classroom, today)
    suggestions = engine.who_to_see_today(
        names,
        today,
        known.last_by_student,
        absent_today=away_today,
        away_lately=lately,
        flags=flags,
        stalled_goals=stalled,
        overdue_after=known.setting.yellow_days,
    )
    return [
        ShownSuggestion(
            pk=s.student,
            name=names[s.student],
            reasons=tuple(reason_words(r) for r in s.reasons),
            kind=s.reasons[0].kind,
        )
        for s in suggestions
    ]


def short_day(day: date) -> str:
    return date_format(day, pgettext("date format", "M j"))


def reason_words(reason: engine.ConferenceReason) -> str:
    """The engine's reason in the teacher's language (the same facts as its sentence)."""
    if reason.kind in ("flag", "stalled"):
        return reason.text
    if reason.kind == "back" and reason.since:
        return _("Back after being away on %(day)s.") % {"day": short_day(reason.since)}
    if reason.kind == "never":
        return _("No conference yet.")
    days = reason.days or 0
    return ngettext(
        "Last conference %(days)s day ago.", "Last conference %(days)s days ago.", days
    ) % {"days": days}


# --- group by next step


@dataclass(frozen=True)
class NextStepGroup:
    step: str
    students: tuple[tuple[int, str], ...]  # (id, name), by name


def next_step_groups(
    classroom: Classroom, names: dict[int, str] | None = None
) -> list[NextStepGroup]:
    """Students whose latest note has the same next step (two or more), largest group
    first: ready to pull as a small group."""
    names = names_of(classroom) if names is None else names
    latest: dict[int, str] = {}
    notes = ConferenceNote.objects.filter(classroom=classroom).order_by(
        "student", "-date", "-created", "-pk"
    )
    for pk, step in notes.values_list("student", "next_step"):
        latest.setdefault(pk, step)
    groups: dict[str, list[int]] = defaultdict(list)
    shown: dict[str, str] = {}
    for pk, step in latest.items():
        if step and pk in names:
            key = step.casefold()
            groups[key].append(pk)
            shown.setdefault(key, skill_shown(step))
    found = [
        NextStepGroup(
            step=shown[key],
            students=tuple(sorted(((pk, names[pk]) for pk in pks), key=lambda s: s[1].casefold())),
        )
        for key, pks in groups.items()
        if len(pks) >= 2
    ]
    return sorted(found, key=lambda g: (-len(g.students), g.step.casefold()))
