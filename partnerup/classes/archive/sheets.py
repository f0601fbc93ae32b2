"""The spreadsheets of an export: one table per CSV file, made from class.json's data.

Classmates are written by name, so a teacher can read every file; roster.csv keeps the
roster import's own columns, so it can be imported again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from partnerup.conferring.sheets import conference_rows
from partnerup.helpboard.archive import help_board_rows

from ..keys import key_pk
from ..models import Rule


def class_sheets(data: dict[str, Any]) -> dict[str, list[list[Any]]]:
    """One table per CSV file, made from class.json's data (so both say the same)."""
    names = {s["ref"]: s["name"] for s in data["students"]}

    def named(refs: Iterable[int]) -> str:
        return "; ".join(names[ref] for ref in refs if ref in names)

    words = {t["key"]: t["en"] for t in data["traits"]}
    questions = data["survey_questions"]
    plan_names = {p["ref"]: p["name"] or "Draft plan" for p in data["plans"]}
    return {
        "roster.csv": _roster_rows(data["students"], named),
        "rules.csv": [["rule", "students"]]
        + [[dict(Rule.KINDS)[r["kind"]], named(r["students"])] for r in data["rules"]],
        "answers.csv": _answers_rows(data["students"], named, words, questions),
        "plans.csv": [["plan", "starts", "ends", "current", "partnership", "members", "roles"]]
        + [
            [
                plan_names[p["ref"]],
                p["starts"] or "",
                p["ends"] or "",
                _yes(p["is_current"]),
                *partnership,
            ]
            for p in data["plans"]
            for partnership in _partnerships(p["arrangement"], names)
        ],
        "days.csv": [["date", "plan", "away", "partnership", "members"]]
        + [
            [day["date"], plan_names.get(day["plan"], ""), named(day["absent"]), number, members]
            for day in data["days"]
            for number, members, _ in _partnerships(day["arrangement"], names) or [("", "", "")]
        ],
        "lead_turns.csv": [["date", "partnership", "leader"]]
        + [
            [day["date"], named(turn["members"]), names.get(turn["leader"], "")]
            for day in data["days"]
            for turn in day["lead_turns"]
        ],
        "headline_weeks.csv": [["monday", "partners"]]
        + [[w["monday"], named(group)] for w in data["headline_weeks"] for group in w["groups"]],
        "headline_notes.csv": [["monday", "student", "plus one", "plus two", "wish"]]
        + [
            [w["monday"], names[n["student"]], n["plus_one"], n["plus_two"], n["wish"]]
            for w in data["headline_weeks"]
            for n in w["notes"]
        ],
        "temporary_partners.csv": [["starts", "ends", "choosers", "partnership", "members"]]
        + [
            [t["starts"], t["ends"], named(t["choosers"]), number, members]
            for t in data["temporary_partners"]
            for number, members, _ in _partnerships(t["arrangement"], names) or [("", "", "")]
        ],
        "choice_time.csv": [["date", "students"]]
        + [[row["date"], named(row["students"])] for row in data.get("choice_time", [])],
        "notes.csv": [["name", "teacher notes"]]
        + [[s["name"], s["teacher_notes"]] for s in data["students"] if s["teacher_notes"]],
        "help_board.csv": help_board_rows(data, names),  # the helpboard app's
        "conference_notes.csv": conference_rows(data.get("conferring"), named),
    }


ROSTER_COLUMNS = [
    "name", "student_id", "level", "goals", "strengths", "interests", "home_language",
    "english_level", "choices", "avoid", "talk", "often_absent", "social_support",
    "floater", "new_student", "reading_partner", "past_partners",
]  # fmt: skip


def _roster_rows(students: list[dict], named: Callable) -> list[list[Any]]:
    """The roster in the import's own columns (student_id is the school's id), so
    the file can be imported again; classmates by name, choices ranked."""
    rows: list[list[Any]] = [ROSTER_COLUMNS]
    for s in students:
        partner = [s["reading_partner"]] if s["reading_partner"] else []
        rows.append(
            [
                s["name"], s["external_id"], s["level"] or "", "; ".join(s["goals"]),
                "; ".join(s["strengths"]), "; ".join(s["interests"]), s["home_language"],
                s["english_level"] or "", named(s["choices"]), named(s["avoid"]), s["talk"],
                _yes(s["often_absent"]), _yes(s["social_support"]), _yes(s["floater"]),
                _yes(s["new_student"]), named(partner), named(s["past_partners"]),
            ]
        )  # fmt: skip
    return rows


def _answers_rows(students, named, words, questions) -> list[list[Any]]:
    header = [
        "name", "wants", "offers", "ad sentence", "answers the ads of", "I'd like in a partner",
        "I can offer", "goal", *(q["text"] for q in questions),
    ]  # fmt: skip
    rows: list[list[Any]] = [header]
    for s in students:
        a = s["answers"]
        if a is None:
            continue
        rows.append(
            [
                s["name"], "; ".join(words.get(k, k) for k in a["wanted"]),
                "; ".join(words.get(k, k) for k in a["offered"]), a["ad_sentence"],
                named(a["answered_ads"]), a["tchart_like"], a["tchart_offer"], a["goal"],
                *(a["survey"].get(str(q["ref"]), "") for q in questions),
            ]
        )  # fmt: skip
    return rows


def _partnerships(arrangement: dict, names: dict[int, str]) -> list[tuple[Any, str, str]]:
    """(number, members, roles) per partnership, then ("floater", name, "") each."""

    def name(key: str) -> str:
        return names.get(key_pk(key) or 0, "")

    rows: list[tuple[Any, str, str]] = []
    for number, group in enumerate(arrangement.get("groups", []), start=1):
        members = "; ".join(name(k) for k in group["members"])
        roles = "; ".join(f"{name(k)}: {role}" for k, role in group.get("roles", {}).items())
        rows.append((number, members, roles))
    rows += [("floater", name(k), "") for k in arrangement.get("floaters", [])]
    return rows


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"
