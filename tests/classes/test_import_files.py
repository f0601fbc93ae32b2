"""The web import reads every file the CLI reads, through the engine's one reader:
spreadsheet exports as schools have them, and broken ones refused in plain words."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .factories import make_classroom
from .test_import_roster import confirm, text_of


def upload(client, classroom, data: bytes, name="room.csv", **extra):
    return client.post(
        reverse("classes:import", args=[classroom.pk]),
        {"roster": SimpleUploadedFile(name, data), **extra},
    )


def imported(classroom) -> list[str]:
    return sorted(classroom.students.values_list("name", flat=True))


def test_carriage_return_line_endings_are_imported(alice_client, alice):
    classroom = make_classroom(alice)
    upload(alice_client, classroom, b"name,level\rAna,2\rBen,3\r")
    confirm(alice_client, classroom)
    assert imported(classroom) == ["Ana", "Ben"]


def test_a_semicolon_file_with_decimal_commas_is_imported(alice_client, alice):
    classroom = make_classroom(alice)
    upload(alice_client, classroom, b"sep=;\nname;english_level\nAna;2,5\nBen;4\n")
    confirm(alice_client, classroom)
    assert float(classroom.students.get(name="Ana").english_level) == 2.5


def test_an_xlsx_that_is_not_a_zip_is_refused_in_plain_words(alice_client, alice):
    classroom = make_classroom(alice)
    response = upload(alice_client, classroom, b"name\nAna\n", name="room.xlsx")
    page = text_of(response)
    assert "1 thing to fix in room.xlsx" in page
    assert "this file is named like an Excel workbook but is not one" in page
