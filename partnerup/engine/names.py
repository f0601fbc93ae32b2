"""What counts as the same name, and which characters no typed text may hold.

One definition, used by the roster reader, the web forms and the database's unique
key on a student's name, so "Ana", " ana " and "Ana" typed with a combining accent
are one student everywhere.
"""

from __future__ import annotations

import unicodedata

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
