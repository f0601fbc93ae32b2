"""Rules files come in the same shapes as rosters: any encoding, delimiter, line ending,
Excel's `sep=` line, or a workbook."""

import io

import openpyxl
import pytest

from partnerup import engine

STUDENTS = [engine.Student(name=n, level=2) for n in ("José Núñez", "Ana", "Ben", "Cy")]


def xlsx(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        "rule,students\r\nkeep_apart,José Núñez;Ana\r\n".encode(),
        'rule;students\nkeep_apart;"José Núñez;Ana"\n'.encode("cp1252"),  # Excel, Spanish
        'sep=;\rrule;students\rkeep_apart;"José Núñez;Ana"\r'.encode("cp1252"),
        "rule\tstudents\nkeep_apart\tJosé Núñez;Ana\n".encode("utf-16"),
        "\ufeffrule,students\nkeep_apart,José Núñez;Ana\n".encode(),
        xlsx([["rule", "students"], ["keep_apart", "José Núñez;Ana"]]),
    ],
    ids=["utf8-crlf", "cp1252-semicolon", "sep-line-cr", "utf16-tab", "bom", "xlsx"],
)
def test_every_shape_reads_the_same_rule(data):
    rules = engine.read_rules_file(data, STUDENTS, "rules")
    assert rules == (engine.Rule("keep_apart", ("José Núñez", "Ana")),)


def test_a_refusal_names_the_file_row_and_column():
    data = 'rule;students\nkeep_apart;"Ana;Zed"\n'.encode("cp1252")
    with pytest.raises(engine.RulesError) as raised:
        engine.read_rules_file(data, STUDENTS, "rules.csv")
    assert "rules.csv, row 2, column 'students'" in str(raised.value)


@pytest.mark.parametrize(
    "data, says",
    [(b"\x00\x01\x02\x03binary", ""), (b"", "empty"), (b"PK\x03\x04junk", "")],
)
def test_a_file_that_is_no_table_is_refused_as_a_rules_problem(data, says):
    with pytest.raises(engine.RulesError) as raised:
        engine.read_rules_file(data, STUDENTS, "rules.csv")
    assert "rules.csv" in str(raised.value) and says in str(raised.value)
