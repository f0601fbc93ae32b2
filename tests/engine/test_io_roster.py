"""Roster and rules CSV: the contract the CLI and the web import share."""

import pytest

from partnerup.engine import RosterError, RulesError, parse_roster, parse_rules
from partnerup.engine.io import plan_from_dict, plan_to_dict
from partnerup.engine.model import Partnership, Plan

FULL = (
    "name,level,goals,strengths,interests,home_language,english_level,choice1,choice2,choice3,"
    "avoid,talk,often_absent,social_support,floater,new_student,reading_partner,past_partners\n"
    "Ana,2,lead;plan box,ending,fantasy;soccer,spanish,2.5,Ben,cy,,Di,Quiet,yes,x,no,0,Ben,Cy\n"
    "Ben,3,,,,,,Ana,,,,dominant,,,TRUE,1,Ana,\n"
    "Cy,,,,,,,,,,,,,,,,,Ana\n"
    "Di,4,,,,,,,,,,,,,,,,\n"
)


def roster(text):
    return parse_roster(text, file="room.csv")


def located(text):
    with pytest.raises(RosterError) as caught:
        roster(text)
    return caught.value


def test_every_column_is_read():
    ana, ben, cy, di = roster(FULL)
    assert ana.level == 2 and ana.goals == ("lead", "plan box") and ana.strengths == ("ending",)
    assert ana.interests == ("fantasy", "soccer") and ana.home_language == "Spanish"
    assert ana.english_level == 2.5 and ana.needs_language_support
    assert ana.choices == ("Ben", "Cy") and ana.avoid == ("Di",) and ana.talk == "quiet"
    assert ana.often_absent and ana.social_support and not ana.floater and not ana.new_student
    assert ana.reading_partner == "Ben" and ana.past_partners == ("Cy",)
    assert ben.floater and ben.new_student and ben.talk == "dominant"
    assert cy.level is None and cy.english_level is None and cy.is_proficient_speaker
    assert di.talk == "balanced"


def test_bom_case_and_spaces_in_headers_and_one_choices_column():
    text = "\ufeffName , Home Language,English Level,Choices\nAna,Arabic,3,Ben;Cy\nBen,,,\nCy,,,\n"
    ana = roster(text)[0]
    assert ana.home_language == "Arabic" and ana.english_level == 3.0
    assert ana.choices == ("Ben", "Cy")


def test_only_the_name_column_is_needed_and_blank_rows_are_skipped():
    assert [s.name for s in roster("name\nAna\n\n,\nBen\n")] == ["Ana", "Ben"]


@pytest.mark.parametrize(
    ("text", "row", "column", "words"),
    [
        ("", None, None, "empty"),
        ("first,level\nAna,2\n", 1, None, "no 'name' column"),
        ("name\n", None, None, "no students"),
        ("name,level\n,2\n", 2, "name", "blank"),
        ("name\nAna\nBen\nana\n", 4, "name", "already in the class (row 2)"),
        ("name,level\nAna,5\n", 2, "level", "'5' is not a writing level"),
        ("name,level\nAna,two\n", 2, "level", "'two' is not a writing level"),
        ("name,level\nAna,2.5\n", 2, "level", "not a writing level"),
        ("name,english_level\nAna,7\n", 2, "english_level", "outside WIDA 1-6"),
        ("name,english_level\nAna,high\n", 2, "english_level", "not a WIDA level"),
        ("name,talk\nAna,shy\n", 2, "talk", "not a talk style"),
        ("name,often_absent\nAna,maybe\n", 2, "often_absent", "not yes or no"),
        ("name,choice1\nAna,Bne\nBen,\n", 2, "choice1", "did you mean 'Ben'?"),
        ("name,choice2\nAna,Ana\nBen,\n", 2, "choice2", "cannot name themselves"),
        ("name,choices\nAna,B;C;D;E\nB,\nC,\nD,\nE,\n", 2, "choices", "up to three"),
        ("name,choices,choice1\nAna,,\n", 1, None, "either one 'choices' column"),
        ("name,level\nAna,2,extra\n", 2, None, "3 cells but the header has 2"),
        ("name,avoid\nAna,Zed\nBen,\n", 2, "avoid", "'Zed' is not a student"),
        ("name,reading_partner\nAna,Bn\nBen,\n", 2, "reading_partner", "did you mean 'Ben'?"),
        ("name,past_partners\nAna,Ben;Xi\nBen,\n", 2, "past_partners", "'Xi' is not a student"),
    ],
)
def test_bad_roster_names_file_row_column_and_problem(text, row, column, words):
    error = located(text)
    assert error.file == "room.csv"
    assert error.row == row
    assert error.column == column
    assert words in error.message
    if row is not None:
        assert f"room.csv, row {row}" in str(error)


def test_rules_are_read_case_insensitively():
    students = roster("name\nAna\nBen\nCy\n")
    rules = parse_rules("rule,students\nKeep Apart,ana;Ben\nlock,Cy;Ana\n", students)
    assert [(r.kind, r.students) for r in rules] == [
        ("keep_apart", ("Ana", "Ben")),
        ("lock", ("Cy", "Ana")),
    ]


@pytest.mark.parametrize(
    ("text", "row", "column", "words"),
    [
        ("kind,students\n", 1, None, "no 'rule' column"),
        ("rule,students\nkeep_apar,Ana;Ben\n", 2, "rule", "did you mean 'keep_apart'?"),
        ("rule,students\nkeep_apart,Ana;Bne\n", 2, "students", "did you mean 'Ben'?"),
        ("rule,students\nkeep_apart,Ana\n", 2, "students", "at least two students"),
        ("rule,students\nlock,Ana;Ben;Cy;Di\n", 2, "students", "not 4 students"),
        ("rule,students\nlock,Ana;Ben\nlock,Cy;Ana\n", 3, "students", "locked in row 2"),
    ],
)
def test_bad_rules_name_row_column_and_problem(text, row, column, words):
    students = roster("name\nAna\nBen\nCy\nDi\n")
    with pytest.raises(RulesError) as caught:
        parse_rules(text, students, file="rules.csv")
    assert (caught.value.row, caught.value.column) == (row, column)
    assert words in caught.value.message


def test_plan_round_trips_through_json_dict():
    plan = Plan(
        status="optimal",
        partnerships=(Partnership(("Ana", "Ben"), (("Ana", "A"), ("Ben", "B")), 12.0, ("x",)),),
        floaters=("Cy",),
        objective=12.0,
        bound=12.0,
        forbidden_pairs=(("Ana", "Cy"),),
        emergent_bilinguals=("Ana",),
    )
    again = plan_from_dict(plan_to_dict(plan))
    assert again.partnerships == plan.partnerships and again.floaters == ("Cy",)
    assert again.forbidden_pairs == (("Ana", "Cy"),) and again.emergent_bilinguals == ("Ana",)


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"status": "optimal"},
        {"groups": [{"members": "Ana"}]},
        {"groups": [{"members": ["Ana", "Ben"]}, {"members": ["Ben", "Cy"]}]},
        {"groups": [{"members": ["Ana", "Ben"]}], "floaters": ["Ana"]},
    ],
)
def test_malformed_plan_json_is_refused(data):
    with pytest.raises(RosterError):
        plan_from_dict(data, file="plan.json")
