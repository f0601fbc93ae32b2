"""Undo on a board (the draft plan or a workshop day): the last steps taken, each with
the state it replaced, kept on the board's own row.

A row keeps `undo_steps` (oldest first, at most HISTORY_LIMIT) and a `version` that
goes up with every step recorded and every undo. The page sends the version it showed
with Undo, so a double tap or a second device undoes one step, never two. Steps name
students by id; the label is put into words when the page is drawn.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from partnerup.engine import BoardError

HISTORY_LIMIT = 20
NOTHING_TO_UNDO = _("There is nothing to undo.")

# What the Undo button says a step was ("Undo: moved Ana").
STEP_LABELS = {
    "move": _("moved %(name)s"),
    "swap": _("swapped %(name)s and %(other)s"),
    "lock": _("locked a partnership"),
    "unlock": _("unlocked a partnership"),
    "flip": _("swapped A and B"),
    "replan": _("re-planned the rest"),
    "away": _("marked %(name)s away"),
    "back": _("marked %(name)s back"),
    "place": _("placed %(name)s"),
    "observe": _("%(name)s observes"),
    "observe_end": _("%(name)s stops observing"),
    "with_teacher": _("partnered %(name)s with you"),
    "ready": _("%(name)s is ready for a partner"),
    "accept": _("looks good"),
    "temporary": _("started temporary partners"),
    "temporary_end": _("back to the plan"),
    "start_again": _("started again from the plan"),
}
GONE = _("a removed student")

Snapshot = Callable[[], dict]


@dataclass(frozen=True)
class Undo:
    """What the Undo button shows and sends back."""

    label: str
    version: int


class UndoHistory(models.Model):
    """The fields a board's row needs for Undo."""

    undo_steps = models.JSONField(default=list)  # [{"step", "students", "state"}, ...]
    version = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


@contextmanager
def recorded(row: UndoHistory, step: str, snapshot: Snapshot, students=()) -> Iterator[None]:
    """Run a step on a locked row; when it changed what `snapshot` returns, keep the
    state before it as the newest step to undo. A step that raises keeps nothing."""
    before = copy.deepcopy(snapshot())
    yield
    if snapshot() == before:
        return
    entry = {"step": step, "students": [int(pk) for pk in students], "state": before}
    row.undo_steps = [*row.undo_steps, entry][-HISTORY_LIMIT:]
    row.version += 1
    row.save(update_fields=["undo_steps", "version"])


def take_back(row: UndoHistory) -> dict:
    """The state the newest step replaced, that step taken off the locked row (the
    caller restores the state and saves). Raises BoardError when there is nothing to
    undo, changing nothing."""
    if not row.undo_steps:
        raise BoardError(str(NOTHING_TO_UNDO))
    *rest, newest = row.undo_steps
    row.undo_steps = rest
    row.version += 1
    return newest["state"]


def forget(row: UndoHistory) -> None:
    """No undo past this point (the plan is saved); the caller saves the row."""
    row.undo_steps = []
    row.version += 1


def undo_of(row: UndoHistory, names: Mapping[int, str]) -> Undo | None:
    """The Undo button for the row's newest step, in the class's names; None when there
    is nothing to undo."""
    if not row.undo_steps:
        return None
    newest = row.undo_steps[-1]
    shown = [names.get(pk, str(GONE)) for pk in newest.get("students", [])]
    words = {"name": str(GONE), "other": str(GONE)}
    words.update(zip(("name", "other"), shown, strict=False))
    label = STEP_LABELS.get(newest.get("step"), _("the last step"))
    return Undo(label=str(label) % words, version=row.version)
