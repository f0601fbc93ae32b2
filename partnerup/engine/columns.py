"""A roster from any file: the sheet read (sheets.py), each of its columns given the
field it feeds, its students checked (roster.py) — what the web import and the CLI call.

The promises kept here:
- A header names a field by its words, in English or Spanish, as Google Forms,
  Microsoft Forms and school systems write them: 'What is your name?', 'Nombre',
  'Who are 3 classmates you would work well with?', 'compañeros'. The phrases are one
  table (PHRASES), keyed by the roster's own columns.
- 'First name' + 'Last name' ('Nombre' + 'Apellido') make the name; several columns
  feeding one list (three 'classmate' questions) are joined in order, so three ranked
  choices stay ranked; a choices cell 'Ana, Ben, Cy' is three choices.
- A column that feeds no field (Timestamp, Email address, anything not mapped) is
  never read into a student: its cells are dropped here.
- A caller may give every column's field (the web preview's choices) or change some
  by header (the CLI's --column); a header that is not in the file is a problem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from .errors import RosterError
from .io import CsvTable, ProblemReport
from .roster import (
    CHOICE_COLUMNS,
    LIST_COLUMNS,
    MAX_COLUMNS,
    ROSTER_COLUMNS,
    RosterReading,
    ignored_columns,
    read_roster_table,
    roster_column,
)
from .school_rosters import is_school_bundle, school_class_sheet
from .sheets import Sheet, read_sheet

IGNORE = ""  # the field of a column that is not read
NAME_PARTS = ("first_name", "last_name")
FIELDS = (*ROSTER_COLUMNS, *NAME_PARTS)  # every field a column can feed
# Words that name a field besides the field's own ('home_language' is 'home language'),
# compared without case, accents or punctuation ('Compañeros' holds 'companeros'); the
# longest phrase a header holds wins.
PHRASES: dict[str, tuple[str, ...]] = {
    "name": ("your name", "student name", "full name", "student", "nombre",
             "nombre completo", "cómo te llamas", "tu nombre", "alumno", "estudiante"),
    "first_name": ("first name", "given name", "nombres", "primer nombre"),
    "last_name": ("last name", "surname", "family name", "apellido", "apellidos"),
    "student_id": ("id", "student number", "sis id", "id del estudiante", "matrícula",
                   "número de estudiante", "código de estudiante"),
    "level": ("writing level", "nivel", "nivel de escritura"),
    "english_level": ("wida", "wida level", "ell level", "nivel de inglés", "inglés"),
    "home_language": ("language", "language at home", "idioma", "lengua materna",
                      "idioma en casa", "lengua"),
    "goals": ("goal", "writing goal", "meta", "metas", "objetivo", "objetivos"),
    "strengths": ("strength", "good at", "fortaleza", "fortalezas"),
    "interests": ("interest", "love to write about", "like to write about", "write about",
                  "hobbies", "intereses", "interés", "temas", "escribir sobre",
                  "encanta escribir", "gusta escribir", "interested", "interested in"),
    "choices": ("classmates", "classmate", "work well with", "partners", "partner",
                "choose three", "compañeros", "compañeras", "compañero", "trabajar bien",
                "trabajas bien", "work with", "like to work with"),
    "avoid": ("not work with", "rather not", "evitar", "no trabajar"),
    "talk": ("talk style", "estilo al hablar"),
    "often_absent": ("absent", "ausente", "falta mucho"),
    "social_support": ("apoyo social",),
    "new_student": ("nuevo", "nueva", "alumno nuevo", "estudiante nuevo"),
    "reading_partner": ("compañero de lectura", "pareja de lectura"),
    "past_partners": ("previous partners", "compañeros anteriores"),
    IGNORE: ("timestamp", "marca temporal", "email", "email address", "e mail", "correo",
             "correo electrónico", "dirección de correo electrónico", "start time",
             "completion time", "last modified time", "hora de inicio",
             "hora de finalización", "hora de la última modificación"),
}  # fmt: skip
# Microsoft Forms numbers each response in an 'ID' column: not a school's student id.
FORMS_RESPONSE_CLOCK = ("start time", "completion time")
SPLIT_WORDS = re.compile(r"[^0-9a-z]+")
SPLIT_CHOICES = re.compile(r"\s*,\s*")


@dataclass(frozen=True)
class FileColumn:
    """One column of the file, the field it feeds ('' when it is not read), and whether
    its header says it is never read (a timestamp or an email address)."""

    header: str
    position: int  # 1 for the first column
    field: str = IGNORE
    is_never_read: bool = False


NUMBER_COLUMNS = ("level", "english_level")
DECIMAL_COMMA = re.compile(r"([0-9]+),([0-9]+)")


@dataclass(frozen=True)
class RosterFile:
    """A roster file read: the reading of its students, each column of the file with
    the field it fed, and how the file was written ('' when it could not be read)."""

    reading: RosterReading
    columns: tuple[FileColumn, ...] = ()
    described: str = ""

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.columns)


def read_roster_file(
    data: bytes,
    file: str,
    fields: Sequence[str] | None = None,
    changes: Mapping[str, str] | None = None,
    sheet: str | None = None,
    school_class: str | None = None,
) -> RosterFile:
    """Check a roster in any file PartnerUp reads (see sheets.py) and list every
    problem, as read_roster does for CSV text. `file` is the name the teacher gave it.
    A school's roster bundle (see school_rosters.py) gives the students of the class
    `school_class` names (by title or class code), or of its only class.

    Each column feeds the field guessed from its header, or `fields[i]` for the i-th
    column when `fields` has one per column, then `changes` ({header: field}, '' to
    ignore) on top. Never raises for bad input.
    """
    found: list[tuple[Sheet, tuple[str, ...]]] = []

    def table_of(report: ProblemReport[RosterError]) -> CsvTable:
        if is_school_bundle(data):
            read = school_class_sheet(data, file, report, school_class)
        else:
            read = read_sheet(data, file, report, sheet)
        headers = read.table.headers
        if len(headers) > MAX_COLUMNS:
            raise report.fatal(
                f"the header has {len(headers):,} columns; PartnerUp reads at most {MAX_COLUMNS}",
                row=1,
            )
        given = tuple(fields or ())
        known = len(given) == len(headers) and set(given) <= {*FIELDS, IGNORE}
        chosen = given if known else None  # fields of another file are not this one's
        chosen = _changed(headers, chosen or guess_fields(headers), changes or {}, report)
        found.append((read, chosen))
        return _fed(_numbers_read(read, chosen), chosen, report)

    reading = read_roster_table(table_of, file)
    if not found:
        return RosterFile(reading)
    read, chosen = found[0]
    reading = _located_by_header(reading, read.table.headers, chosen)
    columns = tuple(
        FileColumn(header.strip(), position, field, is_never_read(header))
        for position, (header, field) in enumerate(zip(read.table.headers, chosen, strict=True), 1)
    )
    unread = {c.position for c in columns if c.field == IGNORE and not c.is_never_read}
    ignored = tuple(c for c in ignored_columns(read.table.headers) if c.position in unread)
    return RosterFile(replace(reading, ignored_columns=ignored), columns, read.described)


def guess_fields(headers: Sequence[str]) -> tuple[str, ...]:
    """The field each header feeds, by its words ('' for none). Where several headers
    would feed one field that takes one column, the first exact header (or else the
    first header) keeps it; a last name makes a lone 'Nombre' the first name."""
    guesses = [_best(header) for header in headers]
    fields = [field for _, field in guesses]
    if any(_words(h) in FORMS_RESPONSE_CLOCK for h in headers):
        fields = [IGNORE if _words(h) == "id" else f for h, f in zip(headers, fields, strict=True)]
    if "last_name" in fields and "first_name" not in fields and "name" in fields:
        fields[fields.index("name")] = "first_name"
    for field in set(fields) - {IGNORE, *LIST_COLUMNS, *NAME_PARTS}:
        at = [i for i, f in enumerate(fields) if f == field]
        exact = [i for i in at if roster_column(headers[i]) == field]
        for i in at:
            if i not in (exact or at[:1]):  # 'Name' and 'What is your name?'
                fields[i] = IGNORE
    return tuple(fields)


def is_never_read(header: str) -> bool:
    """Whether the header says its column is never read: a timestamp, an email."""
    phrase, field = _best(header)
    return bool(phrase) and field == IGNORE


def _best(header: str) -> tuple[str, str]:
    """The longest phrase of PHRASES (or exact column name) the header holds, and its
    field; ('', '') when it holds none."""
    exact = roster_column(header)
    if exact in FIELDS:
        return exact, exact
    words = f" {_words(header)} "
    found = [(p, f) for p, f in _PHRASE_FIELDS if f" {p} " in words]
    return max(found, key=lambda pf: len(pf[0])) if found else ("", IGNORE)


def _words(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(SPLIT_WORDS.split(plain)).strip()


_PHRASE_FIELDS = tuple(
    (_words(phrase), field)
    for field in (*FIELDS, IGNORE)
    for phrase in ((field.replace("_", " "),) if field else ()) + PHRASES.get(field, ())
)


def _changed(
    headers: Sequence[str],
    fields: Sequence[str],
    changes: Mapping[str, str],
    report: ProblemReport[RosterError],
) -> tuple[str, ...]:
    """The fields with each {header: field} change applied; a header the file does not
    have, or a field PartnerUp does not know, stops the reading."""
    chosen = list(fields)
    for header, field in changes.items():
        if field not in (*FIELDS, IGNORE):
            raise report.fatal(f"'{field}' is not a roster field; use one of {', '.join(FIELDS)}")
        at = [i for i, h in enumerate(headers) if _words(h) == _words(header)]
        if not at:
            shown = ", ".join(f"'{h.strip()}'" for h in headers)
            raise report.fatal(f"there is no column '{header}' in the file (it has {shown})", row=1)
        for i in at:
            chosen[i] = field
    return tuple(chosen)


def _located_by_header(
    reading: RosterReading, headers: Sequence[str], fields: Sequence[str]
) -> RosterReading:
    """Problems name the column as the file's header says it ("What is your name?"),
    not the field it feeds, where one column feeds that field."""
    feeding: dict[str, list[str]] = {}
    for header, field in zip(headers, fields, strict=True):
        if field != IGNORE:
            feeding.setdefault(_target(field), []).append(header.strip())
    header_of = {field: found[0] for field, found in feeding.items() if len(found) == 1}

    def located(problem: RosterError) -> RosterError:
        header = header_of.get(problem.column or "")
        if not header or header == problem.column:
            return problem
        return RosterError(problem.message, file=problem.file, row=problem.row, column=header)

    return replace(
        reading,
        problems=tuple(located(p) for p in reading.problems),
        rows=tuple(
            replace(r, problems=tuple(located(p) for p in r.problems)) for r in reading.rows
        ),
    )


def _fed(table: CsvTable, fields: Sequence[str], report: ProblemReport[RosterError]) -> CsvTable:
    """The table as the roster reads it: one column per field fed, named by the field,
    each cell joined from the columns feeding it; the other columns dropped."""
    fed = list(dict.fromkeys(_target(f) for f in fields if f != IGNORE))
    if "name" not in fed:
        shown = ", ".join(f"'{h.strip()}'" for h in table.headers if h.strip())
        raise report.fatal(
            f"there is no 'name' column (the file has {shown or 'no headers'}); choose the "
            "column that gives the students' names, or add a 'name' column",
            row=1,
        )
    for field in fed:
        feeding = [h for h, f in zip(table.headers, fields, strict=True) if _target(f) == field]
        if len(feeding) > 1 and all(roster_column(h) == field for h in feeding):
            report(f"the column '{field}' appears twice", row=1)
        elif field not in LIST_COLUMNS and field != "name" and len(feeding) > 1:
            shown = " and ".join(f"'{h.strip()}'" for h in feeding)
            report(f"{shown} both feed '{field}'; set one of them to ignore", row=1)
    sources = [(field, _sources(field, fields)) for field in fed]
    records = []
    for number, cells in table.records:
        if len(cells) > len(fields):
            report(f"this row has {len(cells)} cells but the header has {len(fields)}", row=number)
        records.append((number, [_joined(field, at, cells) for field, at in sources]))
    return CsvTable(fed, records, table.filled)


def _target(field: str) -> str:
    return "name" if field in NAME_PARTS else field


def _sources(field: str, fields: Sequence[str]) -> list[int]:
    """The columns feeding a field, in the order their cells join: for the name, whole
    names first, then first names, then last names; else the file's order."""
    order = ("name", *NAME_PARTS) if field == "name" else (field,)
    return [i for wanted in order for i, f in enumerate(fields) if f == wanted]


def _joined(field: str, at: list[int], cells: Sequence[str]) -> str:
    if len(at) == 1 and field != "choices":  # most columns: one cell, as written
        return cells[at[0]] if at[0] < len(cells) else ""
    parts = [cells[i].strip() for i in at if i < len(cells)]
    if field == "name":
        return " ".join(p for p in parts if p)
    if field == "choices":
        parts = [_choices(p) for p in parts]
    if field in LIST_COLUMNS:
        return ";".join(p for p in parts if p)
    return parts[0] if parts else ""  # a second column feeding it is a header problem


def _choices(cell: str) -> str:
    """'Ana, Ben, Cy' as a form exports a 'choose three' answer: three choices. A cell
    already parted by ';' or line breaks keeps its commas (a name 'Ruiz, Ana')."""
    if ";" in cell or "\n" in cell:
        return cell
    return ";".join(SPLIT_CHOICES.split(cell))


def _numbers_read(sheet: Sheet, fields: Sequence[str]) -> CsvTable:
    """The table with '2,5' in a number column written 2.5, where a comma is a decimal
    comma (see Sheet.has_decimal_commas)."""
    table = sheet.table
    numbers = [i for i, field in enumerate(fields) if field in NUMBER_COLUMNS]
    if not sheet.has_decimal_commas or not numbers:
        return table
    records = []
    for number, cells in table.records:
        cells = list(cells)
        for i in numbers:
            if i < len(cells) and DECIMAL_COMMA.fullmatch(cells[i].strip()):
                cells[i] = cells[i].strip().replace(",", ".")
        records.append((number, cells))
    return CsvTable(table.headers, records, table.filled)


def accepted_columns() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each field a column can feed, with a few of the other headers that name it
    ('interests': 'interest', 'love to write about', …), for the import page."""
    return tuple((field, PHRASES.get(field, ())[:4]) for field in FIELDS)


def template_csv() -> str:
    """The header row of a roster template: every column, ranked choices as one
    'choices' column (choice1..choice3 are the other way to write them)."""
    columns = [c for c in ROSTER_COLUMNS if c not in CHOICE_COLUMNS]
    return ",".join(columns) + "\r\n"
