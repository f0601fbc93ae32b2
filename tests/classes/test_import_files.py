"""The web import reads every file the CLI reads, through the engine's one reader:
spreadsheet exports as schools have them, and broken ones refused in plain words."""

import html
import io
from pathlib import Path

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .factories import make_classroom
from .test_import_roster import confirm, text_of

FIXTURES = Path(__file__).parent.parent / "fixtures" / "rosters"


def workbook(*rows, title="Sheet", extra=None) -> bytes:
    book = openpyxl.Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(list(row))
    if extra:
        sheet = book.create_sheet(extra[0])
        for row in extra[1]:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, classroom, data: bytes, name="room.csv", **extra):
    return client.post(
        reverse("classes:import", args=[classroom.pk]),
        {"roster": SimpleUploadedFile(name, data), **extra},
    )


def imported_class(client, teacher, data: bytes, name="room.csv", **extra):
    """A new class of the teacher's, with the file uploaded and the import confirmed."""
    classroom = make_classroom(teacher)
    upload(client, classroom, data, name=name, **extra)
    confirm(client, classroom)
    return classroom


def imported(classroom) -> list[str]:
    return sorted(classroom.students.values_list("name", flat=True))


def test_carriage_return_line_endings_are_imported(alice_client, alice):
    classroom = imported_class(alice_client, alice, b"name,level\rAna,2\rBen,3\r")
    assert imported(classroom) == ["Ana", "Ben"]


def test_a_semicolon_file_with_decimal_commas_is_imported(alice_client, alice):
    classroom = imported_class(alice_client, alice, b"sep=;\nname;english_level\nAna;2,5\nBen;4\n")
    assert float(classroom.students.get(name="Ana").english_level) == 2.5


def test_an_xlsx_that_is_not_a_zip_is_refused_in_plain_words(alice_client, alice):
    classroom = make_classroom(alice)
    response = upload(alice_client, classroom, b"name\nAna\n", name="room.xlsx")
    page = text_of(response)
    assert "1 thing to fix in room.xlsx" in page
    assert "this file is named like an Excel workbook but is not one" in page


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def preview_of(client, classroom, name: str) -> str:
    return html.unescape(text_of(upload(client, classroom, fixture(name), name=name)))


def test_a_google_forms_export_imports_names_choices_interests_and_goals(alice_client, alice):
    classroom = imported_class(alice_client, alice, fixture("google_forms_en.csv"))
    ana = classroom.students.get(name="Ana Ruiz")
    chosen = list(classroom.students.filter(pk__in=ana.choices).values_list("name", flat=True))
    assert (sorted(chosen), ana.interests, ana.goals) == (
        ["Ben Okafor", "Cy Lee", "Di Park"],
        ["horses"],
        ["lead"],
    )


def test_a_google_forms_export_keeps_the_ranking_of_choices(alice_client, alice):
    classroom = imported_class(alice_client, alice, fixture("google_forms_en.csv"))
    names = dict(classroom.students.values_list("pk", "name"))
    ana = classroom.students.get(name="Ana Ruiz")
    assert [names[pk] for pk in ana.choices] == ["Ben Okafor", "Cy Lee", "Di Park"]


def test_a_google_forms_export_stores_no_email(alice_client, alice):
    classroom = imported_class(alice_client, alice, fixture("google_forms_en.csv"))
    stored = repr(list(classroom.students.values()))
    assert "@school.example" not in stored
    assert "9/2/2026" not in stored


def test_a_spanish_google_forms_export_is_imported(alice_client, alice):
    classroom = imported_class(alice_client, alice, fixture("google_forms_es.csv"))
    assert classroom.students.get(name="Di Núñez").interests == ["cómics"]


def test_a_microsoft_forms_export_is_imported_without_its_response_ids(alice_client, alice):
    classroom = imported_class(alice_client, alice, fixture("microsoft_forms.csv"))
    ana = classroom.students.get(name="Ana Ruiz")
    assert (ana.external_id, ana.home_language, ana.interests) == (
        "",
        "Spanish",
        ["horses", "dragons"],
    )


def test_a_windows_1252_file_is_imported_with_its_accents(alice_client, alice):
    classroom = imported_class(alice_client, alice, fixture("windows_1252.csv"))
    assert imported(classroom) == ["Ana", "José Núñez", "Zoë Faßbender"]


def test_a_utf16_file_is_imported(alice_client, alice):
    classroom = imported_class(alice_client, alice, fixture("utf16.csv"))
    assert classroom.students.get(name="José Núñez").interests == ["fútbol"]


def test_the_preview_says_how_the_file_was_read(alice_client, alice):
    classroom = make_classroom(alice)
    page = preview_of(alice_client, classroom, "semicolon_decimal_comma.csv")
    assert "Read as UTF-8 text, semicolon-separated" in page


def test_a_semicolon_file_with_a_sep_line_and_name_parts_is_imported(alice_client, alice):
    classroom = imported_class(alice_client, alice, fixture("semicolon_decimal_comma.csv"))
    jose = classroom.students.get(name="José Núñez")
    assert (jose.level, float(jose.english_level)) == (2, 2.5)


def test_an_xlsx_is_imported(alice_client, alice):
    classroom = make_classroom(alice)
    data = workbook(["Student name", "Level", "Interests"], ["Ana", 2, "horses"], ["Ben", 3.0, ""])
    upload(alice_client, classroom, data, name="room.xlsx")
    confirm(alice_client, classroom)
    assert sorted(classroom.students.values_list("name", "level")) == [("Ana", 2), ("Ben", 3)]


def test_a_named_sheet_of_an_xlsx_is_imported(alice_client, alice):
    classroom = make_classroom(alice)
    data = workbook(["notes"], ["x"], title="Notes", extra=("Roster", [["name"], ["Ana"]]))
    upload(alice_client, classroom, data, name="room.xlsx", sheet="Roster")
    confirm(alice_client, classroom)
    assert imported(classroom) == ["Ana"]


def test_an_empty_file_is_refused_in_plain_words(alice_client, alice):
    classroom = make_classroom(alice)
    # Django refuses an empty upload itself; the engine's words are for the CLI too.
    page = preview_of(alice_client, classroom, "header_only.csv")
    assert "the roster has a header but no students" in page


def test_a_file_whose_only_name_like_columns_are_missing_is_explained(alice_client, alice):
    classroom = make_classroom(alice)
    page = preview_of(alice_client, classroom, "no_name_columns.csv")
    assert "there is no 'name' column (the file has 'Timestamp'" in page


def test_a_binary_file_named_csv_is_refused_in_plain_words(alice_client, alice):
    classroom = make_classroom(alice)
    page = text_of(upload(alice_client, classroom, bytes(range(256)) * 4, name="room.csv"))
    assert "this is not a text file nor an Excel workbook" in page


def test_the_fixture_xlsx_that_is_not_a_zip_is_refused(alice_client, alice):
    classroom = make_classroom(alice)
    page = preview_of(alice_client, classroom, "not_a_zip.xlsx")
    assert "this file is named like an Excel workbook but is not one" in page
