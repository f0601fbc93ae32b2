"""Importing a roster into a class that may already have students: a merge.

Each row of the file is matched to a student of the class by the school's student id
when the file has one, else by name (case, spacing and accents' forms ignored).
Matched students keep their answers, card, rules and history; only the fields whose
columns the file has are updated. Students missing from the file stay unless the
teacher ticks them for removal. Applying is all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from partnerup import engine
from partnerup.engine import RosterFile, name_key, read_roster_file, student_fields

from .models import Classroom, Student, lock_class
from .removal import forget_students, what_removing_deletes
from .services import add_rule

# Each student field an import can set, and the file columns that feed it.
FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "level": ("level",),
    "goals": ("goals",),
    "strengths": ("strengths",),
    "interests": ("interests",),
    "home_language": ("home_language",),
    "english_level": ("english_level",),
    "talk": ("talk",),
    "often_absent": ("often_absent",),
    "social_support": ("social_support",),
    "floater": ("floater",),
    "new_student": ("new_student",),
    "choices": ("choices", "choice1", "choice2", "choice3"),
    "avoid": ("avoid",),
    "reading_partner": ("reading_partner",),
    "past_partners": ("past_partners",),
}
CLASSMATE_FIELDS = student_fields("classmates")
LABELS = {"home_language": "home language", "english_level": "English level"}


class ImportRefused(Exception):
    """The import cannot be applied as it stands; the message says why."""


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str

    @property
    def label(self) -> str:
        return LABELS.get(self.field, self.field.replace("_", " "))


@dataclass(frozen=True)
class Incoming:
    """One student row of the file, and the class's student it matches (if any)."""

    student: engine.Student  # names of classmates as the file writes them
    external_id: str
    match: Student | None = None
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class Missing:
    student: Student
    would_delete: tuple[str, ...]


@dataclass(frozen=True)
class ImportPreview:
    new: tuple[Incoming, ...]
    changed: tuple[Incoming, ...]
    unchanged: tuple[Incoming, ...]
    missing: tuple[Missing, ...]
    problems: tuple[str, ...] = ()

    @property
    def incoming(self) -> tuple[Incoming, ...]:
        return self.new + self.changed + self.unchanged

    @property
    def class_size(self) -> int:
        """The class's size after the import if no missing student is removed."""
        return len(self.incoming) + len(self.missing)


def file_fields(columns: tuple[str, ...]) -> tuple[str, ...]:
    """The student fields a roster file with these (known) columns sets."""
    return tuple(f for f, fed_by in FIELD_COLUMNS.items() if set(columns) & set(fed_by))


@dataclass(frozen=True)
class Roster:
    """Students to import (classmates named as the file names them), the school id of
    each ('' for none), and the fields the file has columns for."""

    students: tuple[engine.Student, ...]
    external_ids: tuple[str, ...]
    fields: tuple[str, ...] = tuple(FIELD_COLUMNS)

    @classmethod
    def from_reading(cls, reading: engine.RosterReading) -> Roster:
        ids = tuple(row.external_id for row in reading.rows)
        return cls(reading.students, ids, file_fields(reading.columns))

    @classmethod
    def of(cls, students: tuple[engine.Student, ...]) -> Roster:
        """Every field of these students, with no school ids (the demo, benchmarks)."""
        return cls(students, ("",) * len(students))


def read_upload(
    classroom: Classroom,
    data: bytes,
    name: str,
    fields=None,
    sheet: str = "",
    school_class: str = "",
) -> RosterFile:
    """The uploaded file read with these fields for its columns; without them, with the
    ones the class's last import used when the file has the same headers, else guessed.
    `school_class` is the class chosen from a school's roster bundle."""
    chosen = {"sheet": sheet or None, "school_class": school_class or None}
    read = read_roster_file(data, name, fields=fields, **chosen)
    if fields is None:
        remembered = classroom.import_columns or {}
        if remembered.get("headers") == list(read.headers) and remembered.get("fields"):
            read = read_roster_file(data, name, fields=remembered["fields"], **chosen)
    return read


def remember_columns(classroom: Classroom, read: RosterFile) -> None:
    """Keep the fields this file's columns fed, for the class's next import."""
    columns = {"headers": list(read.headers), "fields": list(read.fields)}
    Classroom.objects.filter(pk=classroom.pk).update(import_columns=columns)


def preview_import(classroom: Classroom, roster: Roster) -> ImportPreview:
    """What importing this roster would do to the class."""
    fields = roster.fields
    existing = list(classroom.students.all())
    by_id = {s.external_id: s for s in existing if s.external_id}
    by_name = {s.name_key: s for s in existing}
    names = {s.pk: s.name for s in existing}
    incoming = []
    for student, external_id in zip(roster.students, roster.external_ids, strict=True):
        match = by_id.get(external_id) if external_id else None
        match = match or by_name.get(name_key(student.name))
        if match is not None and external_id and match.external_id not in ("", external_id):
            match = None  # the same name, but the school says another child
        changes = _changes(match, student, external_id, fields, names) if match else ()
        incoming.append(Incoming(student, external_id, match, changes))
    matched = {item.match.pk for item in incoming if item.match}
    missing = tuple(
        Missing(s, tuple(what_removing_deletes(s))) for s in existing if s.pk not in matched
    )
    return ImportPreview(
        new=tuple(i for i in incoming if i.match is None),
        changed=tuple(i for i in incoming if i.match and i.changes),
        unchanged=tuple(i for i in incoming if i.match and not i.changes),
        missing=missing,
        problems=tuple(_problems(incoming, existing)),
    )


def _problems(incoming: list[Incoming], existing: list[Student]) -> list[str]:
    problems = []
    matched = {i.match.pk for i in incoming if i.match}
    staying = {s.name_key: s for s in existing}
    for item in incoming:
        other = staying.get(name_key(item.student.name))
        if other is not None and other.pk not in matched and item.match != other:
            problems.append(
                _(
                    "%(name)s: another student of this class is already called %(other)s "
                    "(school id %(id)s); rename one of them"
                )
                % {
                    "name": item.student.name,
                    "other": other.name,
                    "id": other.external_id or _("none"),
                }
            )
    return problems


def _changes(
    student: Student, row: engine.Student, external_id: str, fields, names: dict[int, str]
) -> tuple[Change, ...]:
    changes = []
    if row.name != student.name:
        changes.append(Change("name", student.name, row.name))
    if external_id and external_id != student.external_id:
        changes.append(Change("school id", student.external_id or "—", external_id))
    for field in fields:
        old, new = _shown_now(student, field, names), _shown_in_file(row, field)
        if old != new:
            changes.append(Change(field, old, new))
    return tuple(changes)


def _shown_now(student: Student, field: str, names: dict[int, str]) -> str:
    value = getattr(student, f"{field}_id" if field == "reading_partner" else field)
    if field in CLASSMATE_FIELDS:
        return _shown([names.get(pk, "?") for pk in value])
    if field == "reading_partner":
        return names.get(value, "—") if value else "—"
    if field == "english_level" and value is not None:
        return _shown(float(value))
    return _shown(value)


def _shown_in_file(row: engine.Student, field: str) -> str:
    return _shown(getattr(row, field))


def _shown(value) -> str:
    if value is None or value == "" or value == () or value == []:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return f"{value:g}" if isinstance(value, float) else str(value)


@transaction.atomic
def apply_import(classroom: Classroom, roster: Roster, remove: set[int]) -> ImportPreview:
    """Apply the import, all or nothing; `remove` are ids of missing students to remove.

    The class row is locked first, so two imports confirmed at once run one after the
    other, each merging into what the other left. Raises ImportRefused.
    """
    lock_class(classroom)
    preview = preview_import(classroom, roster)
    if preview.problems:
        raise ImportRefused(preview.problems[0])
    missing = {m.student.pk for m in preview.missing}
    remove = remove & missing
    size = len(preview.incoming) + len(missing - remove)
    if size > settings.PARTNERUP_MAX_CLASS_SIZE:
        raise ImportRefused(
            _(
                "This would make a class of %(size)s students; a class has at most %(most)s. "
                "Remove students or split the class."
            )
            % {"size": size, "most": settings.PARTNERUP_MAX_CLASS_SIZE}
        )
    forget_students(classroom, remove)
    saved = {item.student.name: _save_row(classroom, item) for item in preview.incoming}
    _link_classmates(classroom, preview.incoming, saved, roster.fields)
    return preview


def _save_row(classroom: Classroom, item: Incoming) -> Student:
    student = item.match or Student(classroom=classroom)
    row = item.student
    student.set_name(row.name)
    if item.external_id:
        student.external_id = item.external_id
    written = ["name", "name_key", "external_id"]
    for field in FIELD_COLUMNS:
        if field in CLASSMATE_FIELDS or field == "reading_partner":
            continue
        if item.match is None or field in _present(item):
            setattr(student, field, _stored(field, getattr(row, field)))
            written.append(field)
    # A matched student was read before the removals: writing only the imported
    # fields keeps the removals' changes to their classmate lists and reading partner.
    student.save(update_fields=written if item.match else None)
    return student


def _present(item: Incoming) -> set[str]:
    return {c.field for c in item.changes}


def _stored(field: str, value):
    if field == "english_level":
        return Decimal(str(value)) if value is not None else None
    return list(value) if isinstance(value, tuple) else value


def _link_classmates(
    classroom: Classroom, incoming: tuple[Incoming, ...], saved: dict[str, Student], fields
) -> None:
    """Classmates named in the file become ids, once every row has its student."""
    by_key = {s.name_key: s.pk for s in classroom.students.all()}
    by_key.update({name_key(name): s.pk for name, s in saved.items()})

    def pks(names) -> list[int]:
        return [by_key[name_key(n)] for n in names if name_key(n) in by_key]

    for item in incoming:
        student = saved[item.student.name]
        linked = {}
        for field in CLASSMATE_FIELDS:
            if field in fields:
                linked[field] = pks(getattr(item.student, field))
        if "reading_partner" in fields:
            partner = pks([item.student.reading_partner] if item.student.reading_partner else [])
            linked["reading_partner_id"] = partner[0] if partner else None
        if linked:
            Student.objects.filter(pk=student.pk).update(**linked)


def load_roster(
    classroom: Classroom, students: tuple[engine.Student, ...], rules: tuple[engine.Rule, ...] = ()
) -> None:
    """Students and rules that name each other by name (a CSV roster and rules file)
    into a class: the demo class, and the benchmarks' synthetic classes."""
    apply_import(classroom, Roster.of(students), remove=set())
    pk_of = {s.name_key: s.pk for s in classroom.students.all()}
    for rule in rules:
        add_rule(classroom, rule.kind, [pk_of[name_key(n)] for n in rule.students])
