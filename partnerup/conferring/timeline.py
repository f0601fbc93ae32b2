"""A student's or a partnership's year as one list, newest first: conference notes,
the partners each saved plan gave them, the days away, and, for the last
RECENT_DAYS workshop days, the days they worked with others than the plan's partners
(a year of stored days is read for absences only, which keeps the page fast).

Goal check-ins, reflections and closed flags (the reflections app) join as entries
of their own. Built from `TimelineEntry` values, newest first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from partnerup.classes.keys import pks_of
from partnerup.classes.models import Classroom
from partnerup.classes.services import names_of
from partnerup.reflections.models import CheckIn, ClosedFlag, Reflection

from .models import ConferenceNote
from .services import skill_shown, together

RECENT_DAYS = 30
# On one date, a note comes before the day's partners, and those before the plan.
ORDER = {"note": 0, "flag": 1, "reflection": 2, "checkin": 3, "away": 4, "changed": 5, "plan": 6}


@dataclass(frozen=True)
class TimelineEntry:
    date: date
    kind: str  # note, plan, away, changed (more kinds may join)
    title: str
    lines: tuple[tuple[str, str], ...] = field(default=())  # (label, text)


def newest_first(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    return sorted(entries, key=lambda e: (-e.date.toordinal(), ORDER.get(e.kind, 9), e.title))


def student_timeline(
    classroom: Classroom, pk: int, names: dict[int, str] | None = None
) -> list[TimelineEntry]:
    names = names_of(classroom) if names is None else names
    notes = ConferenceNote.objects.filter(classroom=classroom, student_id=pk)
    entries = [_note_entry(note, names) for note in notes]
    plans = _saved_plans(classroom)
    for starts, title, groups in plans.values():
        for group in groups:
            if pk in group:
                others = [p for p in group if p != pk]
                entries.append(
                    TimelineEntry(
                        starts,
                        "plan",
                        _("Partners in “%(plan)s”: %(names)s")
                        % {"plan": title, "names": together(names, others) or _("nobody")},
                    )
                )
    entries += [
        TimelineEntry(day, "away", _("Away"))
        for day, absent in _absences(classroom)
        if pk in absent
    ]
    entries += _voice_entries(classroom, (pk,), names)
    for day, absent, groups, plan_id in _recent_days(classroom):
        if pk in absent:
            continue
        mine = next((g for g in groups if pk in g), None)
        planned = next((g for g in plans.get(plan_id, (0, 0, []))[2] if pk in g), None)
        if mine is not None and planned is not None and set(mine) != set(planned):
            others = [p for p in mine if p != pk]
            entries.append(
                TimelineEntry(
                    day,
                    "changed",
                    _("Worked with %(names)s (not the plan's partners)")
                    % {"names": together(names, others) or _("the teacher")},
                )
            )
    return newest_first(entries)


def partnership_timeline(
    classroom: Classroom, pks: tuple[int, ...], names: dict[int, str] | None = None
) -> list[TimelineEntry]:
    names = names_of(classroom) if names is None else names
    notes = ConferenceNote.objects.filter(classroom=classroom, student_id__in=pks)
    seen: set[tuple[str, str, date]] = set()
    entries = []
    for note in notes:
        # A note written to the partnership is one row per member: show it once.
        if (note.once, note.members, note.date) in seen and note.once:
            continue
        seen.add((note.once, note.members, note.date))
        entries.append(_note_entry(note, names))
    wanted = set(pks)
    for starts, title, groups in _saved_plans(classroom).values():
        if any(wanted <= set(group) for group in groups):
            entries.append(
                TimelineEntry(starts, "plan", _("Partners in “%(plan)s”") % {"plan": title})
            )
    for day, absent in _absences(classroom):
        away = [pk for pk in pks if pk in absent]
        if away:
            entries.append(
                TimelineEntry(day, "away", _("Away: %(names)s") % {"names": together(names, away)})
            )
    entries += _voice_entries(classroom, pks, names)
    return newest_first(entries)


def _voice_entries(
    classroom: Classroom, pks: tuple[int, ...], names: dict[int, str]
) -> list[TimelineEntry]:
    """What the students said (their reflections, check-ins on their goals) and the
    flags the teacher closed with them."""
    entries = []
    for r in Reflection.objects.filter(student_id__in=pks):
        lines = [
            (_("Comfortable?"), r.get_comfortable_display()),
            (_("Partner helped?"), r.get_partner_helped_display()),
        ]
        if r.helped_with:
            lines.append((_("Helped with"), ", ".join(skill_shown(s) for s in r.helped_with)))
        if r.sentence:
            lines.append((_("In their words"), r.sentence))
        if r.wants_talk:
            lines.append((_("Asked"), _("to talk with you about their partnership")))
        title = _("%(name)s reflected") % {"name": names.get(r.student_id, "")}
        entries.append(TimelineEntry(r.on, "reflection", title, tuple(lines)))
    for c in CheckIn.objects.filter(partner_id__in=pks):
        said = {"who": names.get(c.student_id, ""), "name": names.get(c.partner_id, "")}
        title = _("%(who)s checked in on %(name)s's goal") % said
        goal = skill_shown(c.goal_skill) if c.goal_skill else c.goal_words
        lines = ((_("Goal"), goal), (_("Check-in"), c.get_level_display()))
        entries.append(TimelineEntry(c.on, "checkin", title, lines))
    for f in ClosedFlag.objects.filter(classroom=classroom, student_id__in=pks):
        title = _("Talked with them about a flag")
        lines = ((_("Note"), f.note),) if f.note else ()
        entries.append(TimelineEntry(timezone.localdate(f.closed), "flag", title, lines))
    return entries


def _note_entry(note: ConferenceNote, names: dict[int, str]) -> TimelineEntry:
    pks = [int(p) for p in note.members.split(",") if p.isdigit()]
    lines = [
        (_("Support"), note.get_support_display()),
        (_("Compliment"), note.compliment),
        (_("Teaching point"), note.teaching_point),
        (_("Next step"), skill_shown(note.next_step) if note.next_step else ""),
    ]
    return TimelineEntry(
        note.date,
        "note",
        _("Conference with %(names)s: %(skill)s")
        % {"names": together(names, pks), "skill": skill_shown(note.skill)},
        tuple((label, text) for label, text in lines if text),
    )


def _saved_plans(classroom: Classroom) -> dict[int, tuple[date, str, list[list[int]]]]:
    """Each saved plan: (the day it started, its name, its partnerships as ids)."""
    found = {}
    for plan in classroom.plans.filter(is_draft=False).only(
        "pk", "name", "starts", "saved", "created", "arrangement"
    ):
        starts = plan.starts or (plan.saved or plan.created).date()
        groups = [pks_of(g.get("members", [])) for g in plan.arrangement.get("groups", [])]
        found[plan.pk] = (starts, plan.name or _("Plan"), groups)
    return found


def _absences(classroom: Classroom):
    for day, absent in classroom.days.values_list("date", "absent"):
        yield day, set(absent)


def _recent_days(classroom: Classroom):
    recent = classroom.days.order_by("-date").values_list(
        "date", "absent", "arrangement", "plan_id"
    )
    for day, absent, arrangement, plan_id in recent[:RECENT_DAYS]:
        groups = [pks_of(g.get("members", [])) for g in arrangement.get("groups", [])]
        yield day, set(absent), groups, plan_id
