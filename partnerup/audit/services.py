"""Reading the activity record: who may, which entries, and the CSV download."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerup.classes.models import Classroom
from partnerup.plans.export import rows_to_csv

from .models import ACTION_LABELS, CLEAN_UP, STUDENT_CARD, AuditEntry

SYSTEM = "system"  # the "who" filter's choice for the daily clean-up


def school_id_of(classroom) -> int | None:
    """The school of a class's owner at the time (a class belongs to a school through
    its owner), copied into each entry so the school's admin still reads the record of
    a class after it is deleted."""
    from partnerup.schools.models import SchoolTeacher

    owner_id = getattr(classroom, "owner_id", None) or getattr(classroom, "teacher_id", None)
    place = SchoolTeacher.objects.filter(user_id=owner_id).values_list("school_id", flat=True)
    return place.first()


def record_of_school(school) -> QuerySet[AuditEntry]:
    """Every entry of the school's classes: those it has now (whenever they were
    recorded) and those recorded while their owner taught there (deleted ones too)."""
    from partnerup.schools.services import school_classes

    now_in_school = school_classes(school).order_by().values("pk")
    return AuditEntry.objects.filter(Q(school_id=school.pk) | Q(class_id__in=now_in_school))


def record_of_class(class_id: int) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(class_id=class_id)


def record_of_deleted_classes(user) -> QuerySet[AuditEntry]:
    """Entries of the classes the teacher owned that no longer exist."""
    # Every class's id (not only the teacher's): a class handed to someone else is not deleted.
    existing = Classroom.objects.values("pk")
    return AuditEntry.objects.filter(owner_id=user.pk).exclude(class_id__in=existing)


def actors_in(entries: QuerySet[AuditEntry]) -> list[tuple[str, str]]:
    """(actor_id, label) of everyone in the entries, for the "who" filter; students as
    one choice ("0")."""
    found = entries.order_by().values_list("actor_id", "actor_label").distinct()
    choices = {}
    for pk, label in found:
        if label == CLEAN_UP:
            choices[SYSTEM] = who_label_of(label)
        else:
            choices["0" if pk is None else str(pk)] = who_label_of(label)
    return sorted(choices.items(), key=lambda item: item[1].casefold())


def classes_in(entries: QuerySet[AuditEntry]) -> list[tuple[str, str]]:
    """(class_id, latest name) of the classes in the entries, for the class filter."""
    names: dict[str, str] = {}
    for pk, name in entries.values_list("class_id", "class_name"):  # newest first
        names.setdefault(str(pk), name)
    return sorted(names.items(), key=lambda item: item[1].casefold())


def filtered(entries: QuerySet[AuditEntry], chosen: dict) -> QuerySet[AuditEntry]:
    """The entries narrowed by a valid filter form's cleaned data."""
    if chosen.get("action"):
        entries = entries.filter(action=chosen["action"])
    if chosen.get("who") == "0":
        entries = entries.filter(actor_label=STUDENT_CARD)
    elif chosen.get("who") == SYSTEM:
        entries = entries.filter(actor_label=CLEAN_UP)
    elif chosen.get("who"):
        entries = entries.filter(actor_id=int(chosen["who"]))
    if chosen.get("classroom"):
        entries = entries.filter(class_id=int(chosen["classroom"]))
    return entries


def who_label(entry: AuditEntry) -> str:
    return who_label_of(entry.actor_label)


def who_label_of(actor_label: str) -> str:
    if actor_label == STUDENT_CARD:
        return _("a student (sign-in card)")
    if actor_label == CLEAN_UP:
        return _("the daily clean-up")
    return actor_label


def what_label(entry: AuditEntry) -> str:
    words = _(entry.what)
    if entry.student_id is not None:
        return _("%(what)s (student #%(id)s)") % {"what": words, "id": entry.student_id}
    return words


@dataclass(frozen=True)
class Shown:
    """An entry as a page shows it (time in the school's time zone, words translated)."""

    at: datetime
    class_name: str
    who: str
    did: str
    what: str
    address: str


def shown(entries) -> list[Shown]:
    return [
        Shown(
            timezone.localtime(entry.at),
            entry.class_name,
            who_label(entry),
            str(ACTION_LABELS[entry.action]),
            what_label(entry),
            entry.address,
        )
        for entry in entries
    ]


def as_csv(entries: QuerySet[AuditEntry]) -> str:
    """The entries as a spreadsheet (safe cells), times in the school's time zone."""
    header = [_("When"), _("Class"), _("Who"), _("Did"), _("What"), _("Student id"),
              _("From address"), _("Request id")]  # fmt: skip
    rows = (
        [
            timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M:%S"),
            entry.class_name,
            who_label(entry),
            str(ACTION_LABELS[entry.action]),
            _(entry.what),
            "" if entry.student_id is None else str(entry.student_id),
            entry.address,
            entry.request_id,
        ]
        for entry in entries.iterator()
    )
    return rows_to_csv([header, *rows])
