"""partnerup.engine.roster: files that cannot be read as they are.

A quote that is never closed is located at the row where it opens (Python's csv would
quietly read the rest of the file into one cell), and a file with more than
MAX_ROSTER_ROWS student rows is refused before its rows become values.
"""

import pytest

from partnerup.engine.errors import RosterError
from partnerup.engine.io import ProblemReport, read_csv
from partnerup.engine.names import MAX_ROSTER_ROWS
from partnerup.engine.roster import MAX_COLUMNS, parse_roster, read_roster


def csv_text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def only_problem(text: str) -> RosterError:
    """The one problem read_roster finds, after checking parse_roster raises it too."""
    result = read_roster(text, file="room.csv")
    assert len(result.problems) == 1, result.problems
    with pytest.raises(RosterError) as caught:
        parse_roster(text, file="room.csv")
    assert str(caught.value) == str(result.problems[0])
    return result.problems[0]


def roster_of(rows: int) -> str:
    return "name,level\n" + "".join(f"Student {n},2\n" for n in range(rows))


# --- a quote never closed -------------------------------------------------------------

UNCLOSED_ON_ROW_5 = csv_text(
    "name,level,goals",
    "Ana,2,lead",
    "Ben,3,ending",
    "Cy,2,plan box",
    'Di,4,"lead;ending',
    "Ed,1,spelling",
    "Flo,3,lead",
)


def test_a_quote_never_closed_is_located_at_the_row_where_it_opens():
    problem = only_problem(UNCLOSED_ON_ROW_5)
    assert (problem.file, problem.row, problem.column) == ("room.csv", 5, "goals")
    assert str(problem).startswith("room.csv, row 5, column 'goals': a quote (\") opens")
    assert "never closed" in problem.message


def test_a_quote_never_closed_reads_no_rows():
    result = read_roster(UNCLOSED_ON_ROW_5, file="room.csv")
    assert (result.rows, result.students) == ((), ())


def test_a_quote_never_closed_in_the_header_is_located_on_row_one():
    problem = only_problem(csv_text('name,"level', "Ana,2"))
    assert (problem.row, problem.column) == (1, None)


def test_a_quote_never_closed_on_the_last_row_is_located_there():
    assert only_problem('name,goals\nAna,lead\nBen,"ending').row == 3


def test_a_quote_never_closed_after_a_closed_one_on_the_same_row_is_found():
    problem = only_problem(
        csv_text("name,goals,strengths", 'Ana,"lead",lead', 'Ben,"end, or not","x', "Cy,,")
    )
    assert (problem.row, problem.column) == (3, "strengths")


def test_a_quote_never_closed_that_swallows_more_than_a_cell_can_hold_is_still_located():
    text = csv_text("name,goals", 'Ana,"lead') + "".join(f"Row {n},ending\n" for n in range(20_000))
    assert only_problem(text).row == 2


def test_a_quoted_cell_holding_commas_line_breaks_and_quotes_is_read():
    (ana,) = parse_roster(csv_text("name,goals", 'Ana,"lead, ""big"" one', 'ending"'))
    assert ana.goals == ('lead, "big" one', "ending")


def test_a_quote_inside_an_unquoted_cell_is_just_a_character():
    (ana,) = parse_roster(csv_text("name,level", 'Ana "Red" R.,2'))
    assert ana.name == 'Ana "Red" R.'


# --- too many rows ------------------------------------------------------------------------


def test_a_roster_of_the_largest_size_is_read():
    assert len(read_roster(roster_of(MAX_ROSTER_ROWS), file="room.csv").students) == MAX_ROSTER_ROWS


def test_a_roster_longer_than_the_limit_is_refused_with_one_plain_problem():
    problem = only_problem(roster_of(2345))
    assert str(problem) == (
        "room.csv: the roster has 2,345 student rows; PartnerUp reads at most 2,000"
    )


def test_a_refused_long_roster_reports_no_row_problems():
    text = "name,level\n" + "".join(f"Student {n},9\n" for n in range(MAX_ROSTER_ROWS + 1))
    result = read_roster(text, file="room.csv")
    assert [p.message for p in result.problems] == [
        "the roster has 2,001 student rows; PartnerUp reads at most 2,000"
    ]
    assert result.rows == ()


def test_blank_rows_do_not_count_towards_the_limit():
    text = "name\n" + "".join(f"S{n}\n\n,\n" for n in range(MAX_ROSTER_ROWS))
    assert read_roster(text, file="room.csv").problems == ()


def test_reading_a_long_file_keeps_only_the_rows_asked_for_and_counts_the_rest():
    table = read_csv(roster_of(5000), ProblemReport("room.csv", RosterError), keep=3)
    assert [number for number, _ in table.records] == [2, 3, 4]
    assert table.filled == 5000


def test_a_header_of_more_columns_than_the_limit_is_refused_on_the_header_row():
    header = "name," + ",".join(f"extra {n}" for n in range(MAX_COLUMNS))
    problem = only_problem(csv_text(header, "Ana"))
    assert (problem.row, problem.message) == (
        1,
        f"the header has {MAX_COLUMNS + 1} columns; PartnerUp reads at most {MAX_COLUMNS}",
    )


def test_a_header_at_the_column_limit_is_read_with_its_extra_columns_ignored():
    header = "name," + ",".join(f"extra {n}" for n in range(MAX_COLUMNS - 1))
    result = read_roster(csv_text(header, "Ana"), file="room.csv")
    assert result.problems == () and len(result.ignored_columns) == MAX_COLUMNS - 1
