"""The import preview shows the field each column of the file feeds; the teacher can
change any of them or ignore a column, and the class remembers the choice."""

from pathlib import Path

from django.urls import reverse

from partnerup.engine.roster import ROSTER_COLUMNS

from .factories import make_classroom
from .test_import_files import imported, upload
from .test_import_roster import confirm, text_of

GOOGLE_FORMS = (Path(__file__).parent.parent / "fixtures/rosters/google_forms_en.csv").read_bytes()
PLAIN = b"name,Notes\nAna,horses\nBen,soccer\n"


def choose_columns(client, classroom, *fields):
    data = {f"column_{n}": field for n, field in enumerate(fields, start=1)}
    return client.post(reverse("classes:import_columns", args=[classroom.pk]), data)


def test_the_preview_shows_each_column_and_the_field_it_feeds(alice_client, alice):
    classroom = make_classroom(alice)
    html = upload(alice_client, classroom, GOOGLE_FORMS).content.decode()
    assert '<option value="choices" selected>choices</option>' in html
    assert "Who are 3 classmates you would work well with?" in html


def test_timestamp_and_email_are_shown_as_never_stored(alice_client, alice):
    classroom = make_classroom(alice)
    page = text_of(upload(alice_client, classroom, GOOGLE_FORMS))
    assert "Timestamp (never stored)" in page
    assert "Email address (never stored)" in page


def test_a_column_set_to_a_field_is_imported_into_it(alice_client, alice):
    classroom = make_classroom(alice)
    upload(alice_client, classroom, PLAIN)
    choose_columns(alice_client, classroom, "name", "interests")
    confirm(alice_client, classroom)
    assert classroom.students.get(name="Ana").interests == ["horses"]


def test_a_column_set_to_ignore_is_not_imported(alice_client, alice):
    classroom = make_classroom(alice)
    upload(alice_client, classroom, GOOGLE_FORMS)
    choose_columns(alice_client, classroom, "", "", "name", "", "interests", "goals")
    confirm(alice_client, classroom)
    assert classroom.students.get(name="Ana Ruiz").choices == []


def test_the_re_preview_shows_the_new_mapping(alice_client, alice):
    classroom = make_classroom(alice)
    upload(alice_client, classroom, PLAIN)
    html = choose_columns(alice_client, classroom, "name", "goals").content.decode()
    assert '<option value="goals" selected>goals</option>' in html


def test_a_file_without_a_name_column_can_be_fixed_by_choosing_one(alice_client, alice):
    classroom = make_classroom(alice)
    upload(alice_client, classroom, b"Who,Notes\nAna,horses\n")
    choose_columns(alice_client, classroom, "name", "interests")
    confirm(alice_client, classroom)
    assert imported(classroom) == ["Ana"]


def test_an_unknown_field_is_refused_and_the_guess_kept(alice_client, alice):
    classroom = make_classroom(alice)
    upload(alice_client, classroom, PLAIN)
    choose_columns(alice_client, classroom, "name", "password")
    confirm(alice_client, classroom)
    assert classroom.students.get(name="Ana").interests == []


def test_the_mapping_is_remembered_for_the_next_file_with_the_same_headers(alice_client, alice):
    classroom = make_classroom(alice)
    upload(alice_client, classroom, PLAIN)
    choose_columns(alice_client, classroom, "name", "goals")
    confirm(alice_client, classroom)
    html = upload(alice_client, classroom, b"name,Notes\nCy,ending\n").content.decode()
    assert '<option value="goals" selected>goals</option>' in html


def test_a_file_with_other_headers_gets_the_guess_not_the_remembered_mapping(alice_client, alice):
    classroom = make_classroom(alice)
    upload(alice_client, classroom, PLAIN)
    choose_columns(alice_client, classroom, "name", "goals")
    confirm(alice_client, classroom)
    html = upload(alice_client, classroom, b"name,Interests\nCy,space\n").content.decode()
    assert '<option value="interests" selected>interests</option>' in html


def test_choosing_columns_without_an_upload_imports_nothing(alice_client, alice):
    classroom = make_classroom(alice)
    response = choose_columns(alice_client, classroom, "name")
    assert response.status_code == 302
    assert classroom.students.count() == 0


def test_choosing_columns_of_another_teachers_class_is_not_found(alice_client, charlie):
    classroom = make_classroom(charlie)
    assert choose_columns(alice_client, classroom, "name").status_code == 404


def test_the_template_lists_every_accepted_column(alice_client):
    response = alice_client.get(reverse("classes:import_template"))
    header = response.content.decode().splitlines()[0].split(",")
    assert header[0] == "name"
    assert set(header) == set(ROSTER_COLUMNS) - {"choice1", "choice2", "choice3"}


def test_the_import_page_lists_the_accepted_columns_and_the_template(alice_client, alice):
    classroom = make_classroom(alice)
    page = alice_client.get(reverse("classes:import", args=[classroom.pk])).content.decode()
    assert reverse("classes:import_template") in page
    assert "<strong>english_level</strong>" in page


def test_a_remembered_mapping_with_an_unknown_field_is_not_used(alice_client, alice):
    classroom = make_classroom(alice)
    classroom.import_columns = {"headers": ["name", "Notes"], "fields": ["name", "secret"]}
    classroom.save()
    html = upload(alice_client, classroom, PLAIN).content.decode()
    assert '<option value="" selected>— ignore —</option>' in html
