"""partnerup.engine.io.spreadsheet_cell: CSV cells a spreadsheet shows and never runs."""

import pytest

from partnerup.engine import spreadsheet_cell


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://x","Ana")', "+1", "-2", "@x", "\tAna", "\rAna", "=1+1"]
)
def test_text_starting_like_a_formula_gets_a_leading_apostrophe(text):
    assert spreadsheet_cell(text) == "'" + text


@pytest.mark.parametrize(
    "text", ["Ana", "Ana-Maria", "a=b", "", " =1", "Ana and Ben chose each other"]
)
def test_other_text_is_written_as_it_is(text):
    assert spreadsheet_cell(text) == text


@pytest.mark.parametrize(
    ("number", "written"), [(-1.5, "-1.5"), (3, "3"), (0.0, "0.0"), (-2, "-2")]
)
def test_numbers_stay_numbers(number, written):
    assert spreadsheet_cell(number) == written
