"""partnerup.engine.names: the characters no typed text may hold."""

import sys
import unicodedata

from partnerup.engine.names import refused_character

REFUSED = {"Cc", "Cf", "Cs", "Co", "Cn"}


def test_every_control_format_and_surrogate_character_is_refused_inside_a_name():
    chars = [chr(c) for c in range(sys.maxunicode + 1)]
    controls = [c for c in chars if unicodedata.category(c) in {"Cc", "Cf", "Cs"}]
    sampled = chars[::97]  # private-use and unassigned code points are most of Unicode
    missed = [
        f"U+{ord(c):04X}"
        for c in controls + sampled
        if unicodedata.category(c) in REFUSED and refused_character(f"Ana{c}R") is None
    ]
    assert missed == []


def test_printable_text_of_any_script_is_not_refused():
    for text in ["Ana", "Sofía", "Nguyễn", "محمد", "王小明", "Zoë O'Neil-Smith", "Ana\u00a0R."]:
        assert refused_character(text) is None


def test_a_line_break_is_described_by_name_and_allowed_in_multiline_text():
    assert refused_character("Ana\nR.") == "a line break (U+000A) at position 4"
    assert refused_character("Ana\nR.", multiline=True) is None
