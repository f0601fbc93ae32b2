"""partnerup.engine.io: roster and rules CSV in, plans to and from JSON-ready dicts.

Row numbers are spreadsheet rows: the header is row 1, the first student row 2.
"""

import pytest

from partnerup.engine.errors import RosterError, RulesError
from partnerup.engine.io import parse_roster, parse_rules, plan_from_dict, plan_to_dict
from partnerup.engine.model import Partnership, Plan, Rule

ALL_COLUMNS = (
    "name,level,goals,strengths,interests,home_language,english_level,"
    "choice1,choice2,choice3,avoid,talk,often_absent,social_support,floater,"
    "new_student,reading_partner,past_partners"
)


def csv_text(*lines: str) -> str:
    """CSV text from lines, each line already comma-joined."""
    return "\n".join(lines) + "\n"


def roster(*lines: str):
    return parse_roster(csv_text(*lines), file="room.csv")


def by_name(*lines: str):
    return {s.name: s for s in roster(*lines)}


def roster_error(*lines: str) -> RosterError:
    with pytest.raises(RosterError) as caught:
        roster(*lines)
    return caught.value


def full_class():
    return by_name(
        ALL_COLUMNS,
        "Ana,2,lead;plan a box,endings,fantasy;soccer,spanish,2.5,Ben,Cy,Di,Ed,quiet,"
        "yes,x,no,0,Ben,Cy;Di",
        "Ben,3,,,,,,,,,,dominant,,,TRUE,1,Ana,",
        "Cy,,,,,,,,,,,,,,,,,",
        "Di,4,,,,,,,,,,,,,,,,",
        "Ed,1,,,,,,,,,,,,,,,,",
    )


# --- parse_roster: happy path -------------------------------------------------------


def test_every_student_row_becomes_a_student_in_file_order():
    assert [s.name for s in full_class().values()] == ["Ana", "Ben", "Cy", "Di", "Ed"]


def test_level_is_read_as_an_integer():
    assert full_class()["Ana"].level == 2


def test_blank_level_means_unknown():
    assert full_class()["Cy"].level is None


def test_goals_are_split_on_semicolons():
    assert full_class()["Ana"].goals == ("lead", "plan a box")


def test_strengths_are_read_as_a_list():
    assert full_class()["Ana"].strengths == ("endings",)


def test_interests_are_split_on_semicolons():
    assert full_class()["Ana"].interests == ("fantasy", "soccer")


def test_home_language_is_title_cased():
    assert full_class()["Ana"].home_language == "Spanish"


def test_english_level_accepts_a_decimal():
    assert full_class()["Ana"].english_level == 2.5


def test_blank_english_level_means_proficient():
    cy = full_class()["Cy"]
    assert cy.english_level is None
    assert cy.is_proficient_speaker is True


def test_choice1_to_choice3_keep_their_ranking_order():
    assert full_class()["Ana"].choices == ("Ben", "Cy", "Di")


def test_avoid_names_are_read():
    assert full_class()["Ana"].avoid == ("Ed",)


def test_talk_style_is_read_case_insensitively():
    assert full_class()["Ana"].talk == "quiet"


def test_blank_talk_style_means_balanced():
    assert full_class()["Cy"].talk == "balanced"


def test_reading_partner_is_read():
    assert full_class()["Ana"].reading_partner == "Ben"


def test_past_partners_are_split_on_semicolons():
    assert full_class()["Ana"].past_partners == ("Cy", "Di")


def test_boolean_columns_are_read_from_yes_x_no_and_0():
    ana = full_class()["Ana"]
    assert (ana.often_absent, ana.social_support, ana.floater, ana.new_student) == (
        True,
        True,
        False,
        False,
    )


def test_boolean_columns_are_read_from_upper_case_true_and_1():
    ben = full_class()["Ben"]
    assert (ben.floater, ben.new_student) == (True, True)


def test_blank_boolean_cells_mean_no():
    cy = full_class()["Cy"]
    assert (cy.often_absent, cy.social_support, cy.floater, cy.new_student) == (
        False,
        False,
        False,
        False,
    )


@pytest.mark.parametrize("word", ["yes", "YES", "Yes", "y", "true", "True", "1", "x", "X"])
def test_a_true_word_reads_as_yes_whatever_its_case(word):
    assert roster("name,floater", f"Ana,{word}")[0].floater is True


@pytest.mark.parametrize("word", ["no", "NO", "n", "false", "FALSE", "0", ""])
def test_a_false_word_or_blank_reads_as_no_whatever_its_case(word):
    assert roster("name,floater", f"Ana,{word}")[0].floater is False


def test_a_single_choices_column_keeps_its_ranking_order():
    students = by_name("name,choices", "Ana,Di;Ben;Cy", "Ben,", "Cy,", "Di,")
    assert students["Ana"].choices == ("Di", "Ben", "Cy")


def test_a_utf8_byte_order_mark_before_the_header_is_ignored():
    assert [s.name for s in parse_roster("\ufeffname,level\nAna,2\n")] == ["Ana"]


def test_headers_are_matched_case_insensitively_and_with_spaces():
    ana = roster("Name,Home Language, English Level ,LEVEL", "Ana,arabic,3,4")[0]
    assert (ana.home_language, ana.english_level, ana.level) == ("Arabic", 3.0, 4)


def test_classmates_named_in_another_case_resolve_to_the_rosters_spelling():
    students = by_name("name,choices,avoid", "Ana,BEN;cY,dI", "Ben,,", "Cy,,", "Di,,")
    assert (students["Ana"].choices, students["Ana"].avoid) == (("Ben", "Cy"), ("Di",))


def test_blank_rows_are_ignored():
    names = [s.name for s in roster("name,level", "Ana,2", "", ",", " , ", "Ben,3")]
    assert names == ["Ana", "Ben"]


def test_a_roster_with_only_a_name_column_is_enough():
    students = roster("name", "Ana", "Ben")
    assert [(s.name, s.level, s.choices, s.talk) for s in students] == [
        ("Ana", None, (), "balanced"),
        ("Ben", None, (), "balanced"),
    ]


def test_cells_are_stripped_of_surrounding_spaces():
    ana = roster("name,level,choices", "  Ana  , 2 , Ben ; Cy ", "Ben,,", "Cy,,")[0]
    assert (ana.name, ana.level, ana.choices) == ("Ana", 2, ("Ben", "Cy"))


# --- parse_roster: bad input --------------------------------------------------------


def assert_located(error, row, column, words):
    assert error.file == "room.csv"
    assert error.row == row
    assert error.column == column
    assert words in error.message


def test_an_empty_file_is_refused():
    with pytest.raises(RosterError) as caught:
        parse_roster("  \n", file="room.csv")
    assert_located(caught.value, None, None, "the file is empty")


def test_a_file_holding_only_a_byte_order_mark_is_empty():
    with pytest.raises(RosterError) as caught:
        parse_roster("\ufeff", file="room.csv")
    assert_located(caught.value, None, None, "the file is empty")


def test_a_missing_name_column_is_reported_on_the_header_row():
    error = roster_error("first,level", "Ana,2")
    assert_located(error, 1, None, "there is no 'name' column")


def test_a_missing_name_column_error_lists_the_columns_found():
    assert "(found: first, level)" in roster_error("first,level", "Ana,2").message


def test_a_missing_name_column_suggests_a_close_header():
    assert "did you mean 'names'?" in roster_error("names,level", "Ana,2").message


def test_a_blank_name_is_refused_on_its_row():
    assert_located(roster_error("name,level", "Ana,2", ",3"), 3, "name", "the name is blank")


def test_a_duplicate_name_is_refused_on_its_second_row():
    error = roster_error("name", "Ana", "Ben", "ana")
    assert_located(error, 4, "name", "'ana' is already in the class")


def test_a_duplicate_name_error_names_the_earlier_row():
    assert "(row 2)" in roster_error("name", "Ana", "Ben", "ana").message


def test_a_duplicate_column_is_refused_on_the_header_row():
    error = roster_error("name,level,Level", "Ana,2,2")
    assert_located(error, 1, None, "the column 'level' appears twice")


def test_a_level_above_four_is_refused():
    assert_located(roster_error("name,level", "Ana,5"), 2, "level", "'5' is not a writing level")


def test_a_level_below_one_is_refused():
    assert_located(roster_error("name,level", "Ana,0"), 2, "level", "'0' is not a writing level")


def test_a_level_that_is_not_a_number_is_refused():
    error = roster_error("name,level", "Ana,two")
    assert_located(error, 2, "level", "'two' is not a writing level")


def test_a_fractional_level_is_refused():
    error = roster_error("name,level", "Ana,2.5")
    assert_located(error, 2, "level", "'2.5' is not a writing level")


def test_a_level_of_nan_is_refused_as_a_roster_error():
    error = roster_error("name,level", "Ana,nan")
    assert_located(error, 2, "level", "'nan' is not a writing level")


def test_a_level_of_inf_is_refused_as_a_roster_error():
    error = roster_error("name,level", "Ana,inf")
    assert_located(error, 2, "level", "'inf' is not a writing level")


def test_a_level_written_with_a_decimal_zero_is_read():
    assert roster("name,level", "Ana,3.0")[0].level == 3


# float() takes some Unicode digits ('٣' is 3.0); a level is only ever ASCII digits.
@pytest.mark.parametrize("level", ["²", "٣", "３", "𝟑", "+2", "2e0", "0x2", "2_0", "1,0"])
def test_a_level_that_is_not_plain_ascii_digits_is_refused(level):
    assert_located(
        roster_error("name,level", f'Ana,"{level}"'), 2, "level", "is not a writing level"
    )


def test_an_english_level_above_six_is_refused():
    error = roster_error("name,english_level", "Ana,7")
    assert_located(error, 2, "english_level", "'7' is outside WIDA 1-6")


def test_an_english_level_below_one_is_refused():
    error = roster_error("name,english_level", "Ana,0.5")
    assert_located(error, 2, "english_level", "'0.5' is outside WIDA 1-6")


def test_an_english_level_that_is_not_a_number_is_refused():
    error = roster_error("name,english_level", "Ana,high")
    assert_located(error, 2, "english_level", "'high' is not a WIDA level")


def test_an_english_level_with_a_decimal_comma_is_read():
    assert roster("name,english_level", 'Ana,"2,5"')[0].english_level == 2.5


@pytest.mark.parametrize("level", ["٣", "²", "2٫5", "３", "nan", "inf", "1e0", "2.5.1", "2,,5"])
def test_an_english_level_that_is_not_plain_ascii_digits_is_refused(level):
    error = roster_error("name,english_level", f'Ana,"{level}"')
    assert_located(error, 2, "english_level", "is not a WIDA level")


def test_an_unknown_talk_style_is_refused():
    error = roster_error("name,talk", "Ana,shy")
    assert_located(error, 2, "talk", "'shy' is not a talk style")


def test_a_boolean_that_is_not_yes_or_no_is_refused():
    error = roster_error("name,social_support", "Ana,maybe")
    assert_located(error, 2, "social_support", "'maybe' is not yes or no")


def test_a_choice_naming_an_unknown_student_is_refused():
    error = roster_error("name,choice1", "Ana,Zed", "Ben,")
    assert_located(error, 2, "choice1", "'Zed' is not a student in this class")


def test_a_misspelt_choice_suggests_the_closest_classmate():
    error = roster_error("name,choice1", "Ana,Bne", "Ben,")
    assert_located(error, 2, "choice1", "'Bne' is not a student in this class")
    assert error.message.endswith("did you mean 'Ben'?")


def test_a_far_off_name_gets_no_suggestion():
    assert "did you mean" not in roster_error("name,choice1", "Ana,Xylophone", "Ben,").message


def test_an_unknown_name_in_choice3_is_reported_in_choice3():
    error = roster_error("name,choice1,choice2,choice3", "Ana,Ben,,Zed", "Ben,,,")
    assert_located(error, 2, "choice3", "'Zed' is not a student")


def test_a_student_choosing_themselves_is_refused():
    error = roster_error("name,choice2", "Ana,", "Ben,ben")
    assert_located(error, 3, "choice2", "Ben cannot name themselves")


def test_a_student_avoiding_themselves_is_refused():
    error = roster_error("name,avoid", "Ana,Ana", "Ben,")
    assert_located(error, 2, "avoid", "Ana cannot name themselves")


def test_more_than_three_choices_are_refused():
    error = roster_error("name,choices", "Ana,Ben;Cy;Di;Ed", "Ben,", "Cy,", "Di,", "Ed,")
    assert_located(error, 2, "choices", "4 choices given")


def test_too_many_choices_across_choice_columns_are_refused_in_the_column_that_adds_them():
    error = roster_error(
        "name,choice1,choice2,choice3", "Ana,Ben;Cy,Di;Ed,", "Ben,,,", "Cy,,,", "Di,,,", "Ed,,,"
    )
    assert_located(error, 2, "choice2", "4 choices given across choice1..choice3")
    assert "(Ben, Cy, Di, Ed)" in error.message


def test_a_choice_column_may_hold_a_list_while_there_are_three_choices_in_all():
    students = by_name("name,choice1,choice2", "Ana,Ben;Cy,Di", "Ben,,", "Cy,,", "Di,,")
    assert students["Ana"].choices == ("Ben", "Cy", "Di")


def test_both_a_choices_column_and_choice1_are_refused_on_the_header_row():
    error = roster_error("name,choices,choice1", "Ana,,")
    assert_located(error, 1, None, "use either one 'choices' column or choice1..choice3")


def test_a_row_with_more_cells_than_the_header_is_refused():
    error = roster_error("name,level", "Ana,2", "Ben,3,extra")
    assert_located(error, 3, None, "this row has 3 cells but the header has 2")


def test_a_row_with_fewer_cells_than_the_header_is_padded_with_blanks():
    assert roster("name,level,talk", "Ana")[0].level is None


def test_a_header_without_students_is_refused():
    assert_located(roster_error("name,level", ",", ""), None, None, "has a header but no students")


def test_an_unknown_name_in_avoid_is_refused():
    error = roster_error("name,avoid", "Ana,", "Ben,Zed")
    assert_located(error, 3, "avoid", "'Zed' is not a student in this class")


def test_an_unknown_reading_partner_is_refused_with_a_suggestion():
    error = roster_error("name,reading_partner", "Ana,Bn", "Ben,")
    assert_located(error, 2, "reading_partner", "'Bn' is not a student in this class")
    assert "did you mean 'Ben'?" in error.message


def test_more_than_one_reading_partner_is_refused():
    error = roster_error("name,reading_partner", "Ana,Ben;Cy", "Ben,", "Cy,")
    assert_located(error, 2, "reading_partner", "give one reading partner")


def test_an_unknown_name_in_past_partners_is_refused():
    error = roster_error("name,past_partners", "Ana,Ben;Xi", "Ben,")
    assert_located(error, 2, "past_partners", "'Xi' is not a student in this class")


def test_a_roster_error_reads_as_file_row_column_then_problem():
    error = roster_error("name,level", "Ana,2", "Ben,9")
    assert str(error) == (
        "room.csv, row 3, column 'level': "
        "'9' is not a writing level; use 1, 2, 3 or 4 (or leave blank)"
    )


def test_a_header_row_error_reads_as_file_and_row_one():
    assert str(roster_error("name,name", "Ana,Ana")) == (
        "room.csv, row 1: the column 'name' appears twice"
    )


def test_the_default_file_name_is_roster():
    with pytest.raises(RosterError) as caught:
        parse_roster("")
    assert caught.value.file == "roster"


def test_roster_reading_is_still_importable_from_io():
    from partnerup.engine import io, roster

    assert (io.parse_roster, io.read_roster, io.RosterReading) == (
        roster.parse_roster,
        roster.read_roster,
        roster.RosterReading,
    )


def test_a_line_break_inside_a_quoted_cell_keeps_spreadsheet_row_numbers():
    error = roster_error("name,goals,level", 'Ana,"lead', 'plan a box",2', "Ben,,9")
    assert error.row == 3


# --- parse_rules ----------------------------------------------------------------------


CLASS = roster("name", "Ana", "Ben", "Cy", "Di", "Ed")


def rules(*lines: str):
    return parse_rules(csv_text(*lines), CLASS, file="rules.csv")


def rules_error(*lines: str) -> RulesError:
    with pytest.raises(RulesError) as caught:
        rules(*lines)
    return caught.value


def assert_rule_located(error, row, column, words):
    assert error.file == "rules.csv"
    assert error.row == row
    assert error.column == column
    assert words in error.message


def test_a_keep_apart_rule_is_read():
    assert rules("rule,students", "keep_apart,Ana;Ben") == (Rule("keep_apart", ("Ana", "Ben")),)


def test_a_keep_together_rule_is_read():
    assert rules("rule,students", "keep_together,Cy;Di") == (Rule("keep_together", ("Cy", "Di")),)


def test_a_lock_rule_of_three_is_read():
    assert rules("rule,students", "lock,Ana;Ben;Cy") == (Rule("lock", ("Ana", "Ben", "Cy")),)


def test_rule_names_are_read_case_insensitively_with_spaces_or_hyphens():
    kinds = [r.kind for r in rules("rule,students", "Keep Apart,Ana;Ben", "KEEP-TOGETHER,Cy;Di")]
    assert kinds == ["keep_apart", "keep_together"]


def test_rule_students_resolve_to_the_rosters_spelling():
    assert rules("rule,students", "lock, ana ; BEN ")[0].students == ("Ana", "Ben")


def test_rule_students_are_matched_whatever_their_unicode_form_or_spacing():
    roster_class = roster("name", "Sofía Ruiz", "Ben")
    text = csv_text("rule,students", "keep_apart,Sofi\u0301a   ruiz;Ben")
    assert parse_rules(text, roster_class)[0].students == ("Sofía Ruiz", "Ben")


def test_rules_keep_their_file_order():
    kinds = [r.kind for r in rules("rule,students", "lock,Ana;Ben", "keep_apart,Cy;Di")]
    assert kinds == ["lock", "keep_apart"]


def test_a_keep_apart_rule_may_name_more_than_three_students():
    assert len(rules("rule,students", "keep_apart,Ana;Ben;Cy;Di")[0].students) == 4


def test_a_rules_file_with_only_a_header_has_no_rules():
    assert rules("rule,students") == ()


def test_a_missing_rule_column_is_refused():
    error = rules_error("kind,students", "lock,Ana;Ben")
    assert_rule_located(error, 1, None, "there is no 'rule' column")


def test_a_missing_students_column_is_refused():
    error = rules_error("rule,names", "lock,Ana;Ben")
    assert_rule_located(error, 1, None, "there is no 'students' column")


def test_an_empty_rules_file_is_a_rules_error():
    with pytest.raises(RulesError) as caught:
        parse_rules("", CLASS, file="rules.csv")
    assert "the file is empty" in caught.value.message


def test_an_unknown_rule_name_is_refused_with_a_suggestion():
    error = rules_error("rule,students", "keep_apar,Ana;Ben")
    assert_rule_located(error, 2, "rule", "'keep_apar' is not a rule")
    assert "did you mean 'keep_apart'?" in error.message


def test_an_unknown_student_in_a_rule_is_refused_with_a_suggestion():
    error = rules_error("rule,students", "lock,Ana;Ben", "keep_apart,Ana;Bne")
    assert_rule_located(error, 3, "students", "'Bne' is not a student in this class")
    assert "did you mean 'Ben'?" in error.message


def test_a_rule_with_one_student_is_refused():
    error = rules_error("rule,students", "keep_apart,Ana")
    assert_rule_located(error, 2, "students", "a rule needs at least two students")


def test_a_rule_naming_one_student_twice_counts_them_once():
    error = rules_error("rule,students", "lock,Ana;ana")
    assert_rule_located(error, 2, "students", "a rule needs at least two students")


def test_a_lock_rule_of_four_students_is_refused():
    error = rules_error("rule,students", "lock,Ana;Ben;Cy;Di")
    assert_rule_located(error, 2, "students", "a lock rule holds a pair or a three, not 4")


def test_a_keep_together_rule_of_four_students_is_refused():
    error = rules_error("rule,students", "keep_together,Ana;Ben;Cy;Di")
    assert_rule_located(error, 2, "students", "a keep_together rule holds a pair or a three")


def test_a_student_in_two_lock_rules_is_refused_naming_the_earlier_row():
    error = rules_error("rule,students", "lock,Ana;Ben", "keep_apart,Cy;Di", "lock,Cy;ana")
    assert_rule_located(error, 4, "students", "Ana is already locked in row 2")


def test_a_student_may_be_in_a_lock_and_a_keep_apart_rule():
    assert len(rules("rule,students", "lock,Ana;Ben", "keep_apart,Ana;Cy")) == 2


def test_a_rules_error_reads_as_file_row_column_then_problem():
    assert str(rules_error("rule,students", "keep_apart,Ana")).startswith(
        "rules.csv, row 2, column 'students': "
    )


# --- plan_to_dict / plan_from_dict ---------------------------------------------------


def sample_plan() -> Plan:
    return Plan(
        status="optimal",
        partnerships=(
            Partnership(("Ana", "Ben"), (("Ana", "A"), ("Ben", "B")), 12.0, ("both chose",)),
            Partnership(
                ("Cy", "Di", "Ed"),
                (("Cy", "A"), ("Di", "B"), ("Ed", "C")),
                7.5,
                ("two English models",),
                is_locked=True,
            ),
        ),
        floaters=("Fay",),
        objective=19.5,
        bound=20.0,
        forbidden_pairs=(("Ana", "Cy"),),
        emergent_bilinguals=("Ed",),
    )


def test_plan_to_dict_lists_each_group_with_members_roles_score_reasons_lock_and_number():
    assert plan_to_dict(sample_plan())["groups"][1] == {
        "members": ["Cy", "Di", "Ed"],
        "roles": {"Cy": "A", "Di": "B", "Ed": "C"},
        "score": 7.5,
        "reasons": ["two English models"],
        "locked": True,
        "number": 0,
    }


@pytest.mark.parametrize("number", [-1, "2", 1.5, True, None])
def test_a_plan_with_a_bad_partnership_number_is_refused_with_a_located_message(number):
    data = plan_to_dict(sample_plan())
    data["groups"][0]["number"] = number
    with pytest.raises(RosterError, match="group 1: 'number' must be a whole number"):
        plan_from_dict(data, file="plan.json")


def test_plan_to_dict_records_status_objective_bound_and_rounded_gap():
    data = plan_to_dict(sample_plan())
    assert (data["status"], data["objective"], data["bound"], data["gap"]) == (
        "optimal",
        19.5,
        20.0,
        0.025,
    )


def test_plan_to_dict_leaves_out_elapsed_ms_when_not_given():
    assert "elapsed_ms" not in plan_to_dict(sample_plan())


def test_plan_to_dict_records_elapsed_ms_to_one_decimal():
    assert plan_to_dict(sample_plan(), elapsed_ms=12.34)["elapsed_ms"] == 12.3


def test_a_plan_round_trips_its_partnerships_with_roles():
    assert plan_from_dict(plan_to_dict(sample_plan())).partnerships == sample_plan().partnerships


def test_a_plan_round_trips_its_floaters():
    assert plan_from_dict(plan_to_dict(sample_plan())).floaters == ("Fay",)


def test_a_plan_round_trips_status_objective_and_bound():
    again = plan_from_dict(plan_to_dict(sample_plan()))
    assert (again.status, again.objective, again.bound) == ("optimal", 19.5, 20.0)


def test_a_plan_round_trips_forbidden_pairs_and_emergent_bilinguals():
    again = plan_from_dict(plan_to_dict(sample_plan()))
    assert (again.forbidden_pairs, again.emergent_bilinguals) == ((("Ana", "Cy"),), ("Ed",))


def test_a_plan_round_trips_its_partner_partners():
    plan = Plan(
        status="optimal",
        partnerships=(Partnership(("Ana", "Ben")), Partnership(("Cy", "Di"))),
        partner_partners=(("Ana", "Ben", "Cy", "Di"),),
    )
    assert plan_from_dict(plan_to_dict(plan)).partner_partners == (("Ana", "Ben", "Cy", "Di"),)


def test_a_group_without_roles_gets_blank_roles():
    plan = plan_from_dict({"groups": [{"members": ["Ana", "Ben"]}]})
    assert plan.partnerships[0].roles == (("Ana", ""), ("Ben", ""))


def plan_error(data) -> RosterError:
    with pytest.raises(RosterError) as caught:
        plan_from_dict(data, file="plan.json")
    return caught.value


def test_plan_from_dict_refuses_a_list():
    error = plan_error([{"members": ["Ana", "Ben"]}])
    assert (error.file, error.message) == (
        "plan.json",
        "this is not a PartnerUp plan (no 'groups' list)",
    )


def test_plan_from_dict_refuses_a_dict_without_groups():
    assert "no 'groups' list" in plan_error({"status": "optimal"}).message


def test_plan_from_dict_refuses_a_group_without_members():
    assert plan_error({"groups": [{"roles": {}}]}).message == (
        "group 1 has no list of member names"
    )


def test_plan_from_dict_refuses_a_group_whose_members_are_not_a_list():
    assert (
        "group 1 has no list of member names"
        in plan_error({"groups": [{"members": "Ana"}]}).message
    )


def test_plan_from_dict_refuses_a_group_with_an_empty_member_list():
    error = plan_error({"groups": [{"members": ["Ana", "Ben"]}, {"members": []}]})
    assert error.message == "group 2 repeats a student or is empty"


def test_plan_from_dict_refuses_a_student_in_two_groups():
    error = plan_error({"groups": [{"members": ["Ana", "Ben"]}, {"members": ["Cy", "Ben"]}]})
    assert error.message == "group 2 repeats a student or is empty"


def test_plan_from_dict_refuses_a_student_twice_in_one_group():
    error = plan_error({"groups": [{"members": ["Ana", "Ana"]}]})
    assert error.message == "group 1 repeats a student or is empty"


def test_plan_from_dict_refuses_a_floater_who_is_also_in_a_group():
    error = plan_error({"groups": [{"members": ["Ana", "Ben"]}], "floaters": ["Ben"]})
    assert error.message == "a floater is also in a partnership"


def test_plan_from_dict_refuses_roles_that_are_not_a_mapping_as_a_roster_error():
    plan_error({"groups": [{"members": ["Ana", "Ben"], "roles": ["A", "B"]}]})


def test_plan_from_dict_refuses_a_score_that_is_not_a_number_as_a_roster_error():
    plan_error({"groups": [{"members": ["Ana", "Ben"], "score": "high"}]})
