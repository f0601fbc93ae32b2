"""conference_notes.csv of a class export, made from class.json's "conferring" section."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from partnerup.voice.checklist import SKILL_WORDS

HEADER = ["date", "students", "skill", "support", "compliment", "teaching point", "next step"]


def conference_rows(section: dict | None, named: Callable[[Iterable[int]], str]) -> list[list[Any]]:
    notes = (section or {}).get("notes", [])
    return [HEADER] + [
        [
            note["date"],
            named(note["students"]),
            SKILL_WORDS.get(note["skill"], note["skill"]),
            note["support"],
            note["compliment"],
            note["teaching_point"],
            SKILL_WORDS.get(note["next_step"], note["next_step"]),
        ]
        for note in notes
    ]
