"""Retention: what students said and did in a class goes a while after it is archived.

PARTNERUP_RETENTION_DAYS after a class is archived (`Classroom.archived_at`), the daily
clean-up deletes its students' answers (want ads, answered ads, three classmates, T-chart,
checklist goal, survey), goals in their own words, goal check-ins, reflections and the
flags closed on them, workshop days (absences, the day's partnerships, the lead ledger),
temporary partners, day-only partner jobs, headline notes ("two pluses and a wish"),
conference notes, help-board posts and choice-time entries.

What stays: the class, its roster (the teacher's fields), rules, saved plans with their
unit jobs, headline weeks (who was whose headline partner), survey questions, want-ad
traits, partner jobs, sign-in cards and settings — so the teacher still sees who worked
with whom, unit by unit.

A class is cleared inside a transaction with its row locked (`lock_class`) and checked
again under the lock, so a teacher bringing it back at that moment wins or waits, and
a second clean-up at the same time (two servers' timers) finds nothing more to do.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from partnerup.audit.recording import record_clean_up
from partnerup.classes.models import Classroom, lock_class

log = logging.getLogger(__name__)


class Removed(NamedTuple):
    """What a task removed: rows, and words that say from where (for the daily line)."""

    rows: int
    detail: str = ""


def retention_days() -> int:
    return settings.PARTNERUP_RETENTION_DAYS


def removal_due(classroom: Classroom) -> dt.datetime | None:
    """When an archived class's student answers are due to go (None if not archived)."""
    if not classroom.is_archived or classroom.archived_at is None:
        return None
    return classroom.archived_at + dt.timedelta(days=retention_days())


def is_due(classroom: Classroom, now: dt.datetime) -> bool:
    """Archived long enough, and not already cleared since it was archived."""
    due = removal_due(classroom)
    if due is None or due > now:
        return False
    removed = classroom.student_data_removed_at
    return removed is None or removed < classroom.archived_at


def due_classes(now: dt.datetime):
    cutoff = now - dt.timedelta(days=retention_days())
    return Classroom.objects.filter(is_archived=True, archived_at__lte=cutoff).filter(
        Q(student_data_removed_at__isnull=True) | Q(student_data_removed_at__lt=F("archived_at"))
    )


def remove_expired_student_data(now: dt.datetime) -> Removed:
    """The daily task: every class archived PARTNERUP_RETENTION_DAYS or more loses its
    students' answers, reflections, days and notes. Counts only go to the log."""
    rows = classes = 0
    for pk in due_classes(now).order_by("pk").values_list("pk", flat=True):
        removed = remove_student_data(Classroom(pk=pk), now)
        if removed is not None:
            classes += 1
            rows += removed
            log.info("retention: class %s: removed %s rows", pk, removed)
    classes_words = "class" if classes == 1 else "classes"
    return Removed(rows, f"from {classes:,} {classes_words} archived {retention_days()}+ days")


def remove_student_data(classroom: Classroom, now: dt.datetime) -> int | None:
    """Clear one class if it is (still) due: the rows removed, or None when it was not
    due once locked (brought back, or cleared by another run meanwhile)."""
    with transaction.atomic():
        lock_class(classroom)
        classroom = Classroom.objects.filter(pk=classroom.pk).first()
        if classroom is None or not is_due(classroom, now):
            return None
        rows = _delete_student_data(classroom)
        classroom.student_data_removed_at = now
        classroom.save(update_fields=["student_data_removed_at"])
        record_clean_up(classroom, now)
    return rows


def _delete_student_data(classroom: Classroom) -> int:
    from partnerup.choicetime.models import ChoiceTimePartnership
    from partnerup.conferring.models import ConferenceNote
    from partnerup.helpboard.models import HelpPost
    from partnerup.jobs.models import JobChoice
    from partnerup.reflections.models import CheckIn, ClosedFlag, GoalWords, Reflection
    from partnerup.voice.models import Answers
    from partnerup.workshop.models import HeadlineNote, TemporaryPartners, WorkshopDay

    _forget_what_students_chose(classroom)
    mine = {"student__classroom": classroom}
    doomed = [
        Answers.objects.filter(**mine),
        GoalWords.objects.filter(**mine),
        CheckIn.objects.filter(**mine),
        Reflection.objects.filter(**mine),
        ClosedFlag.objects.filter(classroom=classroom),
        WorkshopDay.objects.filter(classroom=classroom),  # with its lead turns
        TemporaryPartners.objects.filter(classroom=classroom),
        JobChoice.objects.filter(classroom=classroom, day__isnull=False),
        HeadlineNote.objects.filter(week__classroom=classroom),
        ConferenceNote.objects.filter(classroom=classroom),
        HelpPost.objects.filter(classroom=classroom),
        ChoiceTimePartnership.objects.filter(classroom=classroom),
    ]
    return sum(rows.delete()[0] for rows in doomed)


def _forget_what_students_chose(classroom: Classroom) -> None:
    """The three classmates a student chose live in the roster's `choices`, and the goal
    they picked leads the roster's `goals`: both go with the answers that set them."""
    from partnerup.voice.models import Answers

    for answers in Answers.objects.filter(student__classroom=classroom).select_related("student"):
        student, changed = answers.student, []
        if answers.chose_at and student.choices:
            student.choices, changed = [], [*changed, "choices"]
        if answers.goal_at and answers.goal in student.goals:
            student.goals = [goal for goal in student.goals if goal != answers.goal]
            changed.append("goals")
        if changed:
            type(student).objects.filter(pk=student.pk).update(
                **{field: getattr(student, field) for field in changed}
            )


def removal_words(classroom: Classroom) -> str:
    """What the class page says of the clean-up: done (and when), or due (and when)."""
    days = retention_days()
    removed = classroom.student_data_removed_at
    if removed is not None and (classroom.archived_at is None or removed >= classroom.archived_at):
        return _(
            "Student answers, reflections, days and notes were removed on %(date)s, "
            "%(days)s days after this class was archived, as your school's PartnerUp "
            "keeps them."
        ) % {"date": _day(removed), "days": days}
    due = removal_due(classroom)
    if due is None:
        return ""
    return _(
        "This class is archived: its student answers, reflections, days and notes will "
        "be removed on %(date)s, %(days)s days after it was archived. Download everything "
        "first if you want to keep them, or bring the class back to keep them here."
    ) % {"date": _day(due), "days": days}


def warning_words() -> str:
    """Told when a class is archived, before anything is removed."""
    return _(
        "This school's PartnerUp deletes student answers, reflections, days and notes "
        "%(days)s days after a class is archived. Download everything (on the class "
        "page) first if you want to keep them."
    ) % {"days": retention_days()}


def _day(moment: dt.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), pgettext("date format", "j F Y"))
