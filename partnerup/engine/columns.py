"""A roster from any file: the sheet read (sheets.py), its columns named, its students
checked (roster.py) — what the web import and the CLI both call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import RosterError
from .io import CsvTable, ProblemReport
from .roster import RosterReading, read_roster_table, roster_column
from .sheets import Sheet, read_sheet

NUMBER_COLUMNS = ("level", "english_level")
DECIMAL_COMMA = re.compile(r"([0-9]+),([0-9]+)")


@dataclass(frozen=True)
class RosterFile:
    """A roster file read: the reading of its students, and how the file was written
    ('' when it could not be read at all)."""

    reading: RosterReading
    described: str = ""


def read_roster_file(data: bytes, file: str, sheet: str | None = None) -> RosterFile:
    """Check a roster in any file PartnerUp reads (see sheets.py) and list every
    problem, as read_roster does for CSV text. `file` is the name the teacher gave it."""
    found: list[Sheet] = []

    def table_of(report: ProblemReport[RosterError]) -> CsvTable:
        found.append(read_sheet(data, file, report, sheet))
        return _numbers_read(found[0])

    reading = read_roster_table(table_of, file)
    return RosterFile(reading, found[0].described if found else "")


def _numbers_read(sheet: Sheet) -> CsvTable:
    """The table with '2,5' in a number column written 2.5, where a comma is a decimal
    comma (see Sheet.has_decimal_commas)."""
    table = sheet.table
    numbers = [i for i, h in enumerate(table.headers) if roster_column(h) in NUMBER_COLUMNS]
    if not sheet.has_decimal_commas or not numbers:
        return table
    records = []
    for number, cells in table.records:
        cells = list(cells)
        for i in numbers:
            if i < len(cells) and DECIMAL_COMMA.fullmatch(cells[i].strip()):
                cells[i] = cells[i].strip().replace(",", ".")
        records.append((number, cells))
    return CsvTable(table.headers, records, table.filled)
