"""Reading a class roster CSV: every student row checked, every problem located.

The promises kept here:
- `read_roster` lists every problem; `parse_roster` raises the first one. Both run the
  very same checks, so the first problem listed is the one raised.
- A reading with no problem has `rows[i]` describing `students[i]` (same order, same
  name), so a caller can pair each student with its row's school id.
- Names are stored normalised (NFC, trimmed, spaces folded) and compared by
  `name_key`, for the name column and for every classmate a cell names.
- No file makes more than MAX_ROSTER_ROWS student rows into values: a longer one is
  counted, then refused.
- A header the reader does not know is not a problem, but it is listed, with the known
  column a misspelt one is probably meant to be.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import RosterError
from .io import (
    CsvTable,
    ProblemReport,
    Rows,
    Suggestions,
    cells_by_column,
    normalise_header,
    read_csv,
    suggest,
)
from .model import TALK_STYLES, Student
from .names import (
    EXTERNAL_ID_MAX_LENGTH,
    MAX_ROSTER_ROWS,
    NAME_MAX_LENGTH,
    TAG_MAX_LENGTH,
    name_key,
    normalise_name,
    refused_character,
)

TRUE_WORDS = {"yes", "y", "true", "1", "x"}
FALSE_WORDS = {"no", "n", "false", "0", ""}
NAME_LIST_COLUMNS = ("choices", "avoid", "reading_partner", "past_partners")
# Every column a roster can have, in the order the import template lists them.
ROSTER_COLUMNS = (
    "name", "student_id", "level", "goals", "strengths", "interests", "home_language",
    "english_level", "choices", "choice1", "choice2", "choice3", "avoid", "talk",
    "often_absent", "social_support", "floater", "new_student", "reading_partner",
    "past_partners",
)  # fmt: skip
KNOWN_COLUMNS = set(ROSTER_COLUMNS)
COLUMN_ALIASES = {"id": "student_id"}  # 'Student ID' and 'student_id' need none
BOOLEAN_COLUMNS = ("often_absent", "social_support", "floater", "new_student")
CHOICE_COLUMNS = ("choice1", "choice2", "choice3")
TAG_COLUMNS = {"goals": "goal", "strengths": "strength", "interests": "interest"}
# Cells holding a list: ';' or a line break (Alt+Enter in a spreadsheet) parts them.
LIST_COLUMNS = {*NAME_LIST_COLUMNS, *CHOICE_COLUMNS, *TAG_COLUMNS}
LIST_SEPARATORS = re.compile(r"[;\r\n]")
HEADER_CUTOFF = 0.75  # 'levle' → level, but 'reading_level' is not 'reading_partner'
SHOWN_LENGTH = 40  # a value quoted in a message is cut to this many characters
MAX_COLUMNS = 200  # a school system's export has ~50; each row is a dict of every column

# Only ASCII digits: float() would also take '٣' (an Arabic-Indic three) and Python's
# other Unicode digits, which no teacher means as a level.
WHOLE_NUMBER = re.compile(r"[0-9]+(?:\.0+)?")
DECIMAL_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?")


@dataclass(frozen=True)
class IgnoredColumn:
    """A column whose header the reader does not know: its cells are not read.

    Not a problem (a teacher's file may carry columns of its own) but listed, with the
    known column a near miss probably means (`choise1` → choice1).
    """

    header: str  # as written in the file
    position: int  # 1 for the first column
    suggestion: str = ""

    @property
    def message(self) -> str:
        hint = f" — did you mean '{self.suggestion}'?" if self.suggestion else ""
        return f"column '{self.header}' is ignored{hint}"


@dataclass(frozen=True)
class RosterRow:
    """One student row as written in the file, with the problems found in it.

    `name` is normalised as the student's will be; `external_id` is the school's id
    for the student ('' when the file has no id column or the cell is blank).
    """

    number: int
    name: str
    problems: tuple[RosterError, ...] = ()
    external_id: str = ""


@dataclass(frozen=True)
class RosterReading:
    """A whole roster file checked at once.

    `problems` lists every problem in the order the checks found it (the first is the
    one parse_roster raises); `rows` holds each student row with its own problems;
    `students` is empty unless there is no problem at all, since an import is all or
    nothing, and then `rows[i]` describes `students[i]`. `ignored_columns` lists the
    headers that were not read, `columns` the known columns that were.
    """

    rows: tuple[RosterRow, ...]
    problems: tuple[RosterError, ...]
    students: tuple[Student, ...] = ()
    ignored_columns: tuple[IgnoredColumn, ...] = ()
    columns: tuple[str, ...] = ()  # the known columns the file has, e.g. ("name", "level")

    @property
    def file_problems(self) -> tuple[RosterError, ...]:
        """Problems of the header or the whole file, not of one student row."""
        numbers = {row.number for row in self.rows}
        return tuple(p for p in self.problems if p.row not in numbers)


def parse_roster(text: str, file: str = "roster") -> tuple[Student, ...]:
    """Parse a class roster CSV (see README for the columns).

    Raises RosterError naming file, row and column at the first bad input: missing
    name column, blank, duplicate or overlong names, invisible characters, bad levels,
    bad booleans, unknown talk styles, classmates' names that are not in the class
    (with a suggestion), an unclosed quote, more than MAX_ROSTER_ROWS students. It is
    the first problem `read_roster` would list for the same text.
    """
    report = ProblemReport(file, RosterError)
    headers, rows = _rows(read_csv(text, report, keep=MAX_ROSTER_ROWS), report)
    return _roster(_columns(headers), rows, report)


def read_roster(text: str, file: str = "roster") -> RosterReading:
    """Check a whole roster CSV and report every problem instead of the first one.

    Never raises for bad input: each problem is a RosterError located by file, row
    and column, listed with its row, so a teacher can fix the file in one go. The
    checks are parse_roster's own; an empty or unreadable file, an unclosed quote, too
    many rows, no 'name' column or no student row stops the reading early.
    """
    return read_roster_table(lambda report: read_csv(text, report, keep=MAX_ROSTER_ROWS), file)


def read_roster_table(
    table_of: Callable[[ProblemReport[RosterError]], CsvTable], file: str
) -> RosterReading:
    """read_roster for a table of any file: `table_of` reads it (columns.py reads any
    spreadsheet and names its columns), reporting to the reading's own report, so a
    problem of the file is listed as one of the roster."""
    report = ProblemReport(file, RosterError, keep_all=True)
    ignored: tuple[IgnoredColumn, ...] = ()
    try:
        headers, rows = _rows(table_of(report), report)
        ignored = ignored_columns(headers)
        students = _roster(_columns(headers), rows, report)
    except RosterError as fatal:
        return RosterReading(rows=(), problems=(*report.problems, fatal), ignored_columns=ignored)
    problems = tuple(report.problems)
    by_row: dict[int | None, list[RosterError]] = {}
    for problem in problems:
        by_row.setdefault(problem.row, []).append(problem)
    return RosterReading(
        rows=tuple(
            RosterRow(line, cells["name"], tuple(by_row.get(line, ())), cells.get("student_id", ""))
            for line, cells in rows
        ),
        problems=problems,
        students=() if problems else students,
        ignored_columns=ignored,
        columns=tuple(c for c in dict.fromkeys(_columns(headers)) if c in KNOWN_COLUMNS),
    )


def roster_column(header: str) -> str:
    """The column a header names: 'Home Language' → home_language, 'ID' → student_id."""
    column = normalise_header(header)
    return COLUMN_ALIASES.get(column, column)


def ignored_columns(headers: list[str]) -> tuple[IgnoredColumn, ...]:
    """Each non-blank header that names no known column, with its likely meaning."""
    meant = Suggestions(sorted(KNOWN_COLUMNS), cutoff=HEADER_CUTOFF)
    return tuple(
        IgnoredColumn(header.strip(), position, meant.closest(roster_column(header)) or "")
        for position, header in enumerate(headers, start=1)
        if header.strip() and roster_column(header) not in KNOWN_COLUMNS
    )


def _columns(headers: list[str]) -> list[str]:
    return [roster_column(header) for header in headers]


def _rows(table: CsvTable, report: ProblemReport[RosterError]) -> tuple[list[str], Rows]:
    """The headers as written and the student rows by column, refusing a file with
    more than MAX_COLUMNS columns or MAX_ROSTER_ROWS student rows before any of its
    rows becomes a value."""
    if len(table.headers) > MAX_COLUMNS:
        raise report.fatal(
            f"the header has {len(table.headers):,} columns; PartnerUp reads at most {MAX_COLUMNS}",
            row=1,
        )
    if table.filled > MAX_ROSTER_ROWS:
        raise report.fatal(
            f"the roster has {table.filled:,} student rows; "
            f"PartnerUp reads at most {MAX_ROSTER_ROWS:,}"
        )
    return table.headers, cells_by_column(_columns(table.headers), table.records, report)


def _roster(
    columns: list[str], rows: Rows, report: ProblemReport[RosterError]
) -> tuple[Student, ...]:
    for column in columns:
        if refused := refused_character(column):
            report(f"the header '{_shown(column)}' holds {refused}; retype it", row=1)
    if "name" not in columns:
        raise report.fatal(
            f"there is no 'name' column{suggest('name', columns)} (found: {', '.join(columns)})",
            row=1,
        )
    if "choices" in columns and any(c in columns for c in CHOICE_COLUMNS):
        report("use either one 'choices' column or choice1..choice3, not both", row=1)
    counted = Counter(columns)
    for twice in sorted(c for c in KNOWN_COLUMNS if counted[c] > 1):
        report(f"the column '{twice}' appears twice", row=1)
    if not rows:
        raise report.fatal("the roster has a header but no students")
    canonical = _identities(rows, report)
    suggestions = Suggestions(canonical.values())
    students = (_student(cells, line, report, canonical, suggestions) for line, cells in rows)
    return tuple(s for s in students if s is not None)


def _identities(rows: Rows, report: ProblemReport[RosterError]) -> dict[str, str]:
    """Each student's name by its key. Names and school ids are checked across the
    whole file here (blank, too long, invisible characters, the same as an earlier
    row's) and written back normalised into each row's cells."""
    canonical: dict[str, str] = {}
    name_rows: dict[str, int] = {}
    id_rows: dict[str, int] = {}
    for line, cells in rows:
        name = _one_line(cells, "name", line, report)
        cells["name"] = normalise_name(cells["name"])
        if name is None:
            pass  # its invisible character is reported
        elif not name:
            report("the name is blank", row=line, column="name")
        elif len(name) > NAME_MAX_LENGTH:
            report(
                f"the name is {len(name)} characters long; a name has at most {NAME_MAX_LENGTH}",
                row=line,
                column="name",
            )
        elif (key := name_key(name)) in canonical:
            report(
                f"'{name}' is already in the class (row {name_rows[key]}); names must be "
                "unique — add an initial, e.g. 'Ana R.'",
                row=line,
                column="name",
            )
        else:
            canonical[key], name_rows[key] = name, line
        if "student_id" in cells:
            _check_external_id(cells, line, report, id_rows)
    return canonical


def _one_line(
    cells: dict[str, str], column: str, line: int, report: ProblemReport[RosterError]
) -> str | None:
    """The cell normalised, or None after reporting an invisible or control character."""
    refused = refused_character(cells[column])
    if refused:
        what = {"name": "the name", "student_id": "the student id"}.get(column, "this cell")
        report(f"{what} holds {refused}; retype it", row=line, column=column)
        return None
    return normalise_name(cells[column])


def _check_external_id(
    cells: dict[str, str], line: int, report: ProblemReport[RosterError], id_rows: dict[str, int]
) -> None:
    external_id = _one_line(cells, "student_id", line, report)
    cells["student_id"] = normalise_name(cells["student_id"])
    if not external_id:
        return
    key = name_key(external_id)
    if len(external_id) > EXTERNAL_ID_MAX_LENGTH:
        report(
            f"the student id is {len(external_id)} characters long; "
            f"a school id has at most {EXTERNAL_ID_MAX_LENGTH}",
            row=line,
            column="student_id",
        )
    elif key in id_rows:
        report(
            f"the student id '{external_id}' is already used in row {id_rows[key]}; "
            "each student has their own",
            row=line,
            column="student_id",
        )
    else:
        id_rows[key] = line


def _student(
    cells: dict[str, str],
    line: int,
    report: ProblemReport[RosterError],
    canonical: dict[str, str],
    suggestions: Suggestions,
) -> Student | None:
    """The row's student, or None when the row has a problem (each one reported)."""
    found_before = len(report.problems)

    def problem(column: str, message: str) -> None:
        report(message, row=line, column=column)

    name = cells["name"]
    cells = _without_refused(cells, problem)

    def names(column: str, raw: str) -> tuple[str, ...]:
        found = []
        for given in _items(raw):
            known = canonical.get(name_key(given))
            if known is None:
                hint = suggestions.hint(given)
                problem(column, f"'{_shown(given)}' is not a student in this class{hint}")
            elif name_key(known) == name_key(name):
                problem(column, f"{name} cannot name themselves")
            else:
                found.append(known)
        return tuple(dict.fromkeys(found))

    level = _level(cells.get("level", ""), problem)
    english = _english(cells.get("english_level", ""), problem)
    talk = cells.get("talk", "").lower() or "balanced"
    if talk not in TALK_STYLES:
        problem(
            "talk",
            f"'{_shown(cells['talk'])}' is not a talk style; use quiet, balanced or dominant",
        )
    flags: dict[str, Any] = {c: _boolean(cells.get(c, ""), c, problem) for c in BOOLEAN_COLUMNS}
    tags: dict[str, Any] = {c: _tags(cells.get(c, ""), c, problem) for c in TAG_COLUMNS}
    home_language = _home_language(cells.get("home_language", ""), problem)
    choices = _choices(cells, names, problem)
    reading = names("reading_partner", cells.get("reading_partner", ""))
    if len(reading) > 1:
        problem("reading_partner", "give one reading partner")
    avoid = names("avoid", cells.get("avoid", ""))
    past_partners = names("past_partners", cells.get("past_partners", ""))
    if not name or len(report.problems) > found_before:
        return None
    return Student(
        name=name,
        level=level,
        **tags,
        home_language=home_language,
        english_level=english,
        choices=choices,
        avoid=avoid,
        talk=talk,  # type: ignore[arg-type]
        reading_partner=reading[0] if reading else "",
        past_partners=past_partners,
        **flags,
    )


def _without_refused(cells: dict[str, str], problem: Callable[[str, str], None]) -> dict[str, str]:
    """The row's cells with each one holding a refused character reported and blanked
    (the name and school id were checked with the whole file)."""
    clean = dict(cells)
    for column, value in cells.items():
        if column in ("name", "student_id") or column not in KNOWN_COLUMNS:
            continue
        if refused := refused_character(value, multiline=column in LIST_COLUMNS):
            problem(column, f"this cell holds {refused}; retype it")
            clean[column] = ""
    return clean


def _choices(
    cells: dict[str, str],
    names: Callable[[str, str], tuple[str, ...]],
    problem: Callable[[str, str], None],
) -> tuple[str, ...]:
    """Up to three ranked choices, from one 'choices' column or choice1..choice3 (whose
    cells may each hold a ';' list); too many is reported in the column that adds
    the fourth."""
    columns = ("choices",) if "choices" in cells else CHOICE_COLUMNS
    choices: list[str] = []
    too_many_in = ""
    for column in columns:
        for chosen in names(column, cells.get(column, "")):
            if chosen not in choices:
                choices.append(chosen)
            if len(choices) > 3 and not too_many_in:
                too_many_in = column
    if too_many_in == "choices":
        problem("choices", f"{len(choices)} choices given; a student names up to three")
    elif too_many_in:
        problem(
            too_many_in,
            f"{len(choices)} choices given across choice1..choice3 ({', '.join(choices)}); "
            "a student names up to three — one name in each choice column",
        )
    return tuple(choices[:3])


def _tags(raw: str, column: str, problem: Callable[[str, str], None]) -> tuple[str, ...]:
    tags = _items(raw)
    for tag in tags:
        if len(tag) > TAG_MAX_LENGTH:
            problem(
                column,
                f"'{_shown(tag)}' is {len(tag)} characters long; "
                f"one {TAG_COLUMNS[column]} has at most {TAG_MAX_LENGTH}",
            )
    return tags


def _home_language(raw: str, problem: Callable[[str, str], None]) -> str:
    language = normalise_name(raw).title()
    if len(language) > TAG_MAX_LENGTH:
        problem(
            "home_language",
            f"the home language is {len(language)} characters long; "
            f"it has at most {TAG_MAX_LENGTH}",
        )
    return language


def _items(raw: str) -> tuple[str, ...]:
    """A list cell's items, normalised as names are."""
    items = (normalise_name(item) for item in LIST_SEPARATORS.split(raw))
    return tuple(item for item in items if item)


def _level(raw: str, problem: Callable[[str, str], None]) -> int | None:
    if not raw:
        return None
    if WHOLE_NUMBER.fullmatch(raw) and 1 <= float(raw) <= 4:
        return int(float(raw))
    problem("level", f"'{_shown(raw)}' is not a writing level; use 1, 2, 3 or 4 (or leave blank)")
    return None


def _english(raw: str, problem: Callable[[str, str], None]) -> float | None:
    if not raw:
        return None
    if not DECIMAL_NUMBER.fullmatch(raw):
        problem("english_level", f"'{_shown(raw)}' is not a WIDA level; use 1-6, e.g. 2.5")
        return None
    value = float(raw.replace(",", "."))
    if not 1 <= value <= 6:
        problem("english_level", f"'{_shown(raw)}' is outside WIDA 1-6")
        return None
    return value


def _boolean(raw: str, column: str, problem: Callable[[str, str], None]) -> bool:
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word not in FALSE_WORDS:
        problem(
            column, f"'{_shown(raw)}' is not yes or no (use yes/no, true/false, 1/0, x or blank)"
        )
    return False


def _shown(value: str) -> str:
    """A value as a message quotes it: a very long one is cut short."""
    return value if len(value) <= SHOWN_LENGTH else value[: SHOWN_LENGTH - 1] + "…"
