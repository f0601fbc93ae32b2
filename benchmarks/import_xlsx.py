"""Time of the roster import preview of an Excel workbook (engine read_roster_file).

Target (issue 14): a 2,000-row `.xlsx` previews in about the time of the same roster as
CSV plus openpyxl's reading, well under the web's 1 s budget for a preview; a
workbook past the row limit is counted and refused; a zip that would unzip past the
workbook limit is refused before openpyxl opens it. Rosters are benchmarks/
import_preview.py's synthetic ones (unique names, three choices each, clean or with a
misspelt choice and an unknown avoid on every row), written as a workbook with
openpyxl and as CSV, both read through the one reader the web and the CLI share.

    .venv/bin/python benchmarks/import_xlsx.py [--runs 5] [--out benchmarks/import_xlsx.md]
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import zipfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]  # this checkout, and import_preview.py

from import_preview import roster_text  # noqa: E402
from tables import emit, machine, timed  # noqa: E402

from partnerup.engine.columns import read_roster_file  # noqa: E402
from partnerup.engine.sheets import MAX_WORKBOOK_BYTES  # noqa: E402

SIZES = (500, 2000)
REFUSED_ROWS = 2001
TARGET_SECONDS = 1.0


def workbook(text: str) -> bytes:
    """The CSV roster as the first sheet of a workbook, levels as numbers."""
    book = openpyxl.Workbook()
    sheet = book.active
    for number, row in enumerate(csv.reader(io.StringIO(text))):
        sheet.append([int(c) if number and c.isdigit() else c for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (MAX_WORKBOOK_BYTES * 2))
    return out.getvalue()


def time_reading(data: bytes, name: str, runs: int) -> tuple[float, float, float, int, int]:
    """Median and slowest wall-clock seconds, median CPU seconds (less disturbed by other
    work on a shared machine), problems found, students read."""
    median, slowest, cpu, reading = timed(lambda: read_roster_file(data, name).reading, runs)
    return median, slowest, cpu, len(reading.problems), len(reading.students)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="readings per file (median)")
    parser.add_argument("--out", type=Path, help="also write the table (Markdown) here")
    args = parser.parse_args()
    lines = [
        "| file | roster | student rows | size | problems | students read | median s "
        "| slowest s | median CPU s | target |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]

    def row(kind: str, roster: str, rows: int, data: bytes, name: str, target: str = "") -> None:
        median, slowest, cpu, problems, students = time_reading(data, name, args.runs)
        lines.append(
            f"| {kind} | {roster} | {rows:,} | {len(data) / 1000:,.0f} kB | {problems:,} "
            f"| {students:,} | {median:.3f} | {slowest:.3f} | {cpu:.3f} | {target} |"
        )

    for rows in SIZES:
        for misspelt in (False, True):
            text = roster_text(rows, misspelt)
            roster = "misspelt choice + unknown avoid" if misspelt else "clean"
            target = f"≤ {TARGET_SECONDS:g} s" if rows == 2000 else ""
            row(".xlsx", roster, rows, workbook(text), "room.xlsx", target)
            row("CSV", roster, rows, text.encode(), "room.csv")
    refused = workbook(roster_text(REFUSED_ROWS, False))
    row(".xlsx", "refused: too many rows", REFUSED_ROWS, refused, "room.xlsx", "one problem")
    row(".xlsx", "refused: unzips past the limit", 0, zip_bomb(), "room.xlsx", "not opened")
    lines += [
        "",
        f"Median of {args.runs} readings each (decode or unzip, columns mapped, every row "
        f"checked); {machine(f'openpyxl {openpyxl.__version__}')}. "
        "`.venv/bin/python benchmarks/import_xlsx.py --out benchmarks/import_xlsx.md`",
    ]
    return emit(lines, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
