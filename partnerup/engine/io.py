"""Reading rosters and rules from CSV text, and plans to and from JSON-ready dicts.

Functions take text (not paths) so the CLI and the web import share one contract.
Row numbers are spreadsheet rows: the header is row 1, the first student row 2.
"""

from __future__ import annotations

import csv
import difflib
import io
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .errors import InputError, RosterError, RulesError
from .model import RULE_KINDS, TALK_STYLES, Partnership, Plan, Rule, Student

TRUE_WORDS = {"yes", "y", "true", "1", "x"}
FALSE_WORDS = {"no", "n", "false", "0", ""}
NAME_LIST_COLUMNS = ("choices", "avoid", "reading_partner", "past_partners")
KNOWN_COLUMNS = {
    "name", "level", "goals", "strengths", "interests", "home_language", "english_level",
    "choice1", "choice2", "choice3", "choices", "avoid", "talk", "often_absent",
    "social_support", "floater", "new_student", "reading_partner", "past_partners",
}  # fmt: skip
BOOLEAN_COLUMNS = ("often_absent", "social_support", "floater", "new_student")
CHOICE_COLUMNS = ("choice1", "choice2", "choice3")

Problem = TypeVar("Problem", bound=InputError)
# Each filled row of a CSV file: its spreadsheet row number and its cells by column.
Rows = list[tuple[int, dict[str, str]]]


def normalise_header(header: str) -> str:
    return "_".join(header.strip().lower().replace("-", " ").split())


def split_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def suggest(name: str, known: Iterable[str]) -> str:
    """' — did you mean 'Ben'?' for a close match, else ''."""
    by_lower = {k.lower(): k for k in known}
    close = difflib.get_close_matches(name.lower(), list(by_lower), n=1, cutoff=0.6)
    return f" — did you mean '{by_lower[close[0]]}'?" if close else ""


class _Report(Generic[Problem]):
    """Where the checks send each problem they find: by default the first one is
    raised (parse_roster, parse_rules); with keep_all every problem is kept and the
    reading goes on (read_roster), so both modes run the very same checks."""

    def __init__(self, file: str, error: type[Problem], keep_all: bool = False) -> None:
        self.file = file
        self.error = error
        self.keep_all = keep_all
        self.problems: list[Problem] = []

    def __call__(self, message: str, row: int | None = None, column: str | None = None) -> None:
        problem = self.error(message, file=self.file, row=row, column=column)
        if not self.keep_all:
            raise problem
        self.problems.append(problem)

    def fatal(self, message: str, row: int | None = None) -> Problem:
        """A problem after which nothing more can be read; the caller raises it."""
        return self.error(message, file=self.file, row=row)


def _rows(text: str, report: _Report[Any]) -> tuple[list[str], Rows]:
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise report.fatal("the file is empty; it needs a header row")
    reader = csv.reader(io.StringIO(text))
    try:
        header = [normalise_header(h) for h in next(reader)]
        # Spreadsheet rows, not physical lines: a quoted cell may hold a line break.
        rows = [(number, row) for number, row in enumerate(reader, start=2)]
    except csv.Error as exc:
        raise report.fatal(f"this is not readable CSV ({exc})", row=reader.line_num) from None
    for line, row in rows:
        if any(cell.strip() for cell in row) and len(row) > len(header):
            report(f"this row has {len(row)} cells but the header has {len(header)}", row=line)
    filled = [
        (line, {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)})
        for line, row in rows
        if any(cell.strip() for cell in row)
    ]
    return header, filled


@dataclass(frozen=True)
class RosterRow:
    """One student row as written in the file, with the problems found in it."""

    number: int
    name: str
    problems: tuple[RosterError, ...] = ()


@dataclass(frozen=True)
class RosterReading:
    """A whole roster file checked at once.

    `problems` lists every problem in the order the checks found it (the first is the
    one parse_roster raises); `rows` holds each student row with its own problems;
    `students` is empty unless there is no problem at all, since an import is all or
    nothing.
    """

    rows: tuple[RosterRow, ...]
    problems: tuple[RosterError, ...]
    students: tuple[Student, ...] = ()

    @property
    def file_problems(self) -> tuple[RosterError, ...]:
        """Problems of the header or the whole file, not of one student row."""
        numbers = {row.number for row in self.rows}
        return tuple(p for p in self.problems if p.row not in numbers)


def parse_roster(text: str, file: str = "roster") -> tuple[Student, ...]:
    """Parse a class roster CSV (see README for the columns).

    Raises RosterError naming file, row and column at the first bad input: missing
    name column, blank or duplicate names, bad levels, bad booleans, unknown talk
    styles, and classmates' names that are not in the class (with a suggestion). It is
    the first problem `read_roster` would list for the same text.
    """
    report = _Report(file, RosterError)
    header, rows = _rows(text, report)
    return _roster(header, rows, report)


def read_roster(text: str, file: str = "roster") -> RosterReading:
    """Check a whole roster CSV and report every problem instead of the first one.

    Never raises for bad input: each problem is a RosterError located by file, row
    and column, listed with its row, so a teacher can fix the file in one go. The
    checks are parse_roster's own; only a file with no readable header or no 'name'
    column stops the reading early.
    """
    report = _Report(file, RosterError, keep_all=True)
    try:
        header, rows = _rows(text, report)
        students = _roster(header, rows, report)
    except RosterError as fatal:
        return RosterReading(rows=(), problems=(*report.problems, fatal))
    problems = tuple(report.problems)
    return RosterReading(
        rows=tuple(
            RosterRow(line, cells["name"], tuple(p for p in problems if p.row == line))
            for line, cells in rows
        ),
        problems=problems,
        students=() if problems else students,
    )


def _roster(header: list[str], rows: Rows, report: _Report[RosterError]) -> tuple[Student, ...]:
    if "name" not in header:
        raise report.fatal(
            f"there is no 'name' column{suggest('name', header)} (found: {', '.join(header)})",
            row=1,
        )
    if "choices" in header and any(c in header for c in CHOICE_COLUMNS):
        report("use either one 'choices' column or choice1..choice3, not both", row=1)
    for duplicated in sorted({h for h in header if h and header.count(h) > 1}):
        report(f"the column '{duplicated}' appears twice", row=1)
    if not rows:
        raise report.fatal("the roster has a header but no students")
    canonical = _class_names(rows, report)
    students = (_student(cells, line, report, canonical) for line, cells in rows)
    return tuple(s for s in students if s is not None)


def _class_names(rows: Rows, report: _Report[RosterError]) -> dict[str, str]:
    """Each name in the class by its lower case; blank and repeated names are problems."""
    canonical: dict[str, str] = {}
    first_row: dict[str, int] = {}
    for line, cells in rows:
        name = cells["name"]
        if not name:
            report("the name is blank", row=line, column="name")
        elif name.lower() in canonical:
            report(
                f"'{name}' is already in the class (row {first_row[name.lower()]}); "
                "names must be unique — add an initial, e.g. 'Ana R.'",
                row=line,
                column="name",
            )
        else:
            canonical[name.lower()] = name
            first_row[name.lower()] = line
    return canonical


def _student(
    cells: dict[str, str], line: int, report: _Report[RosterError], canonical: dict[str, str]
) -> Student | None:
    """The row's student, or None when the row has a problem (each one reported)."""
    found_before = len(report.problems)

    def problem(column: str, message: str) -> None:
        report(message, row=line, column=column)

    name = cells["name"]

    def names(column: str, raw: str) -> tuple[str, ...]:
        found = []
        for given in split_list(raw):
            known = canonical.get(given.lower())
            if known is None:
                hint = suggest(given, canonical.values())
                problem(column, f"'{given}' is not a student in this class{hint}")
            elif known.lower() == name.lower():
                problem(column, f"{name} cannot name themselves")
            else:
                found.append(known)
        return tuple(dict.fromkeys(found))

    level = _level(cells.get("level", ""), problem)
    english = _english(cells.get("english_level", ""), problem)
    talk = cells.get("talk", "").lower() or "balanced"
    if talk not in TALK_STYLES:
        problem("talk", f"'{cells['talk']}' is not a talk style; use quiet, balanced or dominant")
    flags = {c: _boolean(cells.get(c, ""), c, problem) for c in BOOLEAN_COLUMNS}
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
        goals=split_list(cells.get("goals", "")),
        strengths=split_list(cells.get("strengths", "")),
        interests=split_list(cells.get("interests", "")),
        home_language=cells.get("home_language", "").strip().title(),
        english_level=english,
        choices=choices,
        avoid=avoid,
        talk=talk,  # type: ignore[arg-type]
        reading_partner=reading[0] if reading else "",
        past_partners=past_partners,
        **flags,
    )


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


def _level(raw: str, problem: Callable[[str, str], None]) -> int | None:
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value != int(value) or not 1 <= value <= 4:
        problem("level", f"'{raw}' is not a writing level; use 1, 2, 3 or 4 (or leave blank)")
        return None
    return int(value)


def _english(raw: str, problem: Callable[[str, str], None]) -> float | None:
    if not raw:
        return None
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        problem("english_level", f"'{raw}' is not a WIDA level; use 1-6, e.g. 2.5")
        return None
    if not math.isfinite(value) or not 1 <= value <= 6:
        problem("english_level", f"'{raw}' is outside WIDA 1-6")
        return None
    return value


def _boolean(raw: str, column: str, problem: Callable[[str, str], None]) -> bool:
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word not in FALSE_WORDS:
        problem(column, f"'{raw}' is not yes or no (use yes/no, true/false, 1/0, x or blank)")
    return False


def parse_rules(text: str, students: Iterable[Student], file: str = "rules") -> tuple[Rule, ...]:
    """Parse a rules CSV (`rule,students`). Names must be students of the class."""
    canonical = {s.name.lower(): s.name for s in students}
    header, rows = _rows(text, _Report(file, RulesError))
    for needed in ("rule", "students"):
        if needed not in header:
            raise RulesError(f"there is no '{needed}' column", file=file, row=1)
    rules = []
    locked_in: dict[str, int] = {}
    for line, cells in rows:
        kind = normalise_header(cells["rule"])
        if kind not in RULE_KINDS:
            hint = suggest(kind, RULE_KINDS)
            raise RulesError(
                f"'{cells['rule']}' is not a rule{hint} (use keep_apart, keep_together or lock)",
                file=file,
                row=line,
                column="rule",
            )
        members = []
        for given in split_list(cells["students"]):
            known = canonical.get(given.lower())
            if known is None:
                hint = suggest(given, canonical.values())
                raise RulesError(
                    f"'{given}' is not a student in this class{hint}",
                    file=file,
                    row=line,
                    column="students",
                )
            members.append(known)
        members = list(dict.fromkeys(members))
        if len(members) < 2:
            raise RulesError(
                "a rule needs at least two students, separated by ';'",
                file=file,
                row=line,
                column="students",
            )
        if kind in ("lock", "keep_together") and len(members) > 3:
            raise RulesError(
                f"a {kind} rule holds a pair or a three, not {len(members)} students",
                file=file,
                row=line,
                column="students",
            )
        if kind == "lock":
            for name in members:
                if name in locked_in:
                    raise RulesError(
                        f"{name} is already locked in row {locked_in[name]}",
                        file=file,
                        row=line,
                        column="students",
                    )
                locked_in[name] = line
        rules.append(Rule(kind, tuple(members)))  # type: ignore[arg-type]
    return tuple(rules)


def plan_to_dict(plan: Plan, elapsed_ms: float | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "status": plan.status,
        "objective": plan.objective,
        "bound": plan.bound,
        "gap": round(plan.gap, 4),
        "groups": [
            {
                "members": list(p.members),
                "roles": dict(p.roles),
                "score": p.score,
                "reasons": list(p.reasons),
                "locked": p.is_locked,
            }
            for p in plan.partnerships
        ],
        "floaters": list(plan.floaters),
        "partner_partners": [list(four) for four in plan.partner_partners],
        "conflicts": list(plan.conflicts),
        "forbidden_pairs": [list(pair) for pair in plan.forbidden_pairs],
        "emergent_bilinguals": list(plan.emergent_bilinguals),
    }
    if elapsed_ms is not None:
        data["elapsed_ms"] = round(elapsed_ms, 1)
    return data


def plan_from_dict(data: Any, file: str = "plan") -> Plan:
    """Rebuild a plan written by `plan_to_dict`; a RosterError says what is wrong."""
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
        raise RosterError("this is not a PartnerUp plan (no 'groups' list)", file=file)
    try:
        return _plan_from_dict(data, file)
    except (TypeError, ValueError, AttributeError) as exc:
        raise RosterError(f"this plan is malformed ({exc})", file=file) from None


def _names_list(value: Any, what: str, file: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RosterError(f"'{what}' must be a list of names", file=file)
    if len(set(value)) != len(value):
        raise RosterError(f"'{what}' lists a student twice", file=file)
    return tuple(value)


def _plan_from_dict(data: dict[str, Any], file: str) -> Plan:
    partnerships = []
    seen: set[str] = set()
    for index, group in enumerate(data["groups"], start=1):
        members = group.get("members") if isinstance(group, dict) else None
        if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
            raise RosterError(f"group {index} has no list of member names", file=file)
        twice = seen.intersection(members)
        if twice or len(set(members)) != len(members) or not members:
            raise RosterError(f"group {index} repeats a student or is empty", file=file)
        seen.update(members)
        roles = group.get("roles") or {}
        if not isinstance(roles, dict):
            raise RosterError(f"group {index}: 'roles' must map names to A/B", file=file)
        partnerships.append(
            Partnership(
                members=tuple(members),
                roles=tuple((m, str(roles.get(m, ""))) for m in members),
                score=float(group.get("score", 0.0)),
                reasons=tuple(str(r) for r in group.get("reasons", [])),
                is_locked=bool(group.get("locked", False)),
            )
        )
    floaters = _names_list(data.get("floaters", []), "floaters", file)
    if seen.intersection(floaters):
        raise RosterError("a floater is also in a partnership", file=file)
    forbidden = []
    for pair in data.get("forbidden_pairs", []):
        if not isinstance(pair, list) or len(pair) != 2:
            raise RosterError("each forbidden pair must be two names", file=file)
        forbidden.append((str(pair[0]), str(pair[1])))
    fours = tuple(
        _names_list(four, "partner_partners", file) for four in data.get("partner_partners", [])
    )
    return Plan(
        status=data.get("status", "feasible"),
        partnerships=tuple(partnerships),
        floaters=floaters,
        objective=float(data.get("objective", 0.0)),
        bound=float(data.get("bound", 0.0)),
        conflicts=tuple(str(c) for c in data.get("conflicts", [])),
        partner_partners=fours,
        forbidden_pairs=tuple(forbidden),
        emergent_bilinguals=_names_list(
            data.get("emergent_bilinguals", []), "emergent_bilinguals", file
        ),
    )
