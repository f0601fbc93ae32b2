"""Who to see today: the teacher's 3–5 conferences, each with its true reasons.

Invariants of `who_to_see_today` (tests/engine/test_conferring.py checks each):
- a student absent today is never proposed, nor one already conferred with today,
  nor anybody outside `present`;
- at most `most` students (5), and at least `fewest` (3) when that many are present
  and not yet conferred with today;
- every reason is true of its student (a flag or a stalled goal given for them, an
  absence on the date named, the days since their last conference as given);
- an open flag comes before a stalled goal, which comes before a return from absence,
  which comes before merely being overdue; then the longest since a conference first
  (never conferred with counts as longest), then the lower student id — so the same
  signals always give the same list.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

FLAG, STALLED, BACK, NEVER, OVERDUE, LONGEST = (
    "flag",
    "stalled",
    "back",
    "never",
    "overdue",
    "longest",
)
# The order of urgency: a reason earlier here puts its student earlier in the list.
URGENCY = (FLAG, STALLED, BACK, NEVER, OVERDUE, LONGEST)
FEWEST_CONFERENCES, MOST_CONFERENCES = 3, 5


@dataclass(frozen=True)
class Attention:
    """A student another part of the app flags for attention (an open flag, a stalled
    goal), with its reason in the teacher's words."""

    student: int
    reason: str


@dataclass(frozen=True)
class ConferenceReason:
    """Why a conference is proposed. `kind` is one of URGENCY; `days` is the days since
    the last conference (OVERDUE, LONGEST); `since` the day away (BACK); `text` the
    reason given with a flag or stalled goal."""

    kind: str
    days: int | None = None
    since: date | None = None
    text: str = ""

    @property
    def sentence(self) -> str:
        """The reason in plain English (the web app words each kind in the teacher's
        language from the same fields)."""
        if self.kind in (FLAG, STALLED):
            return self.text
        if self.kind == BACK:
            return f"Back after being away on {self.since.isoformat() if self.since else '?'}."
        if self.kind == NEVER:
            return "No conference yet."
        return f"Last conference {self.days} days ago."


@dataclass(frozen=True)
class ConferenceSuggestion:
    student: int
    reasons: tuple[ConferenceReason, ...]  # most urgent first, never empty

    @property
    def urgency(self) -> int:
        return URGENCY.index(self.reasons[0].kind)


def who_to_see_today(
    present: Iterable[int],
    today: date,
    last_conference: Mapping[int, date],
    *,
    absent_today: Collection[int] = (),
    away_lately: Mapping[int, date] | None = None,
    flags: Iterable[Attention] = (),
    stalled_goals: Iterable[Attention] = (),
    overdue_after: int = 24,
    fewest: int = FEWEST_CONFERENCES,
    most: int = MOST_CONFERENCES,
) -> tuple[ConferenceSuggestion, ...]:
    """Today's conferences, most urgent first (see the module's invariants).

    present: the class's students (ids); those in `absent_today`, and those whose
    last conference is today, are left out.
    last_conference: each student's last conference date (missing: never).
    away_lately: a student back today → the last day they were away.
    flags, stalled_goals: students named by other parts of the app, with reasons.
    overdue_after: more days than this since the last conference is overdue.
    Students are proposed for an urgent reason (flag, stalled goal, back, never
    conferred with, overdue) up to `most`; then, up to `fewest`, the longest since a
    conference. Raises ValueError when fewest > most or most < 1.
    """
    if most < 1 or fewest > most:
        raise ValueError("who_to_see_today needs 1 <= most and fewest <= most")
    away = set(absent_today)
    seen_today = {pk for pk, day in last_conference.items() if day >= today}
    here = sorted({pk for pk in present if pk not in away and pk not in seen_today})
    days = {pk: (today - last_conference[pk]).days for pk in here if pk in last_conference}
    reasons: dict[int, list[ConferenceReason]] = {pk: [] for pk in here}
    for kind, given in ((FLAG, flags), (STALLED, stalled_goals)):
        for attention in given:
            if attention.student in reasons:
                reasons[attention.student].append(ConferenceReason(kind, text=attention.reason))
    for pk, day in (away_lately or {}).items():
        if pk in reasons and day < today and (pk not in days or last_conference[pk] <= day):
            reasons[pk].append(ConferenceReason(BACK, since=day))
    for pk in here:
        if pk not in days:
            reasons[pk].append(ConferenceReason(NEVER))
        elif days[pk] > overdue_after:
            reasons[pk].append(ConferenceReason(OVERDUE, days=days[pk]))
    urgent = sorted(
        (
            ConferenceSuggestion(pk, tuple(_ordered(found)))
            for pk, found in reasons.items()
            if found
        ),
        key=lambda s: (s.urgency, -days.get(s.student, 1 << 30), s.student),
    )[:most]
    chosen = {s.student for s in urgent}
    rest = sorted(
        (pk for pk in here if pk not in chosen), key=lambda pk: (-days.get(pk, 1 << 30), pk)
    )
    filler = [
        ConferenceSuggestion(pk, (ConferenceReason(LONGEST, days=days[pk]),))
        for pk in rest[: max(0, fewest - len(urgent))]
    ]
    return tuple(urgent + filler)


def _ordered(reasons: list[ConferenceReason]) -> list[ConferenceReason]:
    return sorted(reasons, key=lambda r: URGENCY.index(r.kind))


def conference_colour(days: int | None, green_until: int, yellow_until: int) -> str:
    """The radar's colour for days since the last conference (None: never): "green" up
    to `green_until` days, "yellow" up to `yellow_until`, else "red"."""
    if days is None or days > yellow_until:
        return "red"
    return "green" if days <= green_until else "yellow"
