"""partnerup.engine.names: the characters no typed text may hold, and how a class shows names."""

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerup import engine
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


# --- how a class shows names ------------------------------------------------------------

_WORD = st.text(alphabet="AaBbGgÓóNnuL", min_size=1, max_size=6)
_NAMES = st.lists(st.lists(_WORD, min_size=1, max_size=3).map(" ".join), max_size=12)


def test_first_name_and_last_initial():
    shown = engine.shown_names({1: "Ana García", 2: "Ben Lee", 3: "Cy"}, "first_initial")
    assert shown == {1: "Ana G.", 2: "Ben L.", 3: "Cy"}


def test_students_who_would_show_the_same_get_another_letter():
    shown = engine.shown_names(
        {1: "Ana García", 2: "Ana Gómez", 3: "Dee Ng", 4: "Dee Nguyen"}, "first_initial"
    )
    assert shown == {1: "Ana Ga.", 2: "Ana Gó.", 3: "Dee Ng", 4: "Dee Ngu."}


def test_full_names_when_letters_cannot_tell_them_apart():
    shown = engine.shown_names({1: "Eve Marie Stone", 2: "Eve Stone", 3: "Al Bo"}, "first_initial")
    assert shown == {1: "Eve Marie Stone", 2: "Eve Stone", 3: "Al B."}


def test_full_style_shows_names_as_typed():
    assert engine.shown_names({7: "Ana García"}, "full") == {7: "Ana García"}


def test_an_unknown_style_is_refused():
    with pytest.raises(ValueError, match="first_initial"):
        engine.shown_names({1: "Ana"}, "initials")


@given(_NAMES)
def test_shown_names_never_alike_when_the_names_differ(typed):
    names = {}
    for name in typed:
        if engine.name_key(name) not in {engine.name_key(n) for n in names.values()}:
            names[len(names)] = name
    shown = engine.shown_names(names, "first_initial")
    assert shown.keys() == names.keys()
    as_read = [engine.name_key(text.rstrip(".")) for text in shown.values()]
    assert len(set(as_read)) == len(as_read), shown
    for key, text in shown.items():
        assert text.split(" ")[0] == engine.normalise_name(names[key]).split(" ")[0]
