"""The insights page's content, assembled from per-student columns.

Each column is made by one function of (classroom, history) returning a `Column`, or
None when it has nothing to say for this class (then the page leaves it out). Adding a
column later (a reflection trend, a conference count…) is one function added to
COLUMNS here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from partnerup.choicetime.partners import choice_time_partners
from partnerup.classes.models import Classroom
from partnerup.classes.services import names_of
from partnerup.conferring.models import ConferenceNote
from partnerup.plans.insights import Unchanged, unchanging_partnerships
from partnerup.reflections.models import Reflection

from .history import PartnerHistory, partner_history

# A lead share this far from fair (with enough turns to tell) is named.
UNFAIR_BELOW, UNFAIR_ABOVE, TURNS_TO_TELL = 0.5, 1.5, 4
# A reflection trend compares the last few answers with the few before them; a change
# of a whole face on one of the two questions is a trend.
TREND_WINDOW, TREND_STEP = 3, 1


@dataclass(frozen=True)
class Column:
    title: str
    cells: dict[int, str]  # student id → what the cell says ("" for nothing)


@dataclass(frozen=True)
class Row:
    name: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class ClassInsights:
    titles: tuple[str, ...]
    rows: tuple[Row, ...]
    unchanged: tuple[Unchanged, ...]  # partnerships kept plan after plan
    never_changed: tuple[str, ...]  # names of students who have had one partner only
    never_conferred: tuple[str, ...]  # names of students with no conference note


@dataclass(frozen=True)
class Sources:
    """What column functions read: the class, its names, its partner history and each
    student's number of conference notes (read once: a column and the class list use it)."""

    classroom: Classroom
    names: dict[int, str]
    history: PartnerHistory
    conferences: dict[int, int]


def different_partners(src: Sources) -> Column | None:
    partners = src.history.partners
    if not partners:
        return None
    cells = {pk: str(len(partners.get(pk, ()))) for pk in src.names}
    return Column(_("Different partners"), cells)


def lead_balance(src: Sources) -> Column | None:
    history = src.history
    if not history.turns:
        return None
    cells = {}
    for pk in src.names:
        turns, led, fair = history.turns[pk], history.led[pk], history.fair_share.get(pk, 0)
        if not turns:
            cells[pk] = ""
            continue
        cell = _("led %(led)s of %(turns)s") % {"led": led, "turns": turns}
        if turns >= TURNS_TO_TELL and led < fair * UNFAIR_BELOW:
            cell += " · " + _("leads less than a fair share")
        elif turns >= TURNS_TO_TELL and led > fair * UNFAIR_ABOVE:
            cell += " · " + _("leads more than a fair share")
        cells[pk] = cell
    return Column(_("Turn-and-talks led"), cells)


def choice_time(src: Sources) -> Column | None:
    chose = choice_time_partners(src.classroom.pk)
    if not chose:
        return None
    cells = {
        pk: ", ".join(sorted(src.names[o] for o in chose.get(pk, []) if o in src.names))
        for pk in src.names
    }
    return Column(_("Chose in choice time"), cells)


def conferences(src: Sources) -> Column | None:
    counts = src.conferences
    if not counts:
        return None
    return Column(_("Conferences"), {pk: str(counts.get(pk, 0)) for pk in src.names})


def _conference_counts(classroom: Classroom) -> dict[int, int]:
    notes = ConferenceNote.objects.filter(classroom=classroom).values("student_id")
    return dict(notes.annotate(n=Count("pk")).values_list("student_id", "n"))


def reflection_trend(src: Sources) -> Column | None:
    """How a student's reflections have gone: their count, and whether the last
    TREND_WINDOW answers (comfortable + partner helped) rose or fell from the ones before."""
    said: dict[int, list[int]] = {}
    rows = Reflection.objects.filter(student__classroom=src.classroom).order_by("on", "pk")
    for pk, comfortable, helped in rows.values_list("student_id", "comfortable", "partner_helped"):
        said.setdefault(pk, []).append(comfortable + helped)
    if not said:
        return None
    return Column(_("Reflections"), {pk: _trend_cell(said.get(pk, [])) for pk in src.names})


def _trend_cell(scores: list[int]) -> str:
    if not scores:
        return ""
    count = ngettext("%(n)s reflection", "%(n)s reflections", len(scores)) % {"n": len(scores)}
    recent, before = scores[-TREND_WINDOW:], scores[-2 * TREND_WINDOW : -TREND_WINDOW]
    if not before:
        return count
    change = sum(recent) / len(recent) - sum(before) / len(before)
    if change >= TREND_STEP:
        return count + " · " + _("feeling better")
    if change <= -TREND_STEP:
        return count + " · " + _("feeling worse")
    return count + " · " + _("steady")


COLUMNS: list[Callable[[Sources], Column | None]] = [
    different_partners,
    lead_balance,
    choice_time,
    conferences,
    reflection_trend,
]


def class_insights(classroom: Classroom) -> ClassInsights:
    names = names_of(classroom)
    src = Sources(classroom, names, partner_history(classroom), _conference_counts(classroom))
    columns = [c for c in (make(src) for make in COLUMNS) if c and any(c.cells.values())]
    order = sorted(names, key=lambda pk: (names[pk].casefold(), pk))
    rows = tuple(Row(names[pk], tuple(c.cells.get(pk, "") for c in columns)) for pk in order)
    never = sorted(
        (names[pk] for pk in src.history.never_changed() if pk in names), key=str.casefold
    )
    return ClassInsights(
        titles=tuple(c.title for c in columns),
        rows=rows,
        unchanged=tuple(unchanging_partnerships(classroom)),
        never_changed=tuple(never),
        never_conferred=tuple(names[pk] for pk in order if pk not in src.conferences),
    )


def never_conferred_sentence(count: int) -> str:
    return ngettext(
        "%(count)s student has had no conference yet:",
        "%(count)s students have had no conference yet:",
        count,
    ) % {"count": count}


def never_changed_sentence(count: int) -> str:
    return ngettext(
        "%(count)s student has only ever had one partner:",
        "%(count)s students have only ever had one partner:",
        count,
    ) % {"count": count}
