"""Any spreadsheet file a teacher has, as rows of text cells: the one reader behind the
web import and the CLI, so both accept the same files and say the same things.

The promises kept here:
- A CSV file may be UTF-8 (with or without a BOM), UTF-16 with a BOM, or Windows-1252;
  UTF-8 is tried first and charset-normalizer is asked only when it does not decode.
- Its cells may be parted by commas, semicolons or tabs (Excel's `sep=;` first line is
  obeyed and dropped; the header stays row 1, as Excel shows it), its lines end in
  CR, CRLF or LF.
- An `.xlsx` workbook (or a zip named .csv) is read with openpyxl in read-only mode,
  first sheet or a named one; whole numbers come out as "2", dates as ISO text.
- Nothing heavy happens to a file over MAX_ROSTER_BYTES, nor to a workbook whose parts
  would unzip to more than MAX_WORKBOOK_BYTES (a 1 MB zip can hide gigabytes).
- Every refusal is the report's error (RosterError for a roster, RulesError for a rules
  file) naming the file (and the row where there is one) in plain words, never Python's
  or openpyxl's own text.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import itertools
import re
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .errors import RulesError
from .io import CsvTable, ProblemReport, read_csv, rules_from_table
from .model import Rule, Student
from .names import MAX_ROSTER_BYTES, MAX_ROSTER_ROWS

DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
# Uncompressed, a 2,000-row roster sheet of 20 columns with its shared strings is ~3 MB.
MAX_WORKBOOK_BYTES = 40_000_000
MAX_WORKBOOK_PARTS = 2_000
# Rows of a sheet read at most, blank ones too (openpyxl yields the blank rows before a
# formatted one far below): past it, counting every student row would be the heavy work.
MAX_SHEET_ROWS = 10 * MAX_ROSTER_ROWS
SNIFFED_CHARACTERS = 64_000  # the delimiter is guessed from this much of the file
ZIP_START = b"PK\x03\x04"
OLE_START = b"\xd0\xcf\x11\xe0"  # an old .xls, or a workbook protected by a password
SEP_LINE = re.compile(r'"?sep=(.)"?[ \t]*(?:\r\n|\r|\n|$)', re.IGNORECASE)
# Text in a roster holds no control character but tab and line breaks; a decoding that
# makes others is a binary file read as text.
BINARY_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
OTHER_FORMATS = {
    ".xls": "an Excel 97-2003 workbook (.xls)",
    ".ods": "an OpenDocument spreadsheet (.ods)",
    ".numbers": "a Numbers spreadsheet",
}
SAVE_AGAIN = "save it again as .xlsx or as CSV"


@dataclass(frozen=True)
class Sheet:
    """A file's header and filled rows as text, and how it was written.

    `table.records` holds at most MAX_ROSTER_ROWS rows; `table.filled` counts them all.
    `delimiter` is '' for a workbook; `encoding` names the text encoding ('' for a
    workbook), `sheet_name` the sheet read ('' for CSV).
    """

    table: CsvTable
    encoding: str = ""
    delimiter: str = ""
    sheet_name: str = ""
    source: str = ""  # how a sheet not read from a spreadsheet was made (a school bundle)

    @property
    def has_decimal_commas(self) -> bool:
        """Whether '2,5' in a number column means 2.5: so only where a comma cannot
        part cells (a semicolon or tab file, where Excel in Spanish, French or German
        writes decimal commas)."""
        return self.delimiter in (";", "\t")

    @property
    def described(self) -> str:
        if self.source:
            return self.source
        if self.sheet_name:
            return f"Excel workbook, sheet '{self.sheet_name}'"
        parted_by = DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))
        return f"{self.encoding} text, {parted_by}-separated"


def read_sheet(
    data: bytes, file: str, report: ProblemReport[Any], sheet: str | None = None
) -> Sheet:
    """The file's rows as text cells, whatever spreadsheet wrote it.

    `file` is the file's name as the teacher gave it: its extension tells a workbook
    from CSV (a zip is read as a workbook whatever its name). `sheet` names the
    workbook's sheet to read (the first by default). Raises report.fatal for a file
    too large, empty, binary, in an encoding or format PartnerUp does not read, or a
    workbook that is damaged or has no such sheet.
    """
    if len(data) > MAX_ROSTER_BYTES:
        raise report.fatal(too_large_message())
    extension = _extension(file)
    if data.startswith(ZIP_START) or extension == ".xlsx":
        return _workbook(data, report, sheet)
    if extension in OTHER_FORMATS or data.startswith(OLE_START):
        what = OTHER_FORMATS.get(extension, "an Excel 97-2003 or password-protected workbook")
        raise report.fatal(f"this is {what}, which PartnerUp cannot read; {SAVE_AGAIN}")
    text, encoding = decoded(data, report)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    delimiter, text = _delimiter(text)
    table = read_csv(text, report, keep=MAX_ROSTER_ROWS, delimiter=delimiter)
    return Sheet(table, encoding=encoding, delimiter=delimiter)


def too_large_message() -> str:
    return (
        f"the file is larger than {MAX_ROSTER_BYTES // 1_000_000} MB; is it really a class roster?"
    )


def _extension(file: str) -> str:
    dot = file.rfind(".")
    return file[dot:].lower() if dot > file.replace("\\", "/").rfind("/") else ""


def decoded(data: bytes, report: ProblemReport[Any]) -> tuple[str, str]:
    """The text and the name of its encoding: UTF-16 by its BOM, else UTF-8 when it
    decodes, else what charset-normalizer finds among UTF-16 and Windows-1252."""
    if not data.strip():
        raise report.fatal("the file is empty; it needs a header row")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16"), "UTF-16"
    elif b"\x00" in data:  # valid UTF-8, but text has no NUL: UTF-16 without its BOM?
        text, encoding = _detected(data)
    else:
        try:
            text, encoding = data.decode("utf-8-sig"), "UTF-8"
        except UnicodeDecodeError:
            text, encoding = _detected(data)
    if text is None or BINARY_CHARACTER.search(text):
        raise report.fatal(
            "this is not a text file nor an Excel workbook; "
            "save the roster from your spreadsheet as CSV or .xlsx"
        )
    return text, encoding


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _detected(data: bytes) -> tuple[str | None, str]:
    from charset_normalizer import from_bytes  # only a non-UTF-8 file needs it

    # Only the encodings a school's spreadsheet writes: a short Windows-1252 file would
    # otherwise read as some other single-byte code page, 'José' as 'Jos‚'.
    best = from_bytes(data, cp_isolation=["cp1252", "utf_16_le", "utf_16_be"]).best()
    if best is None:
        return None, ""
    encoding = "UTF-16" if best.encoding.startswith("utf_16") else "Windows-1252"
    return str(best), encoding


def _delimiter(text: str) -> tuple[str, str]:
    """The delimiter and the text without Excel's `sep=` line. Otherwise the delimiter
    that parts the first lines alike into the most cells (so a quoted comma in a Google
    Forms question does not count), commas first when two tie."""
    text = text.removeprefix("\ufeff")
    if match := SEP_LINE.match(text):
        return match[1], text[match.end() :]
    sample = text[:SNIFFED_CHARACTERS]
    cut = sample.rfind("\n")
    sample = sample[: cut if cut > 0 else len(sample)]
    return max(DELIMITERS, key=lambda d: _fit(sample, d)), text


def _fit(sample: str, delimiter: str) -> tuple[int, int]:
    """How well a delimiter parts the first lines: how many of them have as many cells
    as the header (when that is more than one), then how many cells the header has."""
    try:
        lines = list(itertools.islice(csv.reader(io.StringIO(sample), delimiter=delimiter), 6))
    except csv.Error:
        return (0, 0)
    if not lines or len(lines[0]) < 2:
        return (0, len(lines[0]) if lines else 0)
    return (sum(len(line) == len(lines[0]) for line in lines), len(lines[0]))


def _workbook(data: bytes, report: ProblemReport[Any], sheet: str | None) -> Sheet:
    check_zip(data, report)
    from openpyxl import load_workbook  # type: ignore[import-untyped]  # only a workbook needs it

    # openpyxl raises whatever its zip and XML parsers raise on a damaged file (KeyError,
    # ValueError, TypeError, ParseError…); none of it means anything to a teacher.
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no default style" and the like
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise report.fatal(
            f"this Excel workbook cannot be opened (it may be damaged); {SAVE_AGAIN}"
        ) from None
    try:
        worksheet = _chosen_sheet(book, sheet, report)
        try:
            table = _worksheet_table(worksheet)
        except SheetTooLong:
            raise report.fatal(
                f"the sheet '{worksheet.title}' has more than {MAX_SHEET_ROWS:,} rows (blank "
                f"ones count); PartnerUp reads at most {MAX_ROSTER_ROWS:,} student rows — "
                "copy the roster alone into a new sheet"
            ) from None
        except Exception:
            raise report.fatal(
                f"the sheet '{worksheet.title}' cannot be read (it may be damaged); {SAVE_AGAIN}"
            ) from None
    finally:
        book.close()
    if not table.headers and not table.filled:
        raise report.fatal(f"the sheet '{worksheet.title}' is empty; it needs a header row")
    return Sheet(table, sheet_name=worksheet.title)


def check_zip(
    data: bytes,
    report: ProblemReport[Any],
    what: str = "workbook",
    advice: str = "copy the roster alone into a new workbook",
) -> list[zipfile.ZipInfo]:
    """The parts of a workbook (or a school's roster bundle); refuse one that is not a
    zip, or whose parts would unzip to more than MAX_WORKBOOK_BYTES, before openpyxl
    (or the bundle reader) unpacks any of it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise report.fatal(
            f"this file is named like an Excel workbook but is not one; {SAVE_AGAIN}"
        ) from None
    unzipped = sum(part.file_size for part in parts)
    if len(parts) > MAX_WORKBOOK_PARTS or unzipped > MAX_WORKBOOK_BYTES:
        raise report.fatal(
            f"this {what} unzips to {unzipped / 1_000_000:,.0f} MB"
            + (f" in {len(parts):,} files" if len(parts) > MAX_WORKBOOK_PARTS else "")
            + f"; a class roster is far smaller — {advice}"
        )
    return parts


def _chosen_sheet(book: Any, sheet: str | None, report: ProblemReport[Any]) -> Any:
    names = list(book.sheetnames)
    if sheet:
        if sheet not in names:
            raise report.fatal(
                f"there is no sheet '{sheet}' in this workbook (it has {listed(names)})"
            )
        worksheet = book[sheet]
    elif book.worksheets:
        worksheet = book.worksheets[0]
    else:
        raise report.fatal("this workbook has no sheet of cells")
    if not hasattr(worksheet, "iter_rows"):
        raise report.fatal(f"'{worksheet.title}' is a chart, not a sheet of cells")
    return worksheet


def listed(names: list[str]) -> str:
    return ", ".join(f"'{n}'" for n in names[:10]) + (", …" if len(names) > 10 else "")


class SheetTooLong(Exception):
    """A sheet with more than MAX_SHEET_ROWS rows: not read to its end."""


def _worksheet_table(worksheet: Any) -> CsvTable:
    headers: list[str] = []
    records: list[tuple[int, list[str]]] = []
    filled = 0
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        if number > MAX_SHEET_ROWS:
            raise SheetTooLong
        cells = [_cell_text(value) for value in values]
        while cells and not cells[-1]:
            cells.pop()
        if number == 1:
            headers = cells
        elif any(cell.strip() for cell in cells):
            filled += 1
            if filled <= MAX_ROSTER_ROWS:
                records.append((number, cells))
    return CsvTable(headers, records, filled)


def _cell_text(value: object) -> str:
    """A cell as the teacher sees it: 2.0 is "2", a date is 2026-09-01."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(value, ".15g")
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def read_rules_file(
    data: bytes, students: Iterable[Student], file: str = "rules", sheet: str | None = None
) -> tuple[Rule, ...]:
    """A rules file (`rule,students`) in any shape a roster may come in: CSV in any
    encoding, delimiter and line ending, or a workbook's sheet."""
    report = ProblemReport(file, RulesError)
    return rules_from_table(read_sheet(data, file, report, sheet).table, students, report)
