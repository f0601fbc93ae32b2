"""The CLI through the real console script, as a teacher would run it."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("partnerup")
ROSTER = """\
name,level,goals,strengths,interests,home_language,english_level,choice1,choice2,talk,often_absent
Ana,2,lead,plan box,fantasy,Spanish,2.5,Ben,Cy,quiet,
Ben,3,ending,lead,fantasy;soccer,Spanish,,Ana,,dominant,
Cy,2,plan box,ending,soccer,,,Di,Ana,balanced,yes
Di,4,elaboration,spelling,space,,,Cy,,balanced,
Ed,1,spelling,,space,,,Flo,,quiet,
Flo,3,lead,elaboration,comics,,,Ed,,balanced,
"""


def run(*args, cwd=None):
    return subprocess.run([str(SCRIPT), *map(str, args)], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def roster(tmp_path):
    path = tmp_path / "room.csv"
    path.write_text(ROSTER, encoding="utf-8")
    return path


def test_console_script_is_installed():
    assert SCRIPT.exists()
    result = run("--help")
    assert result.returncode == 0
    for verb in ("plan", "repair", "rotate", "bench"):
        assert verb in result.stdout


def test_plan_prints_a_table_with_reasons(roster):
    result = run("plan", roster)
    assert result.returncode == 0, result.stderr
    assert "Partner A" in result.stdout
    assert "Ana and Ben chose each other" in result.stdout
    assert "optimal" in result.stdout


def test_plan_json_has_the_documented_shape(roster):
    result = run("plan", roster, "--format", "json", "--seed", "4")
    data = json.loads(result.stdout)
    assert data["status"] == "optimal"
    assert data["objective"] == data["bound"]
    assert {"groups", "floaters", "conflicts", "elapsed_ms"} <= set(data)
    members = sorted(m for g in data["groups"] for m in g["members"])
    assert members == ["Ana", "Ben", "Cy", "Di", "Ed", "Flo"]
    for group in data["groups"]:
        assert set(group["roles"]) == set(group["members"])
        assert group["reasons"] and isinstance(group["score"], float)


def test_plan_csv_and_out_file(roster, tmp_path):
    out = tmp_path / "plan.csv"
    result = run("plan", roster, "--format", "csv", "--out", out)
    assert result.returncode == 0 and result.stdout == ""
    lines = out.read_text().splitlines()
    assert lines[0] == "group,name,role,score,reasons"
    assert len(lines) == 7


def test_same_seed_same_json(roster):
    first = json.loads(run("plan", roster, "--format", "json", "--strategy", "random").stdout)
    second = json.loads(run("plan", roster, "--format", "json", "--strategy", "random").stdout)
    assert first["groups"] == second["groups"]


def test_misspelt_choice_exits_2_naming_file_row_column_and_suggestion(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("name,choice1\nAna,Bne\nBen,Ana\n", encoding="utf-8")
    result = run("plan", path)
    assert result.returncode == 2
    assert "bad.csv, row 2, column 'choice1'" in result.stderr
    assert "did you mean 'Ben'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_exits_2(tmp_path):
    result = run("plan", tmp_path / "nope.csv")
    assert result.returncode == 2
    assert "nope.csv: no such file" in result.stderr


def test_binary_file_exits_2(tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = run("plan", path)
    assert result.returncode == 2
    assert "photo.csv: this is not a text file nor an Excel workbook" in result.stderr


def test_bad_rules_file_exits_2(roster, tmp_path):
    rules = tmp_path / "rules.csv"
    rules.write_text("rule,students\nkeep_apart,Ana;Zed\n", encoding="utf-8")
    result = run("plan", roster, "--rules", rules)
    assert result.returncode == 2
    assert "rules.csv, row 2, column 'students'" in result.stderr


def test_clashing_rules_exit_3_with_named_conflicts(roster, tmp_path):
    rules = tmp_path / "rules.csv"
    rules.write_text("rule,students\nkeep_apart,Ana;Ben;Cy;Di;Ed;Flo\n", encoding="utf-8")
    result = run("plan", roster, "--rules", rules, "--format", "json")
    assert result.returncode == 3
    assert json.loads(result.stdout)["status"] == "infeasible"
    assert "no possible partner" in result.stderr
    assert "Traceback" not in result.stderr


def test_repair_reads_a_saved_plan(roster, tmp_path):
    plan = tmp_path / "plan.json"
    run("plan", roster, "--format", "json", "--triads", "never", "--out", plan)
    result = run("repair", plan, "--absent", "Ben", "--new", "Nia", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    members = sorted(m for g in data["groups"] for m in g["members"])
    assert members == ["Ana", "Cy", "Di", "Ed", "Flo", "Nia"]


def test_repair_with_unknown_absent_name_exits_2(roster, tmp_path):
    plan = tmp_path / "plan.json"
    run("plan", roster, "--format", "json", "--out", plan)
    result = run("repair", plan, "--absent", "Bne")
    assert result.returncode == 2
    assert "did you mean 'Ben'" in result.stderr


def test_repair_with_broken_json_exits_2(tmp_path):
    plan = tmp_path / "plan.json"
    plan.write_text("{not json", encoding="utf-8")
    result = run("repair", plan, "--absent", "Ana")
    assert result.returncode == 2
    assert "not valid JSON" in result.stderr


def test_rotate_json_weeks_without_long_term_partners(roster, tmp_path):
    plan = tmp_path / "plan.json"
    run("plan", roster, "--format", "json", "--triads", "never", "--out", plan)
    result = run("rotate", roster, "--weeks", "4", "--exclude", plan, "--format", "json")
    assert result.returncode == 0, result.stderr
    weeks = json.loads(result.stdout)["weeks"]
    assert [w["week"] for w in weeks] == [1, 2, 3, 4]
    long_term = {frozenset(g["members"]) for g in json.loads(plan.read_text())["groups"]}
    for week in weeks:
        assert not {frozenset(g["members"]) for g in week["groups"]} & long_term


def test_rotate_table(roster):
    result = run("rotate", roster, "--weeks", "2")
    assert result.returncode == 0
    assert result.stdout.startswith("Week 1: ")


def test_bad_weight_value_exits_with_usage_error(roster):
    result = run("plan", roster, "--weight-choices", "lots")
    assert result.returncode == 2
    assert "invalid int value" in result.stderr


def test_a_misspelt_column_is_named_on_stderr_and_the_plan_still_runs(tmp_path):
    path = tmp_path / "room.csv"
    path.write_text("name,choise1,notes\nAna,Ben,x\nBen,Ana,y\n", encoding="utf-8")
    result = run("plan", path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"partnerup: {path}: column 'choise1' is ignored — did you mean 'choice1'?",
        f"partnerup: {path}: column 'notes' is ignored",
    ]


def test_rotate_names_ignored_columns_too(tmp_path):
    path = tmp_path / "room.csv"
    path.write_text("name,levle\nAna,2\nBen,3\n", encoding="utf-8")
    result = run("rotate", path, "--weeks", "1")
    assert result.returncode == 0, result.stderr
    assert "column 'levle' is ignored — did you mean 'level'?" in result.stderr


@pytest.mark.parametrize("verb", [("plan",), ("rotate", "--weeks", "2")])
def test_a_roster_of_five_thousand_rows_exits_2_with_the_row_limit(tmp_path, verb):
    path = tmp_path / "school.csv"
    path.write_text("name\n" + "".join(f"Student {n}\n" for n in range(5000)), encoding="utf-8")
    result = run(verb[0], path, *verb[1:])
    assert result.returncode == 2
    assert result.stderr == (
        f"partnerup: {path}: the roster has 5,000 student rows; PartnerUp reads at most 2,000\n"
    )


def test_a_quote_never_closed_exits_2_naming_its_row(tmp_path):
    path = tmp_path / "room.csv"
    path.write_text('name,goals\nAna,lead\nBen,"ending\nCy,lead\n', encoding="utf-8")
    result = run("plan", path)
    assert result.returncode == 2
    assert f"{path}, row 3, column 'goals': a quote" in result.stderr


def test_plan_csv_writes_formula_like_names_as_text(tmp_path):
    path = tmp_path / "room.csv"
    names = ['"=HYPERLINK(""http://x"",""Ana"")"', "+1", "@x", "-2", "Ed", "Flo"]
    path.write_text("name\n" + "\n".join(names) + "\n", encoding="utf-8")
    result = run("plan", path, "--format", "csv")
    assert result.returncode == 0, result.stderr
    written = [row[1] for row in csv.reader(io.StringIO(result.stdout))][1:]
    assert sorted(written) == sorted(
        ['\'=HYPERLINK("http://x","Ana")', "'+1", "'@x", "'-2", "Ed", "Flo"]
    )
    cells = [cell for row in csv.reader(io.StringIO(result.stdout)) for cell in row]
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert not any(cell.startswith("-") and not is_number(cell) for cell in cells)


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_carriage_return_line_endings_are_read(tmp_path):
    path = tmp_path / "mac.csv"
    path.write_bytes(b"name,choice1\rAna,Ben\rBen,Ana\r")
    result = run("plan", path, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["groups"][0]["members"] == ["Ana", "Ben"]


def test_a_windows_1252_roster_is_read_with_its_accents(tmp_path):
    path = tmp_path / "accents.csv"
    path.write_bytes("name\nJosé Núñez\nAna\n".encode("cp1252"))
    result = run("plan", path, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "José Núñez" in json.loads(result.stdout)["groups"][0]["members"]
