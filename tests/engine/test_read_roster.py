"""partnerup.engine.io.read_roster: every problem of a roster file at once, each on its row.

parse_roster stops at the first problem; read_roster runs the same checks and keeps
going, so a teacher can fix the whole file in one go.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerup.engine.errors import RosterError
from partnerup.engine.io import parse_roster, read_roster


def csv_text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def reading(*lines: str):
    return read_roster(csv_text(*lines), file="room.csv")


def where(problems) -> list[tuple[int | None, str | None]]:
    return [(p.row, p.column) for p in problems]


def first_error(text: str) -> RosterError:
    with pytest.raises(RosterError) as caught:
        parse_roster(text, file="room.csv")
    return caught.value


MESSY = (
    "name,level,english_level,talk,floater,choice1,choice2,avoid",
    "Ana,5,2.5,quiet,yes,Bne,,",
    "Ben,2,7,loud,maybe,Ana,,Zed",
    "ana,,,,,Ben,,",
    ",3,,,,,,",
    "Cy,2,,,,Xi,Ben,",
)


def test_a_clean_roster_has_no_problems_and_the_same_students_as_parse_roster():
    text = csv_text("name,level,choice1", "Ana,2,Ben", "Ben,3,Ana")
    result = read_roster(text, file="room.csv")
    assert result.problems == ()
    assert result.students == parse_roster(text, file="room.csv")


def test_a_clean_roster_lists_every_row_without_problems():
    rows = reading("name,level", "Ana,2", "", "Ben,3").rows
    assert [(r.number, r.name, r.problems) for r in rows] == [(2, "Ana", ()), (4, "Ben", ())]


def test_every_problem_in_the_file_is_reported_with_its_row_and_column():
    assert sorted(where(reading(*MESSY).problems), key=str) == sorted(
        [
            (2, "level"),
            (2, "choice1"),
            (3, "english_level"),
            (3, "talk"),
            (3, "floater"),
            (3, "avoid"),
            (4, "name"),
            (5, "name"),
            (6, "choice1"),
        ],
        key=str,
    )


def test_one_row_can_have_several_problems():
    ben = reading(*MESSY).rows[1]
    assert ben.name == "Ben"
    assert [p.column for p in ben.problems] == ["english_level", "talk", "floater", "avoid"]


def test_unknown_choices_are_reported_on_every_row_that_names_them():
    messages = [p.message for p in reading(*MESSY).problems if p.column == "choice1"]
    assert messages == [
        "'Bne' is not a student in this class — did you mean 'Ben'?",
        "'Xi' is not a student in this class",
    ]


def test_two_unknown_names_in_one_cell_are_both_reported():
    problems = reading("name,avoid", "Ana,Zed;Xi", "Ben,").problems
    assert [p.message for p in problems] == [
        "'Zed' is not a student in this class",
        "'Xi' is not a student in this class",
    ]


def test_a_duplicate_and_a_blank_name_are_reported_on_their_rows():
    problems = [p for p in reading(*MESSY).problems if p.column == "name"]
    assert [(p.row, p.message) for p in problems] == [
        (4, "'ana' is already in the class (row 2); names must be unique — "
            "add an initial, e.g. 'Ana R.'"),
        (5, "the name is blank"),
    ]  # fmt: skip


def test_a_roster_with_problems_gives_no_students():
    assert reading(*MESSY).students == ()


def test_header_problems_are_reported_with_the_row_problems():
    result = reading("name,choices,choice1,level,Level", "Ana,,,9,9")
    assert where(result.problems) == [(1, None), (1, None), (2, "level")]
    assert [p.message for p in result.file_problems] == [
        "use either one 'choices' column or choice1..choice3, not both",
        "the column 'level' appears twice",
    ]


def test_a_row_with_too_many_cells_is_reported_on_its_row_with_its_other_problems():
    result = reading("name,level", "Ana,2", "Ben,9,extra")
    assert where(result.rows[1].problems) == [(3, None), (3, "level")]


def test_a_missing_name_column_stops_the_reading_with_one_problem():
    result = reading("first,level", "Ana,9")
    assert where(result.problems) == [(1, None)]
    assert "there is no 'name' column" in result.problems[0].message
    assert result.rows == () and result.file_problems == result.problems


def test_an_empty_file_is_one_problem_of_the_whole_file():
    result = read_roster("", file="room.csv")
    assert [p.message for p in result.file_problems] == ["the file is empty; it needs a header row"]


def test_each_problem_reads_as_file_row_column_then_problem():
    assert str(reading(*MESSY).problems[0]).startswith("room.csv, row ")


@pytest.mark.parametrize(
    "text",
    [
        csv_text(*MESSY),
        csv_text("name,level", "Ana,2", "Ben,3,extra", "Cy,9"),
        csv_text("name,choices,choice1", "Ana,Ben;Cy;Di;Ed,", "Ben,,", "Cy,,", "Di,,", "Ed,,"),
        csv_text("names,level", "Ana,2"),
        csv_text("name,level"),
        "",
        "name\n" + "a" * 200_000 + "\n",
    ],
)
def test_parse_roster_raises_the_first_problem_read_roster_lists(text):
    first = read_roster(text, file="room.csv").problems[0]
    raised = first_error(text)
    assert (raised.row, raised.column, raised.message) == (first.row, first.column, first.message)


CELLS = {
    "name": st.sampled_from(["Ana", "Ben", "Cy", "ana", "", "A\u0301na", "Ána", "Cy\u200b"]),
    "id": st.sampled_from(["", "S1", "s1", "S\x002"]),
    "level": st.sampled_from(["", "1", "4", "5", "two", "٣"]),
    "english_level": st.sampled_from(["", "2.5", "7"]),
    "floater": st.sampled_from(["", "yes", "maybe"]),
    "choices": st.sampled_from(["", "Ben", "Ana;Cy", "Zed", "Ana;Ben;Cy;Di", "ÁNA", "B\u202een"]),
    "reading_partner": st.sampled_from(["", "Cy", "Ben;Cy"]),
}


@given(st.lists(st.fixed_dictionaries(CELLS), min_size=1, max_size=5))
def test_both_modes_agree_on_any_roster(rows):
    text = csv_text(",".join(CELLS), *(",".join(row.values()) for row in rows))
    result = read_roster(text, file="room.csv")
    if not result.problems:
        assert result.students == parse_roster(text, file="room.csv")
        return
    raised = first_error(text)
    first = result.problems[0]
    assert (raised.row, raised.column, raised.message) == (first.row, first.column, first.message)
    assert result.students == ()


NAMES = st.sampled_from(
    ["Ana", " ana ", "Ana  R.", "Sofi\u0301a", "Sofía", "BEN", "Cy", "Di\u200b", ""]
)
IDS = st.sampled_from(["", "S1", "s1", "S2", " S 3 ", "7"])


@given(st.lists(st.tuples(NAMES, IDS, st.booleans()), min_size=1, max_size=8))
def test_a_reading_without_problems_has_each_row_describe_its_student(rows):
    lines = ["student_id,name,level"]
    for name, external_id, blank_before in rows:
        lines += [",,"] * blank_before + [f"{external_id},{name},2"]
    result = read_roster(csv_text(*lines), file="room.csv")
    if result.problems:
        assert result.students == ()
        return
    assert [row.name for row in result.rows] == [s.name for s in result.students]
    assert [row.external_id for row in result.rows] == [" ".join(i.split()) for _, i, _ in rows]


def test_rows_pair_with_students_in_file_order_with_their_ids():
    result = reading("name,id", "Cy,S3", "", "Ana,S1", "Ben,")
    assert [
        (r.name, r.external_id, s.name) for r, s in zip(result.rows, result.students, strict=True)
    ] == [
        ("Cy", "S3", "Cy"),
        ("Ana", "S1", "Ana"),
        ("Ben", "", "Ben"),
    ]
