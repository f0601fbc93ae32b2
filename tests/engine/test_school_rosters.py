"""School roster bundles (OneRoster 1.1/1.2, Clever) read as one class's roster."""

import io
import zipfile

import pytest

from partnerup.engine import (
    RosterError,
    is_school_bundle,
    read_roster_file,
    read_school_bundle,
)
from tests.school_bundles import (
    PRIVATE,
    clever_bundle,
    clever_files,
    csv_text,
    oneroster_bundle,
    oneroster_files,
    without_column,
    zipped,
)

BUNDLES = {
    "oneroster-1.1": lambda: oneroster_bundle("1.1"),
    "oneroster-1.2": lambda: oneroster_bundle("1.2"),
    "clever": clever_bundle,
}


def problems(data, school_class="Writing 3A"):
    return [
        p.located()
        for p in read_roster_file(data, "school.zip", school_class=school_class).reading.problems
    ]


@pytest.mark.parametrize("kind", BUNDLES)
def test_a_class_chosen_by_title_gives_its_students_only(kind):
    read = read_roster_file(BUNDLES[kind](), "school.zip", school_class="Writing 3A")
    assert [s.name for s in read.reading.students] == [
        "Ana Ruiz",
        "Ben Okafor",
        "Cy Lee",
        "Di Park",
    ]


@pytest.mark.parametrize("kind", BUNDLES)
def test_the_schools_id_becomes_the_students_external_id(kind):
    read = read_roster_file(BUNDLES[kind](), "school.zip", school_class="Writing 3B")
    assert [r.external_id for r in read.reading.rows] == ["s-105", "s-106"]


@pytest.mark.parametrize("kind", BUNDLES)
def test_a_class_can_be_chosen_by_its_class_code(kind):
    read = read_roster_file(BUNDLES[kind](), "school.zip", school_class="3b-w")
    assert [s.name for s in read.reading.students] == ["Eli Stone", "Fay Nguyen"]


@pytest.mark.parametrize("kind", BUNDLES)
def test_nothing_private_is_in_what_is_read(kind):
    data = BUNDLES[kind]()
    read = read_roster_file(data, "school.zip", school_class="Math 3A")
    everything = repr(read) + repr(read_school_bundle(data, "school.zip"))
    assert read.reading.students
    assert [value for value in PRIVATE if value in everything] == []


def test_the_fixture_really_holds_the_private_values():
    text = b"".join(
        zipfile.ZipFile(io.BytesIO(oneroster_bundle("1.2"))).read(n)
        for n in ("users.csv", "demographics.csv")
    ).decode()
    assert all(value in text for value in PRIVATE)


@pytest.mark.parametrize("kind", BUNDLES)
def test_the_bundle_lists_its_classes_with_codes_grades_and_student_counts(kind):
    classes = read_school_bundle(BUNDLES[kind](), "school.zip").classes
    assert [(c.title, c.code, c.grades, c.students) for c in classes] == [
        ("Writing 3A", "3A-W", ("3",), 4),
        ("Writing 3B", "3B-W", ("3",), 2),
        ("Math 3A", "3A-M", ("3",), 5),
    ]


def test_the_bundles_format_and_version_are_told():
    assert read_school_bundle(oneroster_bundle("1.2"), "s.zip").format == "OneRoster 1.2"
    assert read_school_bundle(clever_bundle(), "s.zip").format == "Clever"


def test_how_the_class_was_read_is_described():
    read = read_roster_file(oneroster_bundle("1.1"), "school.zip", school_class="3A-W")
    assert read.described == "OneRoster 1.1 bundle, class 'Writing 3A' (3A-W)"


def test_teachers_and_parents_are_not_students():
    read = read_roster_file(oneroster_bundle("1.2"), "school.zip", school_class="Writing 3A")
    names = {s.name for s in read.reading.students}
    assert not names & {"Maria Lopez", "Rosa Ruiz"}


def test_a_user_whose_role_in_roles_csv_is_teacher_is_left_out():
    files = oneroster_files("1.2")
    files["roles.csv"] = [
        r if r[3] != "s-101" else [*r[:5], "teacher", *r[6:]] for r in files["roles.csv"]
    ]
    read = read_roster_file(zipped(files), "school.zip", school_class="Writing 3A")
    assert "Ana Ruiz" not in {s.name for s in read.reading.students}


def test_rows_are_numbered_as_in_users_csv():
    read = read_roster_file(oneroster_bundle("1.1"), "school.zip", school_class="Writing 3B")
    assert [r.number for r in read.reading.rows] == [6, 7]


def test_without_a_class_a_bundle_of_several_lists_them():
    assert problems(oneroster_bundle(), school_class=None) == [
        "school.zip: this bundle holds 3 classes; choose one (by title or class code): "
        "'Writing 3A (3A-W)', 'Writing 3B (3B-W)', 'Math 3A (3A-M)'"
    ]


def test_without_a_class_a_bundle_of_one_class_gives_it():
    files = oneroster_files()
    files["classes.csv"] = files["classes.csv"][:2]
    files["enrollments.csv"] = [
        r for r in files["enrollments.csv"] if r[3] in ("classSourcedId", "c-1")
    ]
    read = read_roster_file(zipped(files), "school.zip")
    assert len(read.reading.students) == 4


def test_an_unknown_class_is_named_with_the_classes_there_are():
    assert problems(oneroster_bundle(), school_class="Art 5") == [
        "school.zip: there is no class 'Art 5' in this bundle; it has "
        "'Writing 3A (3A-W)', 'Writing 3B (3B-W)', 'Math 3A (3A-M)'"
    ]


def test_a_zip_without_a_manifest_is_not_a_oneroster_bundle():
    files = oneroster_files()
    del files["manifest.csv"]
    assert (
        "this zip has no manifest.csv, so it is not a OneRoster bundle"
        in problems(zipped(files))[0]
    )


def test_an_enrollment_naming_an_unknown_user_is_located():
    files = oneroster_files()
    files["enrollments.csv"][7][5] = "u123"
    assert problems(zipped(files)) == [
        "school.zip: enrollments.csv row 8: user 'u123' is not in users.csv"
    ]


def test_a_clever_enrollment_naming_an_unknown_student_is_located():
    files = clever_files()
    files["enrollments.csv"][2][2] = "u9"
    assert problems(zipped(files)) == [
        "school.zip: enrollments.csv row 3: user 'u9' is not in students.csv"
    ]


def test_an_enrollment_naming_an_unknown_class_is_located():
    files = oneroster_files()
    files["enrollments.csv"][3][3] = "c-99"
    assert problems(zipped(files)) == [
        "school.zip: enrollments.csv row 4: class 'c-99' is not in classes.csv"
    ]


def test_a_missing_column_is_named():
    files = oneroster_files()
    files["users.csv"] = without_column(files["users.csv"], "givenName")
    assert problems(zipped(files)) == ["school.zip: users.csv has no 'givenName' column"]


def test_a_missing_clever_column_is_named():
    files = clever_files()
    files["sections.csv"] = without_column(files["sections.csv"], "Name")
    assert problems(zipped(files)) == ["school.zip: sections.csv has no 'Name' column"]


def test_a_missing_file_is_named():
    files = oneroster_files()
    del files["enrollments.csv"]
    assert problems(zipped(files)) == [
        "school.zip: this bundle has no enrollments.csv; export the roster again with it"
    ]


def test_a_duplicate_user_id_is_located():
    files = oneroster_files()
    files["users.csv"][3][0] = "s-101"
    assert problems(zipped(files)) == [
        "school.zip: users.csv row 4: the sourcedId 's-101' is also in row 2"
    ]


def test_a_bundle_without_roles_is_refused():
    files = oneroster_files("1.2")
    del files["roles.csv"]
    assert (
        "users.csv has no 'role' column and the bundle has no roles.csv"
        in problems(zipped(files))[0]
    )


def test_an_unknown_oneroster_version_is_refused():
    files = oneroster_files()
    files["manifest.csv"][2] = ["oneroster.version", "1.0"]
    assert problems(zipped(files)) == [
        "school.zip: manifest.csv gives version '1.0'; PartnerUp reads OneRoster 1.1 and 1.2 "
        "CSV bundles"
    ]


def test_a_deleted_student_is_not_read():
    files = oneroster_files()
    files["users.csv"][1][1] = "tobedeleted"
    read = read_roster_file(zipped(files), "school.zip", school_class="Writing 3A")
    assert "Ana Ruiz" not in {s.name for s in read.reading.students}


def test_a_bundle_in_a_folder_of_the_zip_is_read():
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(oneroster_bundle())) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            dst.writestr(f"export-2026/{name}", src.read(name))
    read = read_roster_file(out.getvalue(), "school.zip", school_class="3A-W")
    assert len(read.reading.students) == 4


def test_a_bundle_that_unzips_too_large_is_refused_before_it_is_read():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in oneroster_files():
            if name != "users.csv":
                archive.writestr(name, "")
        archive.writestr("users.csv", "sourcedId\n" + " " * 41_000_000)
    assert "this bundle unzips to 41 MB" in problems(out.getvalue())[0]


def test_an_xlsx_is_not_taken_for_a_bundle():
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["name"])
    out = io.BytesIO()
    book.save(out)
    assert not is_school_bundle(out.getvalue())


def test_a_zip_of_roster_csvs_is_a_bundle():
    assert is_school_bundle(clever_bundle())


def test_an_unclosed_quote_in_a_member_is_located_in_that_member():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, rows in oneroster_files().items():
            if name != "users.csv":
                archive.writestr(name, csv_text(rows))
        archive.writestr("users.csv", 'sourcedId,givenName\n"s-1,Ana\n')
    assert problems(out.getvalue()) == [
        'school.zip: users.csv row 2: a quote (") opens in this row and is never closed, so '
        "the rest of the file would be read as one cell; add the closing quote or remove this one"
    ]


def test_read_school_bundle_raises_a_located_roster_error():
    with pytest.raises(RosterError, match="school.zip: this zip has no manifest.csv"):
        read_school_bundle(zipped({"users.csv": [["sourcedId"]]}), "school.zip")


def test_a_damaged_member_is_named_not_unzipped():
    data = bytearray(oneroster_bundle())
    at = data.index(b"users.csv") + len(b"users.csv")  # the member's compressed bytes follow
    data[at + 10 : at + 40] = b"\x00" * 30
    assert problems(bytes(data)) == [
        "school.zip: users.csv cannot be unzipped (the zip may be damaged or protected by a "
        "password); export the roster again"
    ]


def test_a_member_file_past_the_row_limit_is_refused():
    files = oneroster_files()
    filler = [[f"x-{n}", "active", "", "", "", "parent", "", "", "P", "Q"] for n in range(20_001)]
    files["users.csv"] = files["users.csv"] + [row + [""] * 8 for row in filler]
    assert problems(zipped(files)) == [
        "school.zip: users.csv has 20,010 rows; PartnerUp reads a bundle of at most 20,000 rows "
        "a file — export one school"
    ]


def test_two_classes_with_one_title_are_told_apart_by_their_code():
    files = oneroster_files()
    files["classes.csv"][2][3] = "Writing 3A"  # Writing 3B's title
    assert problems(zipped(files)) == [
        "school.zip: 2 classes are called 'Writing 3A': 'Writing 3A (3A-W)', 'Writing 3A "
        "(3B-W)'; choose one by its class code"
    ]
    read = read_roster_file(zipped(files), "school.zip", school_class="3B-W")
    assert [s.name for s in read.reading.students] == ["Eli Stone", "Fay Nguyen"]


def test_a_blank_class_choice_is_no_choice():
    assert "this bundle holds 3 classes" in problems(oneroster_bundle(), school_class="  ")[0]
