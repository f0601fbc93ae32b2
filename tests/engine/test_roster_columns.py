"""partnerup.engine.roster: which columns a roster file has, and the school's student id.

A header the reader does not know is listed (with a "did you mean" for a near miss)
but is not a problem; an id column gives each row the school's id for the student.
"""

import pytest

from partnerup.engine import IgnoredColumn
from partnerup.engine.names import EXTERNAL_ID_MAX_LENGTH
from tests.engine.test_read_roster import reading, where

# --- ignored columns ------------------------------------------------------------------


def test_a_roster_of_known_columns_ignores_none():
    assert (
        reading("Name,Level,Home Language,choice1", "Ana,2,Spanish,Ben", "Ben,3,,").ignored_columns
        == ()
    )


def test_an_unknown_column_is_listed_as_ignored_but_is_not_a_problem():
    result = reading("name,notes,level", "Ana,likes dogs,2", "Ben,,3")
    assert result.problems == ()
    assert result.ignored_columns == (IgnoredColumn("notes", 2),)
    assert [s.name for s in result.students] == ["Ana", "Ben"]


@pytest.mark.parametrize(
    ("header", "meant"),
    [
        ("choise1", "choice1"),
        ("levle", "level"),
        ("avoids", "avoid"),
        ("intrests", "interests"),
        ("Choice 1", "choice1"),
        ("language", "home_language"),
    ],
)
def test_a_near_miss_of_a_known_column_suggests_it(header, meant):
    (ignored,) = reading(f"name,{header}", "Ana,x").ignored_columns
    assert (ignored.header, ignored.suggestion) == (header, meant)


@pytest.mark.parametrize("header", ["notes", "reading_level", "teacher", "grade"])
def test_a_column_of_the_teachers_own_gets_no_suggestion(header):
    (ignored,) = reading(f"name,{header}", "Ana,x").ignored_columns
    assert ignored.suggestion == ""


def test_an_ignored_column_reads_as_a_sentence_with_its_suggestion():
    messages = [c.message for c in reading("name,choise1,notes", "Ana,Ben,x").ignored_columns]
    assert messages == [
        "column 'choise1' is ignored — did you mean 'choice1'?",
        "column 'notes' is ignored",
    ]


def test_an_ignored_column_is_counted_from_one_and_keeps_its_written_header():
    (ignored,) = reading("name,level, Favourite Book ", "Ana,2,Holes").ignored_columns
    assert (ignored.header, ignored.position) == ("Favourite Book", 3)


def test_a_blank_header_is_not_listed():
    assert reading("name,,level", "Ana,,2").ignored_columns == ()


def test_a_misspelt_choice_column_leaves_the_choices_empty_and_says_why():
    result = reading("name,choise1", "Ana,Ben", "Ben,Ana")
    assert [s.choices for s in result.students] == [(), ()]
    assert result.ignored_columns[0].suggestion == "choice1"


def test_an_ignored_column_given_twice_is_not_a_problem():
    result = reading("name,notes,notes", "Ana,a,b")
    assert result.problems == ()
    assert [c.position for c in result.ignored_columns] == [2, 3]


def test_ignored_columns_are_listed_even_when_the_name_column_is_missing():
    result = reading("nmae,levle", "Ana,2")
    assert [c.suggestion for c in result.ignored_columns] == ["name", "level"]
    assert "there is no 'name' column" in result.problems[0].message


def test_a_header_holding_an_invisible_character_is_a_problem_of_the_header_row():
    result = reading("name,level\u200b", "Ana,2")
    assert where(result.problems) == [(1, None)]
    assert "zero width space" in result.problems[0].message


# --- the school's student id ------------------------------------------------------------


@pytest.mark.parametrize("header", ["id", "ID", "student_id", "Student ID", "student id"])
def test_an_id_column_gives_each_row_its_external_id(header):
    result = reading(f"name,{header}", "Ana,S-101", "Ben,S-102")
    assert result.problems == () and result.ignored_columns == ()
    assert [(r.name, r.external_id) for r in result.rows] == [("Ana", "S-101"), ("Ben", "S-102")]


def test_without_an_id_column_every_external_id_is_blank():
    assert [r.external_id for r in reading("name", "Ana", "Ben").rows] == ["", ""]


def test_a_blank_id_cell_is_a_blank_external_id_and_not_a_problem():
    result = reading("name,student_id", "Ana,", "Ben,  ", "Cy,S3")
    assert result.problems == ()
    assert [r.external_id for r in result.rows] == ["", "", "S3"]


def test_an_external_id_is_trimmed_with_inner_spaces_folded():
    assert reading("name,id", "Ana,  S  101 ").rows[0].external_id == "S 101"


def test_two_rows_with_the_same_id_are_a_problem_on_the_second():
    result = reading("name,id", "Ana,S1", "Ben,S2", "Cy,s1")
    assert where(result.problems) == [(4, "student_id")]
    assert result.problems[0].message == (
        "the student id 's1' is already used in row 2; each student has their own"
    )


def test_two_rows_with_blank_ids_are_not_duplicates():
    assert reading("name,id", "Ana,", "Ben,").problems == ()


def test_an_id_longer_than_the_limit_is_a_problem_of_its_row():
    long_id = "9" * (EXTERNAL_ID_MAX_LENGTH + 1)
    result = reading("name,id", f"Ana,{long_id}", "Ben,{}".format("9" * EXTERNAL_ID_MAX_LENGTH))
    assert where(result.problems) == [(2, "student_id")]
    assert f"at most {EXTERNAL_ID_MAX_LENGTH}" in result.problems[0].message


def test_an_id_holding_an_invisible_character_is_refused():
    result = reading("name,id", "Ana,S\u202e1")
    assert where(result.problems) == [(2, "student_id")]
    assert result.problems[0].message.startswith(
        "the student id holds an invisible character (right-to-left override, U+202E)"
    )


def test_an_id_column_and_a_student_id_column_together_are_one_column_twice():
    result = reading("name,id,student_id", "Ana,1,1")
    assert [p.message for p in result.file_problems] == ["the column 'student_id' appears twice"]


def test_the_reading_lists_the_known_columns_the_file_has():
    found = reading('"Name","Home Language",Student ID,notes', "Ana,Spanish,s1,x")
    assert found.columns == ("name", "home_language", "student_id")
