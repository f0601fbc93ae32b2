"""The plan as a spreadsheet (CSV), safe to open in Excel, Sheets or Numbers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from partnerup.engine import spreadsheet_cell


def rows_to_csv(rows: Iterable[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return out.getvalue()


def plan_csv(cards, floaters) -> str:
    header = ["partnership", "partner A", "partner B", "partner C", "why"]
    rows = [header]
    for card in cards:
        names = [m.name for m in card.members] + ["", "", ""]
        rows.append([str(card.number), *names[:3], "; ".join(card.reasons)])
    rows += [["floater", m.name, "", "", ""] for m in floaters]
    return rows_to_csv(rows)
