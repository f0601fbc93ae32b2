"""The skills a class's help board offers: the writing checklist (with pictures and
the catalogue's words) and the class's own goal and strength tags (as the teacher
wrote them)."""

# ruff: noqa: E501  (one icon per line reads best)

from __future__ import annotations

from dataclasses import dataclass

from partnerup.classes.models import Classroom
from partnerup.voice.checklist import CHECKLIST, skill_words

# SVG paths in a 24×24 box, drawn as strokes (no emoji font on classroom devices).
ICONS = {
    "lead": "M5 4h14v16H5zM8 8h8M8 11h5M4 7l-2 1 2 1",
    "transitions": "M4 12h12M12 7l5 5-5 5M20 5v14",
    "ending": "M5 4h14v16H5zM8 15h8M8 18h5M17 18l2 2",
    "organization": "M5 5h3v3H5zM5 11h3v3H5zM5 17h3v3H5zM11 6h8M11 12h8M11 18h8",
    "elaboration": "M4 6h16M4 10h16M4 14h16M4 18h10M19 16v5M16.5 18.5h5",
    "dialogue": "M3 5h11v7H7l-3 3v-3H3zM10 14v2h6l3 3v-3h2V9h-4",
    "feelings": "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM8.5 14.5a4 4 0 0 0 7 0M9 9.5h.1M15 9.5h.1",
    "spelling": "M4 18l4-12 4 12M5.5 14h5M14 6h4a2.5 2.5 0 0 1 0 5h-4zM14 11h4.5a3 3 0 0 1 0 7H14z",
    "punctuation": "M8 4v10M8 18v1M16 8a3 3 0 1 1 3 3c-1.5 0-3 1-3 3M16 18v1",
    "capitals": "M3 20l5-16 5 16M4.5 15h7M15 20V6h3a3.5 3.5 0 0 1 0 7h-3",
}
TAG_ICON = "M12 3l2.6 5.6 6 .7-4.5 4.1 1.2 6-5.3-3-5.3 3 1.2-6L3.4 9.3l6-.7z"


@dataclass(frozen=True)
class Skill:
    key: str
    words: str
    icon: str  # an SVG path


def class_skills(classroom: Classroom, language: str) -> list[Skill]:
    """The checklist skills, then the class's own goals and strengths (one query)."""
    skills = [Skill(key, skill_words(key, language), ICONS[key]) for _a, key, _w in CHECKLIST]
    known = {s.key for s in skills}
    tags: set[str] = set()
    for goals, strengths in classroom.students.values_list("goals", "strengths"):
        tags.update(t for t in [*goals, *strengths] if isinstance(t, str) and t.strip())
    return skills + [Skill(t, t, TAG_ICON) for t in sorted(tags - known, key=str.casefold)]


def skill_named(skills: list[Skill]) -> dict[str, Skill]:
    return {s.key: s for s in skills}


def words_for(skills: list[Skill], key: str) -> str:
    """A post's skill in words; a tag the class no longer has reads as written."""
    found = skill_named(skills).get(key)
    return found.words if found else key
