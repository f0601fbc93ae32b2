"""`partnerup roster FILE` and `--column` on plan and rotate: the CLI reads every file
the web import reads, through the same reader, and says the same things."""

import io
import json
from pathlib import Path

import openpyxl

from tests.test_cli import run

FIXTURES = Path(__file__).parent / "fixtures" / "rosters"


def test_roster_prints_the_field_each_column_feeds():
    result = run("roster", FIXTURES / "google_forms_en.csv")
    assert result.returncode == 0, result.stderr
    assert "column 4 'Who are 3 classmates you would work well with?' → choices" in result.stdout
    assert "column 2 'Email address' → ignored (never stored)" in result.stdout


def test_roster_prints_the_students_with_their_ranked_choices():
    result = run("roster", FIXTURES / "google_forms_en.csv")
    assert "Ana Ruiz — choices: Ben Okafor, Cy Lee, Di Park; interests: horses" in result.stdout


def test_roster_prints_how_the_file_was_read():
    result = run("roster", FIXTURES / "utf16.csv")
    assert "utf16.csv: UTF-16 text, tab-separated" in result.stdout


def test_roster_lists_every_problem_and_exits_2(tmp_path):
    path = tmp_path / "room.csv"
    path.write_text("name,level,choices\nAna,9,Zed\nBen,7,\n", encoding="utf-8")
    result = run("roster", path)
    assert result.returncode == 2
    assert result.stderr.count("partnerup: ") == 3


def test_a_column_override_feeds_the_field_named(tmp_path):
    path = tmp_path / "room.csv"
    path.write_text("name,Notes\nAna,horses\n", encoding="utf-8")
    result = run("roster", path, "--column", "Notes=interests")
    assert "Ana — interests: horses" in result.stdout


def test_a_column_override_can_ignore_a_column(tmp_path):
    path = tmp_path / "room.csv"
    path.write_text("name,level\nAna,9\n", encoding="utf-8")
    result = run("roster", path, "--column", "level=ignore")
    assert result.returncode == 0, result.stderr


def test_a_column_override_with_an_unknown_field_exits_2(tmp_path):
    path = tmp_path / "room.csv"
    path.write_text("name\nAna\n", encoding="utf-8")
    result = run("roster", path, "--column", "name=password")
    assert result.returncode == 2
    assert "'password' is not a roster field" in result.stderr


def test_a_column_override_naming_a_missing_header_exits_2(tmp_path):
    path = tmp_path / "room.csv"
    path.write_text("name\nAna\n", encoding="utf-8")
    result = run("plan", path, "--column", "Notes=interests")
    assert result.returncode == 2
    assert "room.csv, row 1: there is no column 'Notes' in the file (it has 'name')" in (
        result.stderr
    )


def test_plan_reads_a_google_forms_export_with_a_column_changed():
    result = run(
        "plan", FIXTURES / "no_name_columns.csv", "--format", "json",
        "--column", "Email address=name",
        "--column", "Who are 3 classmates you would work well with?=ignore",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    members = {m for g in json.loads(result.stdout)["groups"] for m in g["members"]}
    assert members == {"ana@school.example", "ben@school.example"}


def test_rotate_takes_column_overrides_too(tmp_path):
    path = tmp_path / "room.csv"
    path.write_text("Who,x\nAna,1\nBen,2\n", encoding="utf-8")
    result = run("rotate", path, "--weeks", "1", "--column", "Who=name")
    assert result.returncode == 0, result.stderr
    assert "Ana & Ben" in result.stdout


def test_plan_reads_an_xlsx_named_sheet(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["notes"])
    sheet = book.create_sheet("Roster")
    for row in (["Name", "Level"], ["Ana", 2], ["Ben", 3]):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    path = tmp_path / "room.xlsx"
    path.write_bytes(out.getvalue())
    result = run("roster", path, "--sheet", "Roster")
    assert "Ana — level 2" in result.stdout


def test_each_export_fixture_is_read():
    for name in ("google_forms_es.csv", "microsoft_forms.csv", "windows_1252.csv", "cr_only.csv",
                 "semicolon_decimal_comma.csv"):  # fmt: skip
        result = run("roster", FIXTURES / name)
        assert result.returncode == 0, (name, result.stderr)


def test_a_semicolon_file_reads_decimal_commas():
    result = run("roster", FIXTURES / "semicolon_decimal_comma.csv")
    assert "José Núñez — level 2; interests: fútbol" in result.stdout


def test_an_empty_file_exits_2_in_plain_words():
    result = run("roster", FIXTURES / "empty.csv")
    assert result.returncode == 2
    assert "empty.csv: the file is empty; it needs a header row" in result.stderr


def test_a_header_only_file_exits_2():
    result = run("roster", FIXTURES / "header_only.csv")
    assert "header_only.csv: the roster has a header but no students" in result.stderr


def test_an_xlsx_that_is_not_a_zip_exits_2_in_plain_words():
    result = run("plan", FIXTURES / "not_a_zip.xlsx")
    assert result.returncode == 2
    assert "not_a_zip.xlsx: this file is named like an Excel workbook but is not one" in (
        result.stderr
    )


def test_a_file_without_name_columns_exits_2_naming_its_columns():
    result = run("plan", FIXTURES / "no_name_columns.csv")
    assert result.returncode == 2
    assert "there is no 'name' column (the file has 'Timestamp'" in result.stderr


def test_the_help_of_plan_lists_the_column_option():
    result = run("plan", "--help")
    assert "--column HEADER=FIELD" in result.stdout
