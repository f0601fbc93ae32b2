"""partnerup.engine.roster: names as the class will know them.

Every name (the name column and each classmate a cell names) is normalised (NFC,
trimmed, spaces folded) and compared by name_key; invisible characters are refused
where they are; names, tags and home languages have a length limit; and an unknown
classmate gets the closest name as a suggestion, fast even in a long roster.
"""

import difflib
import unicodedata

import pytest

from partnerup.engine.io import Suggestions
from partnerup.engine.names import NAME_MAX_LENGTH, TAG_MAX_LENGTH
from partnerup.engine.roster import parse_roster, read_roster

NFD_SOFIA = unicodedata.normalize("NFD", "Sofía")


def csv_text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def reading(*lines: str):
    return read_roster(csv_text(*lines), file="room.csv")


def students(*lines: str):
    return {s.name: s for s in parse_roster(csv_text(*lines), file="room.csv")}


def where(problems) -> list[tuple[int | None, str | None]]:
    return [(p.row, p.column) for p in problems]


# --- normalised names -------------------------------------------------------------------


def test_a_name_is_stored_in_nfc_trimmed_with_inner_spaces_folded():
    (student,) = parse_roster(csv_text("name", f"  {NFD_SOFIA}   de  la Cruz "))
    assert student.name == "Sofía de la Cruz"
    assert unicodedata.is_normalized("NFC", student.name)


def test_the_row_shows_the_name_as_the_student_will_have_it():
    assert reading("name", f" {NFD_SOFIA}  R. ").rows[0].name == "Sofía R."


def test_a_classmate_named_in_another_form_resolves_to_the_rosters_spelling():
    by_name = students(
        "name,choices,avoid,reading_partner,past_partners",
        f"Ana,{NFD_SOFIA.upper()};ben  lee,  BEN   LEE ,sofía,Ben Lee",
        "Sofía,,,,",
        "Ben Lee,,,,",
    )
    ana = by_name["Ana"]
    assert ana.choices == ("Sofía", "Ben Lee")
    assert (ana.avoid, ana.reading_partner, ana.past_partners) == (
        ("Ben Lee",),
        "Sofía",
        ("Ben Lee",),
    )


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("Ana", "ana"),
        ("Ana", "ANA"),
        ("Ana", " Ana "),
        ("Ána", "A\u0301na"),
        ("Ana Ruiz", "Ana   Ruiz"),
    ],
)
def test_names_with_the_same_key_are_a_duplicate(first, again):
    result = reading("name", first, again)
    assert where(result.problems) == [(3, "name")]
    assert "is already in the class (row 2)" in result.problems[0].message


def test_a_name_with_an_accent_and_one_without_are_two_students():
    assert list(students("name", "Sofía", "Sofia")) == ["Sofía", "Sofia"]


def test_a_student_naming_themselves_in_another_form_is_refused():
    result = reading("name,choice1", "Ana,Ben", f"Ben,{'  ben '}")
    assert [p.message for p in result.problems] == ["Ben cannot name themselves"]


# --- refused characters -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "described"),
    [
        ("Ana\u200bR", "an invisible character (zero width space, U+200B) at position 4"),
        ("B\u202een", "an invisible character (right-to-left override, U+202E) at position 2"),
        ("Cy\x00", "an invisible character (control character, U+0000) at position 3"),
        ('"Di\nLee"', "a line break (U+000A) at position 3"),
    ],
)
def test_a_name_holding_a_refused_character_is_a_located_problem(name, described):
    result = reading("name", "Ana", name)
    assert where(result.problems) == [(3, "name")]
    assert result.problems[0].message == f"the name holds {described}; retype it"


@pytest.mark.parametrize(
    ("column", "cell"),
    [
        ("level", "2\u200b"),
        ("talk", "quiet\u202e"),
        ("goals", "lead;\u200bending"),
        ("home_language", "Spa\x00nish"),
        ("home_language", '"Spanish\nEnglish"'),
        ("avoid", "B\u200ben"),
        ("choice1", "Ben\u2060"),
        ("floater", "yes\x07"),
    ],
)
def test_any_cell_holding_a_refused_character_is_a_problem_of_its_cell(column, cell):
    result = reading(f"name,{column}", f"Ana,{cell}", "Ben,")
    assert where(result.problems) == [(2, column)]
    assert result.problems[0].message.startswith("this cell holds ")


def test_a_refused_character_in_a_column_that_is_ignored_is_not_read():
    assert reading("name,notes", "Ana,\u200b").problems == ()


def test_a_line_break_in_a_list_cell_separates_its_items():
    by_name = students("name,goals,choices", 'Ana,"lead\nending","Ben\r\nCy"', "Ben,,", "Cy,,")
    assert (by_name["Ana"].goals, by_name["Ana"].choices) == (("lead", "ending"), ("Ben", "Cy"))


# --- lengths ------------------------------------------------------------------------------


def test_a_name_at_the_length_limit_is_read():
    name = "A" * NAME_MAX_LENGTH
    assert list(students("name", name)) == [name]


def test_a_name_longer_than_the_limit_is_a_problem_of_its_row():
    result = reading("name", "Ana", "B" * (NAME_MAX_LENGTH + 1))
    assert where(result.problems) == [(3, "name")]
    assert result.problems[0].message == (
        f"the name is {NAME_MAX_LENGTH + 1} characters long; a name has at most {NAME_MAX_LENGTH}"
    )


@pytest.mark.parametrize(
    ("column", "word"), [("goals", "goal"), ("strengths", "strength"), ("interests", "interest")]
)
def test_one_tag_longer_than_the_limit_is_a_problem_of_its_cell(column, word):
    tag = "x" * (TAG_MAX_LENGTH + 1)
    result = reading(f"name,{column}", f"Ana,soccer;{tag}")
    assert where(result.problems) == [(2, column)]
    assert f"one {word} has at most {TAG_MAX_LENGTH}" in result.problems[0].message


def test_tags_are_limited_one_by_one_not_as_a_whole_cell():
    tags = ";".join(["y" * TAG_MAX_LENGTH] * 3)
    assert students("name,interests", f"Ana,{tags}")["Ana"].interests == ("y" * TAG_MAX_LENGTH,) * 3


def test_a_home_language_longer_than_the_limit_is_a_problem():
    result = reading("name,home_language", "Ana," + "s" * (TAG_MAX_LENGTH + 1))
    assert where(result.problems) == [(2, "home_language")]


def test_a_very_long_unknown_name_is_cut_short_in_the_message():
    result = reading("name,avoid", "Ana," + "Z" * 5000, "Ben,")
    assert len(result.problems[0].message) < 120
    assert "…' is not a student in this class" in result.problems[0].message


# --- did you mean -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("Bn", "Ben"), ("Bne", "Ben"), ("Jaden", "Jayden"), ("Sofia", "Sofía"), ("sofia", "Sofía")],
)
def test_a_misspelt_classmate_suggests_the_closest_name(typed, meant):
    result = reading("name,choice1", f"Ana,{typed}", "Ben,", "Jayden,", "Sofía,")
    assert result.problems[0].message.endswith(f"did you mean '{meant}'?")


def test_accents_do_not_count_against_a_suggestion():
    result = reading("name,avoid", "Ana,Sofìa", "Sofía,", "Sofie,")
    assert result.problems[0].message.endswith("did you mean 'Sofía'?")


FIRST = ["Ana", "Ben", "Jayden", "Sofía", "Maya", "Leo", "Omar", "Lily", "Noah", "Zoe"]
LAST = ["Rivera", "Nguyen", "Smith", "García", "Lee", "Brown", "Okafor", "Haddad", "Cohen", "Kim"]
CROWD = [f"{first} {last} {n}" for n in range(20) for first in FIRST for last in LAST]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Bn Lee 7", "Ben Lee 7"),
        ("Jaden Kim 12", "Jayden Kim 12"),
        ("Sofia Cohen 3", "Sofía Cohen 3"),
        ("Maya Okafr 19", "Maya Okafor 19"),
        ("Noha Smith 0", "Noah Smith 0"),
    ],
)
def test_a_misspelt_name_in_a_roster_of_two_thousand_still_gets_the_closest(typed, meant):
    assert len(CROWD) == 2000
    assert Suggestions(CROWD).closest(typed) == meant


def folded(name: str) -> str:
    return unicodedata.normalize("NFD", name.casefold()).replace("\u0301", "")


def closeness(typed: str, name: str) -> float:
    return difflib.SequenceMatcher(None, folded(typed), folded(name)).ratio()


@pytest.mark.parametrize("cut", [1, 3, 6])
def test_in_a_long_roster_suggestions_are_as_close_as_comparing_every_name(cut):
    suggestions = Suggestions(CROWD)
    for name in CROWD[::37]:
        typo = name[:cut] + name[cut + 1 :]  # one letter dropped
        best = max(closeness(typo, other) for other in CROWD)
        found = suggestions.closest(typo)
        assert found is not None and closeness(typo, found) == best, (typo, found)


def test_a_far_off_name_gets_no_suggestion_in_a_long_roster():
    assert Suggestions(CROWD).closest("Xylophone") is None


def test_the_same_misspelling_on_many_rows_gets_the_same_suggestion_on_each():
    rows = [f"S{n},Bn" for n in range(70)]
    result = reading("name,choice1", "Ben,", *rows)
    hints = {p.message for p in result.problems}
    assert hints == {"'Bn' is not a student in this class — did you mean 'Ben'?"}
