"""What counts as the same name, and which characters no typed text may hold.

One definition, used by the roster reader, the web forms and the database's unique
key on a student's name, so "Ana", " ana " and "Ana" typed with a combining accent
are one student everywhere.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import TypeVar

K = TypeVar("K")

NAME_MAX_LENGTH = 80  # a student's display name
TAG_MAX_LENGTH = 80  # one interest, goal, strength or home language
EXTERNAL_ID_MAX_LENGTH = 64  # a school's student id
MAX_ROSTER_ROWS = 2000  # a grade-level pool is ~300; a whole school's list is refused
MAX_ROSTER_BYTES = 1_000_000  # a roster file, CSV or workbook, as uploaded

# Unicode categories a teacher never means to type: controls (NUL, line breaks inside
# a name, escape codes) and invisible format characters (zero-width spaces, joiners,
# right-to-left overrides that make a name read backwards).
_REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}
# Line breaks and tabs are fine inside longer text (notes, sentences), never in a name.
_MULTILINE_OK = {"\n", "\r", "\t"}
# Characters a teacher can see and name, described by what they are.
_VISIBLE = {"\n": "a line break", "\r": "a line break", "\t": "a tab"}


def normalise_name(name: str) -> str:
    """A name as stored: Unicode NFC, trimmed, inner runs of spaces made one."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def name_key(name: str) -> str:
    """Two names with the same key are the same student (case and spacing ignored)."""
    return normalise_name(name).casefold()


def refused_character(text: str, multiline: bool = False) -> str | None:
    """A plain description of the first character no typed text may hold, or None.

    `multiline` allows line breaks and tabs (notes, sentences); names never have them.
    """
    if text.isprintable():  # no control, format, private or unassigned character at all
        return None
    for position, char in enumerate(text, start=1):
        if multiline and char in _MULTILINE_OK:
            continue
        if char in _VISIBLE:
            return f"{_VISIBLE[char]} (U+{ord(char):04X}) at position {position}"
        if unicodedata.category(char) in _REFUSED_CATEGORIES:
            label = unicodedata.name(char, "").lower() or "control character"
            return f"an invisible character ({label}, U+{ord(char):04X}) at position {position}"
    return None


# How a class shows its students' names: as typed, or as Clever gives them to classroom
# apps ("Ana García" → "Ana G."). The stored name never changes; only what pages show.
NAME_STYLES = ("full", "first_initial")


def shown_names(names: Mapping[K, str], style: str) -> dict[K, str]:
    """Each student's name as the class shows it, no two alike.

    With "first_initial" a student shows as their first word and the first letter of
    their last word; students who would show the same get more letters of that word
    ("Ana Ga.", "Ana Gó."), and the full name when letters cannot tell them apart.
    """
    if style not in NAME_STYLES:
        raise ValueError(f"unknown name style {style!r}: use one of {', '.join(NAME_STYLES)}")
    if style == "full":
        return dict(names)
    shown = {key: _first_and_initial(name, 1) for key, name in names.items()}
    for clashing in _clashes(shown):
        shown.update(_told_apart({key: names[key] for key in clashing}))
    for clashing in _clashes(shown):  # a longer form met someone else's: full names
        shown.update({key: names[key] for key in clashing})
    return shown


def _first_and_initial(name: str, letters: int) -> str:
    words = normalise_name(name).split(" ")
    if len(words) == 1:
        return words[0]
    last = words[-1]
    return f"{words[0]} {last[:letters]}." if letters < len(last) else f"{words[0]} {last}"


def _clashes(shown: Mapping[K, str]) -> list[list[K]]:
    by_key: dict[str, list[K]] = {}
    for key, text in shown.items():
        # "Dee Ng" and "Dee Ng." (for Nguyen) read as the same name on a chart.
        by_key.setdefault(name_key(text.rstrip(".")), []).append(key)
    return [keys for keys in by_key.values() if len(keys) > 1]


def _told_apart(names: Mapping[K, str]) -> dict[K, str]:
    """The fewest letters of the last word that tell these students apart."""
    longest = max(len(normalise_name(name).split(" ")[-1]) for name in names.values())
    for letters in range(2, longest + 1):
        shown = {key: _first_and_initial(name, letters) for key, name in names.items()}
        if not _clashes(shown):
            return shown
    return dict(names)
