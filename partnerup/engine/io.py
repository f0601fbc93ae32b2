"""Reading rosters and rules from CSV text, and plans to and from JSON-ready dicts.

Functions take text (not paths) so the CLI and the web import share one contract.
Row numbers are spreadsheet rows: the header is row 1, the first student row 2.
"""

from __future__ import annotations

import csv
import difflib
import io
import math
from collections.abc import Iterable
from typing import Any

from .errors import RosterError, RulesError
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


def normalise_header(header: str) -> str:
    return "_".join(header.strip().lower().replace("-", " ").split())


def split_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def suggest(name: str, known: Iterable[str]) -> str:
    """' — did you mean 'Ben'?' for a close match, else ''."""
    by_lower = {k.lower(): k for k in known}
    close = difflib.get_close_matches(name.lower(), list(by_lower), n=1, cutoff=0.6)
    return f" — did you mean '{by_lower[close[0]]}'?" if close else ""


def _rows(text: str, file: str, error: type[RosterError] | type[RulesError]):
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise error("the file is empty; it needs a header row", file=file)
    reader = csv.reader(io.StringIO(text))
    try:
        header = [normalise_header(h) for h in next(reader)]
        # Spreadsheet rows, not physical lines: a quoted cell may hold a line break.
        rows = [(number, row) for number, row in enumerate(reader, start=2)]
    except csv.Error as exc:
        raise error(f"this is not readable CSV ({exc})", file=file, row=reader.line_num) from None
    for line, row in rows:
        if any(cell.strip() for cell in row) and len(row) > len(header):
            raise error(
                f"this row has {len(row)} cells but the header has {len(header)}",
                file=file,
                row=line,
            )
    filled = [
        (line, {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)})
        for line, row in rows
        if any(cell.strip() for cell in row)
    ]
    return header, filled


def parse_roster(text: str, file: str = "roster") -> tuple[Student, ...]:
    """Parse a class roster CSV (see README for the columns).

    Raises RosterError naming file, row and column for every kind of bad input:
    missing name column, blank or duplicate names, bad levels, bad booleans, unknown
    talk styles, and classmates' names that are not in the class (with a suggestion).
    """
    header, rows = _rows(text, file, RosterError)
    if "name" not in header:
        raise RosterError(
            f"there is no 'name' column{suggest('name', header)} (found: {', '.join(header)})",
            file=file,
            row=1,
        )
    if "choices" in header and any(c in header for c in ("choice1", "choice2", "choice3")):
        raise RosterError(
            "use either one 'choices' column or choice1..choice3, not both", file=file, row=1
        )
    duplicated = sorted({h for h in header if h and header.count(h) > 1})
    if duplicated:
        raise RosterError(f"the column '{duplicated[0]}' appears twice", file=file, row=1)
    if not rows:
        raise RosterError("the roster has a header but no students", file=file)

    first_row: dict[str, int] = {}
    canonical: dict[str, str] = {}
    for line, cells in rows:
        name = cells["name"]
        if not name:
            raise RosterError("the name is blank", file=file, row=line, column="name")
        if name.lower() in canonical:
            raise RosterError(
                f"'{name}' is already in the class (row {first_row[name.lower()]}); "
                "names must be unique — add an initial, e.g. 'Ana R.'",
                file=file,
                row=line,
                column="name",
            )
        canonical[name.lower()] = name
        first_row[name.lower()] = line
    return tuple(_student(cells, line, file, canonical) for line, cells in rows)


def _student(cells: dict[str, str], line: int, file: str, canonical: dict[str, str]) -> Student:
    def fail(column: str, message: str) -> RosterError:
        return RosterError(message, file=file, row=line, column=column)

    name = cells["name"]

    def names(column: str, raw: str) -> tuple[str, ...]:
        found = []
        for given in split_list(raw):
            known = canonical.get(given.lower())
            if known is None:
                hint = suggest(given, canonical.values())
                raise fail(column, f"'{given}' is not a student in this class{hint}")
            if known == name:
                raise fail(column, f"{name} cannot name themselves")
            found.append(known)
        return tuple(dict.fromkeys(found))

    level = _level(cells.get("level", ""), fail)
    english = _english(cells.get("english_level", ""), fail)
    talk = cells.get("talk", "").lower() or "balanced"
    if talk not in TALK_STYLES:
        raise fail(
            "talk", f"'{cells['talk']}' is not a talk style; use quiet, balanced or dominant"
        )
    flags = {c: _boolean(cells.get(c, ""), c, fail) for c in BOOLEAN_COLUMNS}
    if "choices" in cells:
        choices = names("choices", cells["choices"])
    else:
        ranked = [(c, cells.get(c, "")) for c in ("choice1", "choice2", "choice3")]
        choices = tuple(dict.fromkeys(n for c, raw in ranked for n in names(c, raw)))
    if len(choices) > 3:
        raise fail("choices", f"{len(choices)} choices given; a student names up to three")
    reading = names("reading_partner", cells.get("reading_partner", ""))
    if len(reading) > 1:
        raise fail("reading_partner", "give one reading partner")
    return Student(
        name=name,
        level=level,
        goals=split_list(cells.get("goals", "")),
        strengths=split_list(cells.get("strengths", "")),
        interests=split_list(cells.get("interests", "")),
        home_language=cells.get("home_language", "").strip().title(),
        english_level=english,
        choices=choices,
        avoid=names("avoid", cells.get("avoid", "")),
        talk=talk,  # type: ignore[arg-type]
        reading_partner=reading[0] if reading else "",
        past_partners=names("past_partners", cells.get("past_partners", "")),
        **flags,
    )


def _level(raw: str, fail) -> int | None:
    if not raw:
        return None
    problem = f"'{raw}' is not a writing level; use 1, 2, 3 or 4 (or leave blank)"
    try:
        value = float(raw)
    except ValueError:
        raise fail("level", problem) from None
    if not math.isfinite(value) or value != int(value) or not 1 <= value <= 4:
        raise fail("level", problem)
    return int(value)


def _english(raw: str, fail) -> float | None:
    if not raw:
        return None
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        raise fail("english_level", f"'{raw}' is not a WIDA level; use 1-6, e.g. 2.5") from None
    if not math.isfinite(value) or not 1 <= value <= 6:
        raise fail("english_level", f"'{raw}' is outside WIDA 1-6")
    return value


def _boolean(raw: str, column: str, fail) -> bool:
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise fail(column, f"'{raw}' is not yes or no (use yes/no, true/false, 1/0, x or blank)")


def parse_rules(text: str, students: Iterable[Student], file: str = "rules") -> tuple[Rule, ...]:
    """Parse a rules CSV (`rule,students`). Names must be students of the class."""
    canonical = {s.name.lower(): s.name for s in students}
    header, rows = _rows(text, file, RulesError)
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
