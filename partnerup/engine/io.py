"""CSV text in, located rows out; rules from CSV; plans to and from JSON-ready dicts.

Functions take text (not paths) so the CLI and the web import share one contract.
Row numbers are spreadsheet rows: the header is row 1, the first student row 2, and a
quoted cell holding a line break does not shift them. The class roster is read in
roster.py on top of this module; its names are still importable from here.
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Any, Generic, NamedTuple, TypeVar

from .errors import InputError, RosterError, RulesError
from .model import RULE_KINDS, Partnership, Plan, Rule, Student
from .names import NAME_MAX_LENGTH, name_key

Problem = TypeVar("Problem", bound=InputError)
# Each filled row of a CSV file: its spreadsheet row number and its cells by column.
Rows = list[tuple[int, dict[str, str]]]
# Text a spreadsheet would run as a formula starts with one of these (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def normalise_header(header: str) -> str:
    return "_".join(header.strip().lower().replace("-", " ").split())


def split_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def spreadsheet_cell(value: str | int | float) -> str:
    """A CSV cell a spreadsheet shows as written, never runs.

    Text starting like a formula ('=', '+', '-', '@', a tab or a carriage return) gets
    a leading apostrophe, so a student named '=HYPERLINK(…)' or '-2' is shown as text.
    Numbers stay numbers: -1.5 is a value, not a formula.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class ProblemReport(Generic[Problem]):
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

    def fatal(self, message: str, row: int | None = None, column: str | None = None) -> Problem:
        """A problem after which nothing more can be read; the caller raises it."""
        return self.error(message, file=self.file, row=row, column=column)


class CsvTable(NamedTuple):
    """A CSV file as read: the header cells as written, the filled rows kept (each with
    its spreadsheet row number and its cells), and how many filled rows there were."""

    headers: list[str]
    records: list[tuple[int, list[str]]]
    filled: int


def read_csv(
    text: str, report: ProblemReport[Any], keep: int | None = None, delimiter: str = ","
) -> CsvTable:
    """The header and the filled rows of CSV text (a leading BOM is dropped), its
    cells parted by `delimiter` (sheets.py finds it for a file of unknown shape).

    With `keep`, only the first `keep` filled rows are kept; the others are counted, so
    a huge file costs one pass of the C parser and no per-row values. Raises
    report.fatal for an empty file, unreadable CSV, or a quote never closed — located
    at the row where it opens, since Python's csv would quietly read the rest of the
    file into that one cell.
    """
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise report.fatal("the file is empty; it needs a header row")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    headers: list[str] = []
    records: list[tuple[int, list[str]]] = []
    filled = number = 0
    lines_before = lines_before_last = 0  # physical lines before the next / last record
    try:
        for number, cells in enumerate(reader, start=1):
            lines_before_last, lines_before = lines_before, reader.line_num
            if number == 1:
                headers = cells
            elif any(cell.strip() for cell in cells):
                filled += 1
                if keep is None or filled <= keep:
                    records.append((number, cells))
    except csv.Error as exc:
        _refuse_unclosed_quote(text, lines_before, number + 1, headers, report, delimiter)
        raise report.fatal(_unreadable(exc), row=number + 1) from None
    _refuse_unclosed_quote(text, lines_before_last, number, headers, report, delimiter)
    return CsvTable(headers, records, filled)


def _unreadable(exc: csv.Error) -> str:
    """Python's csv error in a teacher's words."""
    if "field larger" in str(exc):
        return "a cell of this row is too long to be a roster cell (over 131,072 characters)"
    if "NUL" in str(exc):
        return "this row holds a null character, so the file is not plain text; save it again"
    return 'this row cannot be read as CSV; check its quotes (") and save the file again'


@functools.cache
def _field(delimiter: str) -> re.Pattern[str]:
    """One CSV field as Python's csv reads it (excel dialect, not strict): a quoted part,
    if the field starts with a quote, then anything up to the next delimiter or line break."""
    unquoted = "[^" + re.escape(delimiter) + r"\r\n]*"
    return re.compile(r'(?P<quoted>"(?:[^"]+|"")*(?P<closed>")?)?' + unquoted)


def _refuse_unclosed_quote(
    text: str,
    lines_before: int,
    row: int,
    headers: list[str],
    report: ProblemReport[Any],
    delimiter: str = ",",
) -> None:
    """Raise if the record starting after `lines_before` lines opens a quote that runs
    to the end of the file. Only the last record read can, so only it is scanned."""
    field_pattern = _field(delimiter)
    start = 0
    for _ in range(lines_before):
        start = text.index("\n", start) + 1
    field = 0
    while True:
        match = field_pattern.match(text, start)
        assert match is not None  # every part of the pattern is optional
        if match["quoted"] and not match["closed"]:
            break
        start = match.end()
        if start >= len(text) or text[start] in "\r\n":
            return
        start, field = start + 1, field + 1
    column = normalise_header(headers[field]) if row > 1 and field < len(headers) else None
    raise report.fatal(
        'a quote (") opens in this row and is never closed, so the rest of the file '
        "would be read as one cell; add the closing quote or remove this one",
        row=row,
        column=column or None,
    )


def cells_by_column(
    columns: list[str], records: Iterable[tuple[int, list[str]]], report: ProblemReport[Any]
) -> Rows:
    """Each record's cells by column name, trimmed; missing cells are blank and a row
    with more cells than the header is a problem of that row."""
    rows = []
    for number, cells in records:
        if len(cells) > len(columns):
            report(f"this row has {len(cells)} cells but the header has {len(columns)}", row=number)
        rows.append(
            (
                number,
                {c: (cells[i].strip() if i < len(cells) else "") for i, c in enumerate(columns)},
            )
        )
    return rows


def suggest(name: str, known: Iterable[str]) -> str:
    """' — did you mean 'Ben'?' for a close match, else ''."""
    return Suggestions(known).hint(name)


class Suggestions:
    """Did you mean…? The known name closest to an unknown one.

    Closest is difflib's ratio (at least `cutoff`, ties to the later name in
    alphabetical order, as difflib.get_close_matches does), with case, accents and
    spacing ignored. A class-sized list is compared name by name. A long one (a
    2,000-row roster) is indexed by letter triples, and an unknown name is compared
    only with the few names sharing the most triples with it: comparing each unknown
    name with every name took over 30 s on a 2,000-row roster where each row misspelt one.
    Answers are remembered, so a name misspelt on many rows costs one search.
    """

    COMPARE_ALL = 64  # up to this many names, compare with each of them
    CANDIDATES = 12  # else with this many, sharing the most letter triples

    def __init__(self, known: Iterable[str], cutoff: float = 0.6) -> None:
        self.cutoff = cutoff
        self._names: dict[str, str] = {}
        for name in known:
            self._names.setdefault(_folded(name), name)
        self._keys = list(self._names)
        self._index: dict[str, list[int]] | None = None
        self._answers: dict[str, str | None] = {}

    def closest(self, unknown: str) -> str | None:
        key = _folded(unknown)
        if key not in self._answers:
            self._answers[key] = self._closest(key)
        return self._answers[key]

    def hint(self, unknown: str) -> str:
        found = self.closest(unknown)
        return f" — did you mean '{found}'?" if found else ""

    def _closest(self, key: str) -> str | None:
        if not key or len(key) > 2 * NAME_MAX_LENGTH:
            return None
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(key)  # difflib caches its analysis of the second sequence
        best_score, best = 0.0, ""
        for candidate in self._candidates(key):
            matcher.set_seq1(candidate)
            floor = max(self.cutoff, best_score)
            if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
                continue
            score = matcher.ratio()
            if score >= floor and (score, candidate) > (best_score, best):
                best_score, best = score, candidate
        return self._names[best] if best else None

    def _candidates(self, key: str) -> list[str]:
        if len(self._keys) <= self.COMPARE_ALL:
            return self._keys
        if self._index is None:
            self._index = {}
            for number, known in enumerate(self._keys):
                for triple in _triples(known):
                    self._index.setdefault(triple, []).append(number)
        shared: Counter[int] = Counter()
        for triple in _triples(key):
            shared.update(self._index.get(triple, ()))
        return [self._keys[number] for number, _ in shared.most_common(self.CANDIDATES)]


def _folded(name: str) -> str:
    """A name as suggestions compare it: case, accents and spacing ignored."""
    decomposed = unicodedata.normalize("NFD", name_key(name))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _triples(key: str) -> set[str]:
    # Padded, so the first and last letters count: 'bn' and 'ben' share '^^b' and 'n$$'.
    padded = f"^^{key}$$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def parse_rules(text: str, students: Iterable[Student], file: str = "rules") -> tuple[Rule, ...]:
    """Parse a rules CSV (`rule,students`). Names must be students of the class."""
    report = ProblemReport(file, RulesError)
    return rules_from_table(read_csv(text, report), students, report)


def rules_from_table(
    table: CsvTable, students: Iterable[Student], report: ProblemReport[RulesError]
) -> tuple[Rule, ...]:
    """The rules of a table read from a rules file (`rule,students` columns)."""
    file = report.file
    canonical = {name_key(s.name): s.name for s in students}
    header = [normalise_header(h) for h in table.headers]
    rows = cells_by_column(header, table.records, report)
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
            known = canonical.get(name_key(given))
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
                "number": p.number,
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


def _number(value: Any, index: int, file: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RosterError(f"group {index}: 'number' must be a whole number, 0 or more", file=file)
    return value


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
                number=_number(group.get("number", 0), index, file),
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


# Roster reading lives in roster.py, which builds on this module. These names are still
# importable from here; they are fetched on first use, so the two modules do not import
# each other while loading.
_ROSTER_NAMES = frozenset(
    {
        "BOOLEAN_COLUMNS", "CHOICE_COLUMNS", "FALSE_WORDS", "IgnoredColumn", "KNOWN_COLUMNS",
        "NAME_LIST_COLUMNS", "RosterReading", "RosterRow", "TRUE_WORDS", "parse_roster",
        "read_roster",
    }
)  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in _ROSTER_NAMES:
        from . import roster

        return getattr(roster, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
