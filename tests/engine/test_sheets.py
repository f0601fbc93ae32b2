"""Any spreadsheet file becomes rows of text: encodings, delimiters, line endings and
workbooks, each refusal in plain words naming the file."""

import datetime
import io
import zipfile

import openpyxl

from partnerup.engine.columns import read_roster_file
from partnerup.engine.sheets import MAX_WORKBOOK_BYTES


def students(data: bytes, name: str = "room.csv", **kwargs):
    reading = read_roster_file(data, name, **kwargs).reading
    assert not reading.problems, [p.located() for p in reading.problems]
    return reading.students


def problems(data: bytes, name: str = "room.csv", **kwargs) -> list[str]:
    return [p.located() for p in read_roster_file(data, name, **kwargs).reading.problems]


def workbook(*rows, title: str = "Sheet", extra_sheet: str = "") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    if extra_sheet:
        book.create_sheet(extra_sheet).append(["name"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_short_windows_1252_file_keeps_its_accents():
    read = students("name\nJosé Núñez\nAna\n".encode("cp1252"))
    assert [s.name for s in read] == ["José Núñez", "Ana"]


def test_utf8_with_a_bom_is_read():
    assert [s.name for s in students("name\nZoë\n".encode("utf-8-sig"))] == ["Zoë"]


def test_utf16_with_a_bom_is_read():
    read = students("name,level\r\nJosé,2\r\nAna,3\r\n".encode("utf-16"))
    assert [(s.name, s.level) for s in read] == [("José", 2), ("Ana", 3)]


def test_a_file_in_utf8_is_not_sent_to_the_detector():
    described = read_roster_file("name\nJosé\n".encode(), "room.csv").described
    assert described.startswith("UTF-8")


def test_semicolons_part_the_cells():
    read = students(b"name;level;interests\nAna;2;horses\nBen;3;soccer\n")
    assert [(s.name, s.level) for s in read] == [("Ana", 2), ("Ben", 3)]


def test_tabs_part_the_cells():
    assert [s.level for s in students(b"name\tlevel\nAna\t2\nBen\t3\n")] == [2, 3]


def test_a_quoted_comma_in_a_header_does_not_make_commas_the_delimiter():
    read = students(b'name;"goals, this term"\nAna;lead\n')
    assert [s.name for s in read] == ["Ana"]


def test_excels_sep_line_sets_the_delimiter_and_is_not_a_row():
    read = students(b"sep=;\nname;level\nAna;2\n")
    assert [(s.name, s.level) for s in read] == [("Ana", 2)]


def test_a_problem_after_a_sep_line_is_located_at_the_row_excel_shows():
    assert problems(b"sep=,\nname,level\nAna,9\n") == [
        "room.csv, row 2, column 'level': '9' is not a writing level; "
        "use 1, 2, 3 or 4 (or leave blank)"
    ]


def test_a_decimal_comma_in_a_semicolon_file_is_a_decimal_point():
    read = students(b"name;english_level;level\nAna;2,5;2,0\n")
    assert (read[0].english_level, read[0].level) == (2.5, 2)


def test_a_comma_in_a_comma_file_still_parts_cells():
    assert problems(b"name,level\nAna,2,5\n") == [
        "room.csv, row 2: this row has 3 cells but the header has 2"
    ]


def test_carriage_return_line_endings_are_read():
    assert [s.name for s in students(b"name,level\rAna,2\rBen,3\r")] == ["Ana", "Ben"]


def test_mixed_line_endings_are_read():
    assert [s.name for s in students(b"name\r\nAna\rBen\nCy\n")] == ["Ana", "Ben", "Cy"]


def test_an_xlsx_first_sheet_is_read_with_whole_numbers_as_levels():
    read = students(workbook(["name", "level"], ["Ana", 2.0], ["Ben", 3]), "room.xlsx")
    assert [(s.name, s.level) for s in read] == [("Ana", 2), ("Ben", 3)]


def test_an_xlsx_named_sheet_is_read():
    data = workbook(["name"], ["Ana"], title="Roster", extra_sheet="Notes")
    assert [s.name for s in students(data, "room.xlsx", sheet="Roster")] == ["Ana"]


def test_an_xlsx_without_the_named_sheet_lists_its_sheets():
    data = workbook(["name"], ["Ana"], title="Roster")
    assert problems(data, "room.xlsx", sheet="Room 12") == [
        "room.xlsx: there is no sheet 'Room 12' in this workbook (it has 'Roster')"
    ]


def test_an_xlsx_date_comes_out_as_iso_text():
    data = workbook(["name", "interests"], ["Ana", datetime.datetime(2026, 9, 1)])
    assert students(data, "room.xlsx")[0].interests == ("2026-09-01",)


def test_an_xlsx_decimal_stays_a_decimal():
    data = workbook(["name", "english_level"], ["Ana", 2.5])
    assert students(data, "room.xlsx")[0].english_level == 2.5


def test_an_xlsx_saved_with_a_csv_name_is_read_as_a_workbook():
    assert [s.name for s in students(workbook(["name"], ["Ana"]), "room.csv")] == ["Ana"]


def test_an_xlsx_that_is_not_a_zip_is_refused_in_plain_words():
    assert problems(b"name\nAna\n", "room.xlsx") == [
        "room.xlsx: this file is named like an Excel workbook but is not one; "
        "save it again as .xlsx or as CSV"
    ]


def test_a_damaged_workbook_is_refused_in_plain_words():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<not xml")
    assert problems(out.getvalue(), "room.xlsx") == [
        "room.xlsx: this Excel workbook cannot be opened (it may be damaged); "
        "save it again as .xlsx or as CSV"
    ]


def test_a_workbook_that_unzips_to_too_much_is_refused_before_it_is_opened():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (MAX_WORKBOOK_BYTES + 1))
    assert len(out.getvalue()) < 1_000_000
    assert "unzips to 40 MB; a class roster is far smaller" in problems(out.getvalue(), "r.xlsx")[0]


def test_an_old_xls_is_refused_with_what_to_do():
    assert problems(b"\xd0\xcf\x11\xe0" + bytes(100), "room.xls") == [
        "room.xls: this is an Excel 97-2003 workbook (.xls), which PartnerUp cannot read; "
        "save it again as .xlsx or as CSV"
    ]


def test_a_binary_file_named_csv_is_refused_in_plain_words():
    assert problems(b"\x89PNG\r\n\x1a\n" + bytes(range(256))) == [
        "room.csv: this is not a text file nor an Excel workbook; "
        "save the roster from your spreadsheet as CSV or .xlsx"
    ]


def test_an_empty_file_is_refused():
    assert problems(b"") == ["room.csv: the file is empty; it needs a header row"]


def test_a_header_only_file_is_refused():
    assert problems(b"name,level\r\n") == ["room.csv: the roster has a header but no students"]


def test_a_file_over_one_megabyte_is_refused_before_it_is_decoded():
    data = b"name\n" + b"x" * 1_000_000
    assert problems(data) == [
        "room.csv: the file is larger than 1 MB; is it really a class roster?"
    ]


def test_an_empty_workbook_is_refused():
    assert problems(workbook(), "room.xlsx") == [
        "room.xlsx: the sheet 'Sheet' is empty; it needs a header row"
    ]


def test_an_xlsx_over_the_row_limit_is_counted_and_refused():
    data = workbook(["name"], *([f"Student {n}"] for n in range(2001)))
    assert problems(data, "room.xlsx") == [
        "room.xlsx: the roster has 2,001 student rows; PartnerUp reads at most 2,000"
    ]


def test_an_xlsx_with_rows_far_past_the_limit_is_refused_without_reading_them_all():
    book = openpyxl.Workbook()
    book.active.append(["name"])
    book.active.append(["Ana"])
    book.active.cell(row=500_000, column=1, value="far below")
    out = io.BytesIO()
    book.save(out)
    assert problems(out.getvalue(), "room.xlsx") == [
        "room.xlsx: the sheet 'Sheet' has more than 20,000 rows (blank ones count); "
        "PartnerUp reads at most 2,000 student rows — copy the roster alone into a new sheet"
    ]


def test_utf16_without_a_bom_is_found_by_the_detector():
    read = students("name,level\r\nJosé,2\r\nAna,3\r\n".encode("utf-16-le"))
    assert [s.name for s in read] == ["José", "Ana"]
