"""A class roster from a school system's export: a OneRoster 1.1 or 1.2 CSV bundle, or
a Clever-style zip. One class of the bundle becomes a sheet (sheets.Sheet) that the
roster reader (columns.py) reads like any file, so the preview and merge are the same.

The promises kept here:
- A bundle is told from an Excel workbook by its members (manifest.csv, users.csv,
  students.csv, sections.csv…), before anything reads it as a workbook.
- Its size and its number of members are checked before any member is unzipped, with
  the limits a workbook has (sheets.MAX_WORKBOOK_BYTES, MAX_WORKBOOK_PARTS); no member
  file is read past MAX_BUNDLE_ROWS rows.
- Only what partnering needs is read from a student: given and family name, the
  school's id (OneRoster `sourcedId`, Clever `Student_id`) and grade. Birth dates,
  demographics, emails, phone numbers, usernames and passwords are never read into
  anything returned: the sheet holds only the name parts and the id, the grades only
  the class's summary.
- Only students are taken: OneRoster users whose role (1.1 `role`, 1.2 `roles.csv` or
  a `roles` column) and enrollment role are `student`; teachers and parents are not.
- A malformed bundle stops with one plain message naming the member file and row:
  "enrollments.csv row 7: user 'u123' is not in users.csv".
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .errors import RosterError
from .io import CsvTable, ProblemReport, read_csv
from .names import name_key
from .sheets import MAX_SHEET_ROWS, ZIP_START, Sheet, check_zip, decoded, listed

MAX_BUNDLE_ROWS = MAX_SHEET_ROWS  # rows of one member file: a whole school's users
ONEROSTER_FILES = ("manifest.csv", "users.csv", "classes.csv", "enrollments.csv")
CLEVER_FILES = ("students.csv", "sections.csv", "enrollments.csv")
BUNDLE_FILES = {*ONEROSTER_FILES, *CLEVER_FILES, "roles.csv", "orgs.csv", "teachers.csv"}
WORKBOOK_PART = "[content_types].xml"  # every .xlsx has it; a bundle does not
ONEROSTER_VERSIONS = ("1.1", "1.2")
DELETED = "tobedeleted"  # a OneRoster record's status when it is gone
# The headers of the sheet a class becomes: the roster reader maps them to
# first_name, last_name and student_id, as it would a school's spreadsheet.
SHEET_HEADERS = ["First name", "Last name", "Student ID"]


@dataclass(frozen=True)
class SchoolClass:
    """A class of a bundle: its id in the bundle, title, code ('' when none), the
    grades of its students and how many students it has."""

    key: str
    title: str
    code: str = ""
    grades: tuple[str, ...] = ()
    students: int = 0

    @property
    def described(self) -> str:
        code = f" ({self.code})" if self.code and self.code != self.title else ""
        return f"'{self.title}'{code}"

    @property
    def shown(self) -> str:
        return self.title + (f" ({self.code})" if self.code else "")


@dataclass(frozen=True)
class SchoolStudent:
    number: int  # the row of users.csv (students.csv for Clever)
    key: str
    given_name: str
    family_name: str
    grade: str = ""


@dataclass(frozen=True)
class SchoolBundle:
    """A bundle read: what wrote it ('OneRoster 1.2', 'Clever'), its classes in the
    order the bundle lists them, and each class's students (by the class's key)."""

    format: str
    classes: tuple[SchoolClass, ...]
    enrolled: dict[str, tuple[SchoolStudent, ...]] = field(default_factory=dict)


def is_school_bundle(data: bytes) -> bool:
    """Whether the file is a zip of a school system's CSV files, not a workbook."""
    if not data.startswith(ZIP_START):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = {_base(name) for name in archive.namelist()}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
    return WORKBOOK_PART not in names and bool(names & BUNDLE_FILES)


def read_school_bundle(data: bytes, file: str) -> SchoolBundle:
    """The bundle's format, classes and their students. Raises RosterError (located at
    `file`) for a zip too large, not a bundle, a missing file or column, duplicate ids,
    or an enrollment naming an unknown user or class."""
    report = ProblemReport(file, RosterError)
    members = _members(data, report)
    if "manifest.csv" in members:
        return _oneroster(members, report)
    if "students.csv" in members or "sections.csv" in members:
        return _clever(members, report)
    raise report.fatal(
        "this zip has no manifest.csv, so it is not a OneRoster bundle (nor a Clever export "
        "with students.csv and sections.csv); export the roster again from the school system"
    )


def school_class_sheet(
    data: bytes, file: str, report: ProblemReport[RosterError], chosen: str | None
) -> Sheet:
    """The students of the class chosen (by its title, code or key) as a sheet of
    first name, last name and student id, each row numbered as in users.csv. Without
    a choice, a bundle of one class gives that class. Raises report.fatal."""
    try:
        bundle = read_school_bundle(data, file)
    except RosterError as problem:
        raise report.fatal(problem.message) from None
    school_class = choose_class(bundle, chosen, report)
    students = bundle.enrolled.get(school_class.key, ())
    if not students:
        raise report.fatal(f"the class {school_class.described} has no students in this bundle")
    records = [(s.number, [s.given_name, s.family_name, s.key]) for s in students]
    table = CsvTable(list(SHEET_HEADERS), records, len(records))
    return Sheet(table, source=f"{bundle.format} bundle, class {school_class.described}")


def choose_class(
    bundle: SchoolBundle, chosen: str | None, report: ProblemReport[RosterError]
) -> SchoolClass:
    """The class whose key, or else title or code, is `chosen` (case and spacing
    ignored); the only class when none is chosen."""
    classes, chosen = bundle.classes, (chosen or "").strip()
    if not chosen:
        if len(classes) == 1:
            return classes[0]
        raise report.fatal(
            f"this bundle holds {len(classes)} classes; choose one "
            f"(by title or class code): {_shown(classes)}"
        )
    found = [c for c in classes if c.key == chosen]
    found = found or [
        c for c in classes if name_key(chosen) in (name_key(c.title), name_key(c.code))
    ]
    if len(found) == 1:
        return found[0]
    if found:
        raise report.fatal(
            f"{len(found)} classes are called '{chosen}': {_shown(found)}; choose one by "
            "its class code"
        )
    raise report.fatal(f"there is no class '{chosen}' in this bundle; it has {_shown(classes)}")


def _shown(classes: Iterable[SchoolClass]) -> str:
    return listed([c.shown for c in classes])


# Members ---------------------------------------------------------------------------


class Member:
    """One CSV file of the bundle: its rows by column, each with its row number."""

    def __init__(self, name: str, table: CsvTable, report: ProblemReport[RosterError]) -> None:
        self.name = name
        self.report = report
        self.columns = {_header(h): i for i, h in reversed(list(enumerate(table.headers)))}
        self.records = table.records

    def has(self, column: str) -> bool:
        return column.lower() in self.columns

    def require(self, *columns: str) -> None:
        for column in columns:
            if not self.has(column):
                raise self.report.fatal(f"{self.name} has no '{column}' column")

    def rows(self, *columns: str) -> Iterable[tuple[int, dict[str, str]]]:
        """Each row's cells of these columns only (blank for a column it lacks)."""
        at = [(c, self.columns.get(c.lower())) for c in columns]
        for number, cells in self.records:
            yield (
                number,
                {c: (cells[i].strip() if i is not None and i < len(cells) else "") for c, i in at},
            )

    def problem(self, number: int, message: str) -> RosterError:
        return self.report.fatal(f"{self.name} row {number}: {message}")


def _members(data: bytes, report: ProblemReport[RosterError]) -> dict[str, Callable[[], Member]]:
    """The bundle's CSV files by name (lower case, any folder dropped), each read when
    asked for; the zip is checked for its size first."""
    infos = check_zip(data, report, "bundle", "export one school's roster")
    archive = zipfile.ZipFile(io.BytesIO(data))
    found: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = _base(info.filename)
        if info.is_dir() or not name.endswith(".csv") or "__macosx" in info.filename.lower():
            continue
        if name in found:
            raise report.fatal(f"this zip holds two files named {name}; keep one")
        found[name] = info

    def reader(name: str, info: zipfile.ZipInfo) -> Callable[[], Member]:
        return lambda: _read_member(name, _unzipped(archive, info, name, report), report)

    return {name: reader(name, info) for name, info in found.items()}


def _unzipped(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, report: ProblemReport[RosterError]
) -> bytes:
    # A damaged member fails its CRC check, an encrypted one asks for a password, an
    # unusual compression is not implemented: none of Python's words reach a teacher.
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, NotImplementedError):
        raise report.fatal(
            f"{name} cannot be unzipped (the zip may be damaged or protected by a password); "
            "export the roster again"
        ) from None


def _read_member(name: str, data: bytes, report: ProblemReport[RosterError]) -> Member:
    inner = ProblemReport(name, RosterError)
    try:
        text, _ = decoded(data, inner)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        table = read_csv(text, inner, keep=MAX_BUNDLE_ROWS)
    except RosterError as problem:
        where = f" row {problem.row}" if problem.row else ""
        raise report.fatal(f"{name}{where}: {problem.message}") from None
    if table.filled > MAX_BUNDLE_ROWS:
        raise report.fatal(
            f"{name} has {table.filled:,} rows; PartnerUp reads a bundle of at most "
            f"{MAX_BUNDLE_ROWS:,} rows a file — export one school"
        )
    return Member(name, table, report)


def _needed(
    members: dict[str, Callable[[], Member]], name: str, report: ProblemReport[RosterError]
) -> Member:
    if name not in members:
        raise report.fatal(f"this bundle has no {name}; export the roster again with it")
    return members[name]()


def _base(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1].lower()


def _header(header: str) -> str:
    return header.strip().removeprefix("\ufeff").lower()


def _unique(member: Member, column: str) -> dict[str, int]:
    """Each id of the column with its row; a blank or repeated id stops the reading."""
    seen: dict[str, int] = {}
    for number, cells in member.rows(column):
        key = cells[column]
        if not key:
            raise member.problem(number, f"the '{column}' is blank")
        if key in seen:
            raise member.problem(number, f"the {column} '{key}' is also in row {seen[key]}")
        seen[key] = number
    return seen


# OneRoster ------------------------------------------------------------------------


def _oneroster(
    members: dict[str, Callable[[], Member]], report: ProblemReport[RosterError]
) -> SchoolBundle:
    version = _manifest_version(members["manifest.csv"](), report)
    users = _needed(members, "users.csv", report)
    users.require("sourcedId", "givenName", "familyName")
    known_users = set(_unique(users, "sourcedId"))
    roles = _oneroster_roles(users, members, report)
    students = {}
    for number, cells in users.rows("sourcedId", "givenName", "familyName", "grades", "status"):
        key = cells["sourcedId"]
        if cells["status"].lower() != DELETED and roles.get(key, "student") == "student":
            grade = _grade(cells["grades"].split(",")[0])
            students[key] = SchoolStudent(
                number, key, cells["givenName"], cells["familyName"], grade
            )
    classes_file = _needed(members, "classes.csv", report)
    classes_file.require("sourcedId", "title")
    _unique(classes_file, "sourcedId")
    classes = [
        (cells["sourcedId"], cells["title"], cells["classCode"])
        for _, cells in classes_file.rows("sourcedId", "title", "classCode", "status")
        if cells["status"].lower() != DELETED
    ]
    enrollments = _needed(members, "enrollments.csv", report)
    enrollments.require("classSourcedId", "userSourcedId", "role")
    rows = (
        (number, cells["classSourcedId"], cells["userSourcedId"], cells["role"].lower())
        for number, cells in enrollments.rows("classSourcedId", "userSourcedId", "role", "status")
        if cells["status"].lower() != DELETED
    )
    return _bundle(
        f"OneRoster {version}", classes, students, rows, enrollments, known_users, "users.csv"
    )


def _manifest_version(manifest: Member, report: ProblemReport[RosterError]) -> str:
    manifest.require("propertyName", "value")
    properties = {
        cells["propertyName"].lower(): cells["value"]
        for _, cells in manifest.rows("propertyName", "value")
    }
    version = properties.get("oneroster.version", "")
    if version not in ONEROSTER_VERSIONS:
        said = f"version '{version}'" if version else "no oneroster.version"
        raise report.fatal(
            f"manifest.csv gives {said}; PartnerUp reads OneRoster "
            f"{' and '.join(ONEROSTER_VERSIONS)} CSV bundles"
        )
    for name in ("users", "classes", "enrollments"):
        if properties.get(f"file.{name}", "bulk").lower() == "absent":
            raise report.fatal(
                f"manifest.csv says this bundle has no {name}.csv; export it with "
                "users, classes and enrollments"
            )
    return version


def _oneroster_roles(
    users: Member, members: dict[str, Callable[[], Member]], report: ProblemReport[RosterError]
) -> dict[str, str]:
    """Each user's role: users.csv's `role` (1.1) or `roles` column, else 1.2's
    roles.csv ('student' when any of the user's roles is); {} when none says."""
    column = "role" if users.has("role") else "roles" if users.has("roles") else ""
    if column:
        return {
            cells["sourcedId"]: (
                "student"
                if "student" in {r.strip().lower() for r in cells[column].split(",")}
                else cells[column].lower()
            )
            for _, cells in users.rows("sourcedId", column)
        }
    if "roles.csv" not in members:
        raise report.fatal(
            "users.csv has no 'role' column and the bundle has no roles.csv, so students "
            "cannot be told from teachers"
        )
    roles_file = members["roles.csv"]()
    roles_file.require("userSourcedId", "role")
    roles: dict[str, str] = {}
    for _, cells in roles_file.rows("userSourcedId", "role", "status"):
        if cells["status"].lower() == DELETED:
            continue
        key, role = cells["userSourcedId"], cells["role"].lower()
        roles[key] = "student" if "student" in (role, roles.get(key)) else role
    return roles


# Clever ---------------------------------------------------------------------------


def _clever(
    members: dict[str, Callable[[], Member]], report: ProblemReport[RosterError]
) -> SchoolBundle:
    students_file = _needed(members, "students.csv", report)
    students_file.require("Student_id", "First_name", "Last_name")
    _unique(students_file, "Student_id")
    students = {
        cells["Student_id"]: SchoolStudent(
            number,
            cells["Student_id"],
            cells["First_name"],
            cells["Last_name"],
            _grade(cells["Grade"]),
        )
        for number, cells in students_file.rows("Student_id", "First_name", "Last_name", "Grade")
    }
    sections = _needed(members, "sections.csv", report)
    sections.require("Section_id", "Name")
    _unique(sections, "Section_id")
    classes = [
        (cells["Section_id"], cells["Name"], cells["Section_number"])
        for _, cells in sections.rows("Section_id", "Name", "Section_number")
    ]
    enrollments = _needed(members, "enrollments.csv", report)
    enrollments.require("Section_id", "Student_id")
    rows = (
        (number, cells["Section_id"], cells["Student_id"], "student")
        for number, cells in enrollments.rows("Section_id", "Student_id")
    )
    return _bundle("Clever", classes, students, rows, enrollments, set(students), "students.csv")


# Both -----------------------------------------------------------------------------


def _bundle(
    format_: str,
    classes: list[tuple[str, str, str]],
    students: dict[str, SchoolStudent],
    enrollments: Iterable[tuple[int, str, str, str]],
    enrollments_file: Member,
    known_users: set[str],
    users_file: str,
) -> SchoolBundle:
    """The bundle's classes, each with the students enrolled in it as students; every
    enrollment must name a user and a class the bundle has."""
    titles = {key: title for key, title, _ in classes}
    enrolled: dict[str, dict[str, SchoolStudent]] = {key: {} for key in titles}
    for number, class_key, user_key, role in enrollments:
        if user_key not in known_users:
            raise enrollments_file.problem(number, f"user '{user_key}' is not in {users_file}")
        if class_key not in titles:
            classes_file = "sections.csv" if users_file == "students.csv" else "classes.csv"
            raise enrollments_file.problem(number, f"class '{class_key}' is not in {classes_file}")
        if role == "student" and user_key in students:
            enrolled[class_key].setdefault(user_key, students[user_key])
    summaries = []
    for key, title, code in classes:
        members = enrolled[key].values()
        grades = tuple(sorted({s.grade for s in members if s.grade}, key=_grade_order))
        summaries.append(SchoolClass(key, title or key, code, grades, len(members)))
    if not summaries:
        raise enrollments_file.report.fatal("this bundle has no classes")
    return SchoolBundle(
        format_,
        tuple(summaries),
        {key: tuple(sorted(e.values(), key=lambda s: s.number)) for key, e in enrolled.items()},
    )


def _grade(grade: str) -> str:
    """A grade as a teacher writes it: OneRoster's '03' is 3, 'KG' stays."""
    grade = grade.strip()
    return str(int(grade)) if grade.isdigit() else grade


def _grade_order(grade: str) -> tuple[int, str]:
    return (int(grade), "") if grade.isdigit() else (-1, grade)
