"""A header's words name the field its column feeds, in English and Spanish; columns
that feed nothing are dropped before any student is made."""

from partnerup import engine
from partnerup.engine.columns import (
    FIELDS,
    PHRASES,
    accepted_columns,
    guess_fields,
    read_roster_file,
    template_csv,
)
from partnerup.engine.roster import ROSTER_COLUMNS


def students(text: str, **kwargs):
    reading = read_roster_file(text.encode(), "room.csv", **kwargs).reading
    assert not reading.problems, [p.located() for p in reading.problems]
    return reading.students


def test_google_forms_questions_name_their_fields():
    headers = [
        "Timestamp", "Email address", "What is your name?",
        "Who are 3 classmates you would work well with?", "What do you love to write about?",
        "What is your writing goal?",
    ]  # fmt: skip
    assert guess_fields(headers) == ("", "", "name", "choices", "interests", "goals")


def test_spanish_headers_name_their_fields():
    headers = ["Marca temporal", "¿Cómo te llamas?", "compañeros", "intereses", "meta", "nivel"]
    assert guess_fields(headers) == ("", "name", "choices", "interests", "goals", "level")


def test_home_language_is_the_home_language():
    assert guess_fields(["name", "Home language"]) == ("name", "home_language")


def test_idioma_is_the_home_language():
    assert guess_fields(["name", "Idioma"]) == ("name", "home_language")


def test_first_and_last_name_make_the_name():
    read = students("First name,Last name\nAna,Ruiz\nBen,Okafor\n")
    assert [s.name for s in read] == ["Ana Ruiz", "Ben Okafor"]


def test_nombre_and_apellido_make_the_name():
    assert guess_fields(["Nombre", "Apellido"]) == ("first_name", "last_name")


def test_a_lone_nombre_is_the_whole_name():
    assert guess_fields(["Nombre", "nivel"]) == ("name", "level")


def test_student_name_is_the_name():
    assert guess_fields(["Student name", "Student ID"]) == ("name", "student_id")


def test_an_exact_name_column_wins_over_a_question_about_the_name():
    assert guess_fields(["Name", "What is your name?"]) == ("name", "")


def test_microsoft_forms_response_id_is_not_a_student_id():
    assert guess_fields(["ID", "Start time", "Completion time", "Name"]) == ("", "", "", "name")


def test_a_plain_id_column_is_the_student_id():
    assert guess_fields(["ID", "name"]) == ("student_id", "name")


def test_a_longer_phrase_wins_reading_partner_over_partner():
    assert guess_fields(["name", "Reading partner"])[1] == "reading_partner"


def test_a_header_nobody_knows_feeds_nothing():
    assert guess_fields(["name", "Favourite colour"]) == ("name", "")


def test_a_choose_three_answer_in_one_cell_becomes_ranked_choices():
    read = students('name,Pick three classmates\nAna,"Cy, Ben, Di"\nBen,\nCy,\nDi,\n')
    assert read[0].choices == ("Cy", "Ben", "Di")


def test_three_classmate_columns_become_ranked_choices_in_column_order():
    text = "name,Classmate 1,Classmate 2,Classmate 3\nAna,Di,Ben,Cy\nBen,,,\nCy,,,\nDi,,,\n"
    assert students(text)[0].choices == ("Di", "Ben", "Cy")


def test_a_semicolon_choices_cell_keeps_commas_inside_names():
    text = 'name,choices\n"Ruiz, Ana","Lee, Cy;Okafor, Ben"\n"Lee, Cy",\n"Okafor, Ben",\n'
    assert students(text)[0].choices == ("Lee, Cy", "Okafor, Ben")


def test_timestamp_and_email_cells_are_never_read():
    file = read_roster_file(b"Timestamp,Email,name\n9/2/2026,ana@x.example,Ana\n", "f.csv")
    assert [c.is_never_read for c in file.columns] == [True, True, False]
    assert file.reading.columns == ("name",)


def test_a_changed_column_feeds_the_field_chosen():
    read = students("name,Notes\nAna,horses\n", changes={"Notes": "interests"})
    assert read[0].interests == ("horses",)


def test_a_column_set_to_ignore_is_not_read():
    read = students("name,level\nAna,9\n", changes={"level": ""})
    assert read[0].level is None


def test_fields_given_by_position_replace_the_guesses():
    read = students("A,B\nAna,horses\n", fields=["name", "interests"])
    assert read[0].interests == ("horses",)


def test_a_change_naming_a_header_the_file_lacks_is_a_located_problem():
    reading = read_roster_file(b"name\nAna\n", "f.csv", changes={"Nmae": "name"}).reading
    assert [p.located() for p in reading.problems] == [
        "f.csv, row 1: there is no column 'Nmae' in the file (it has 'name')"
    ]


def test_two_columns_feeding_one_level_are_a_problem_of_the_header():
    reading = read_roster_file(
        b"name,A,B\nAna,2,3\n", "f.csv", fields=["name", "level", "level"]
    ).reading
    assert [p.located() for p in reading.problems] == [
        "f.csv, row 1: 'A' and 'B' both feed 'level'; set one of them to ignore"
    ]


def test_a_file_whose_only_name_like_columns_are_missing_says_what_it_has():
    reading = read_roster_file(b"Timestamp,Classmates\n1,Ana\n", "f.csv").reading
    assert "there is no 'name' column (the file has 'Timestamp', 'Classmates')" in (
        reading.problems[0].message
    )


def test_every_phrase_names_a_field_the_roster_has():
    assert set(PHRASES) <= {*FIELDS, ""}


def test_the_accepted_columns_are_the_rosters_columns_and_the_name_parts():
    assert [field for field, _ in accepted_columns()] == [
        *ROSTER_COLUMNS,
        "first_name",
        "last_name",
    ]


def test_the_template_reads_back_as_a_roster_with_every_column():
    reading = read_roster_file((template_csv() + "Ana\n").encode(), "template.csv").reading
    assert len(reading.columns) == len(ROSTER_COLUMNS) - 3  # choices, not choice1..3


def test_a_problem_names_the_column_as_the_files_header_says_it():
    data = b"What is your name?,How do you write? (1-4)\nAna,5\nBen,2\n"
    read = engine.read_roster_file(data, "form.csv", changes={"How do you write? (1-4)": "level"})
    (problem,) = read.reading.problems
    assert problem.column == "How do you write? (1-4)" and problem.row == 2
    assert "column 'How do you write? (1-4)'" in str(problem)
    assert [str(p) for p in read.reading.rows[0].problems] == [str(problem)]
