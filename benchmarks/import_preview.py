"""Time of the roster import preview (engine read_roster) on long rosters.

Target (issue 10): a 2,000-row preview where every row misspells a chosen classmate
and avoids someone who is not in the class takes ≤ 1 s; a 5,000-row file is refused
at once, before any row becomes a value. Rosters are synthetic and reproducible:
unique "First Last" names, each row choosing three classmates and avoiding none
(clean), or with choice1 misspelt by one letter and one unknown name in avoid
(misspelt).

    .venv/bin/python benchmarks/import_preview.py [--runs 5] [--out benchmarks/import_preview.md]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from tables import emit, machine, timed

from partnerup.engine import read_roster
from partnerup.engine.synthetic import FIRST_NAMES

SURNAMES = (
    "Rivera", "Nguyen", "Smith", "Garcia", "Johnson", "Lee", "Brown", "Martinez", "Davis",
    "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
    "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen",
    "King", "Wright", "Scott", "Torres", "Hill", "Flores", "Green", "Adams", "Nelson",
    "Baker", "Hall", "Campbell", "Mitchell", "Carter", "Roberts", "Patel", "Kim", "Chen",
    "Singh", "Okafor", "Haddad", "Cohen", "Silva", "Rossi",
)  # fmt: skip
STRANGERS = ("Zed", "Xi", "Bo", "Kofi", "Ines", "Tariq", "Wren", "Yusuf", "Quinn", "Pax")
HEADER = "student_id,name,level,interests,english_level,choice1,choice2,choice3,avoid,talk"
SIZES = (500, 1000, 2000)
REFUSED_SIZE = 5000
TARGET_SECONDS = 1.0
# Measured once, before suggestions were indexed (commit 8c7cab7, same machine).
BEFORE = "Before suggestions were indexed: 2.0 s at 500 misspelt rows, 32 s at 2,000."


def roster_text(rows: int, misspelt: bool, seed: int = 0) -> str:
    """A roster CSV of `rows` students, clean or with two unknown names on every row."""
    rng = random.Random(f"import-preview:{rows}:{misspelt}:{seed}")
    everyone = [f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES]
    names = rng.sample(everyone, rows) if rows <= len(everyone) else _numbered(rows)
    keys = {name.casefold() for name in names}
    lines = [HEADER]
    for number, name in enumerate(names, start=1):
        chosen = [other for other in rng.sample(names, 4) if other != name][:3]
        avoid = ""
        if misspelt:
            chosen[0] = _misspelt(chosen[0], rng, keys)
            avoid = f"{rng.choice(STRANGERS)} {rng.choice(SURNAMES)}"
        level = rng.choice("1234")
        english = rng.choice(["", "", "", "2.5", "3"])
        lines.append(
            f"S{number:05d},{name},{level},soccer;comics,{english},"
            f"{','.join(chosen)},{avoid},{rng.choice(['quiet', 'balanced', ''])}"
        )
    return "\n".join(lines) + "\n"


def _numbered(rows: int) -> list[str]:
    return [f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {i:05d}" for i in range(rows)]


def _misspelt(name: str, rng: random.Random, taken: set[str]) -> str:
    """The name with one letter dropped, doubled, swapped or changed, and still no
    student's name once spaces and case are ignored (as the reader ignores them)."""
    while True:
        at = rng.randrange(1, len(name) - 1)
        edit = rng.choice(("drop", "double", "swap", "change"))
        if edit == "drop":
            typo = name[:at] + name[at + 1 :]
        elif edit == "double":
            typo = name[:at] + name[at] + name[at:]
        elif edit == "swap":
            typo = name[:at] + name[at + 1] + name[at] + name[at + 2 :]
        else:
            typo = name[:at] + rng.choice("aeiouy") + name[at + 1 :]
        if " ".join(typo.split()).casefold() not in taken:
            return typo


def time_reading(text: str, runs: int) -> tuple[float, float, float, int]:
    """Median and slowest wall-clock seconds of read_roster, its median CPU seconds (less
    disturbed by other work on a shared machine), and how many problems it found."""
    median, slowest, cpu, reading = timed(lambda: read_roster(text, file="roster.csv"), runs)
    return median, slowest, cpu, len(reading.problems)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="readings per roster (median)")
    parser.add_argument("--out", type=Path, help="also write the table (Markdown) here")
    args = parser.parse_args()
    lines = [
        "| roster | student rows | problems found | median s | slowest s | median CPU s | target |",
        "|---|---|---|---|---|---|---|",
    ]
    for rows in SIZES:
        for misspelt in (False, True):
            median, slowest, cpu, problems = time_reading(roster_text(rows, misspelt), args.runs)
            kind = "misspelt choice + unknown avoid on every row" if misspelt else "clean"
            target = f"≤ {TARGET_SECONDS:g} s" if rows == 2000 and misspelt else ""
            lines.append(
                f"| {kind} | {rows:,} | {problems:,} | {median:.3f} | {slowest:.3f} | {cpu:.3f} "
                f"| {target} |"
            )
    median, slowest, cpu, problems = time_reading(roster_text(REFUSED_SIZE, True), args.runs)
    lines.append(
        f"| refused: too many rows | {REFUSED_SIZE:,} | {problems} | {median:.3f} "
        f"| {slowest:.3f} | {cpu:.3f} | one problem, no row read |"
    )
    lines += [
        "",
        f"Median of {args.runs} readings each; {machine()}. "
        "`.venv/bin/python benchmarks/import_preview.py "
        "--out benchmarks/import_preview.md`",
        "",
        BEFORE,
    ]
    return emit(lines, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
