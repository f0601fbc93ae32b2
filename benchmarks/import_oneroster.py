"""Time of previewing one class of a whole school's OneRoster bundle (engine
read_school_bundle, then read_roster_file with the class chosen).

Target (issue 14): a bundle of a whole school (about 600 students in 25 classes, with
their teachers, a parent for each student, and every column a school system writes:
usernames, emails, phones, passwords, grades, demographics.csv) lists its classes and
previews one class well under the web's 1 s budget for a preview. The web does both on
upload of a bundle of one class; for a bundle of several, listing on upload and the
preview after the class is chosen.

    .venv/bin/python benchmarks/import_oneroster.py [--runs 7]
        [--out benchmarks/import_oneroster.md]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]  # this checkout

from tables import emit, machine, timed  # noqa: E402

from partnerup.engine import FIRST_NAMES, read_roster_file, read_school_bundle  # noqa: E402
from tests.school_bundles import STAMP, USERS_11, USERS_12, oneroster_files, zipped  # noqa: E402

CLASSES, PER_CLASS = 25, 24
TARGET_SECONDS = 1.0
FAMILY_NAMES = ("Ruiz", "Okafor", "Lee", "Park", "Stone", "Nguyen", "Garcia", "Smith",
                "Khan", "Rossi", "Dubois", "Silva", "Kowalski", "Haddad", "Tanaka", "Moreau",
                "Novak", "Jensen", "Mensah", "Ibrahim", "Costa", "Ortiz", "Walsh", "Chen",
                "Ali")  # fmt: skip


def school_files(version: str) -> dict[str, list[list[str]]]:
    """A whole school: CLASSES classes of PER_CLASS students, a teacher each, a parent
    for each student, the columns of the fixture bundle (tests/school_bundles.py)."""
    files = oneroster_files(version)
    columns = USERS_11 if version == "1.1" else USERS_12
    users, roles = [columns], [files["roles.csv"][0]] if version == "1.2" else []
    classes, enrollments = [files["classes.csv"][0]], [files["enrollments.csv"][0]]
    demographics = [files["demographics.csv"][0]]

    def user(key: str, given: str, family: str, role: str, grade: str) -> None:
        values = {
            "sourcedId": key, "status": "active", "dateLastModified": STAMP,
            "enabledUser": "true", "orgSourcedIds": "org-1", "role": role,
            "username": f"{given}.{family}.{key}".lower(), "userIds": f"{{SIS:{key}}}",
            "givenName": given, "familyName": family, "identifier": key,
            "email": f"{key}@school.example", "sms": "555-0100", "phone": "555-0100",
            "grades": grade, "password": "hunter2", "primaryOrgSourcedId": "org-1",
        }  # fmt: skip
        users.append([values.get(c, "") for c in columns])
        if version == "1.2":
            roles.append([f"r-{key}", "active", STAMP, key, "primary", role, "org-1", "", "", ""])

    for c in range(CLASSES):
        grade = f"{c % 6:02d}" if c % 6 else "KG"
        teacher = f"t-{c}"
        user(teacher, "Teacher", FAMILY_NAMES[c], "teacher", "")
        classes.append([f"c-{c}", "active", STAMP, f"Homeroom {c + 1}", grade, "course-1",
                        f"HR-{c + 1:02d}", "homeroom", f"Room {c + 1}", "org-1", "term-1",
                        "ELA", "", "1"])  # fmt: skip
        enrollments.append([f"e-{teacher}", "active", STAMP, f"c-{c}", "org-1", teacher,
                            "teacher", "true", "2026-08-25", ""])  # fmt: skip
        for s in range(PER_CLASS):
            n = c * PER_CLASS + s
            key = f"s-{n}"
            given, family = FIRST_NAMES[n % len(FIRST_NAMES)], FAMILY_NAMES[n // 24 % 25]
            user(key, given, f"{family}-{n}", "student", grade)
            user(f"p-{n}", "Parent", f"{family}-{n}", "parent", "")
            enrollments.append([f"e-{key}", "active", STAMP, f"c-{c}", "org-1", key,
                                "student", "false", "2026-08-25", ""])  # fmt: skip
            demographics.append([key, "active", STAMP, "2017-01-02", "female", "false", "X"])
    files.update({"users.csv": users, "classes.csv": classes, "enrollments.csv": enrollments,
                  "demographics.csv": demographics})  # fmt: skip
    if version == "1.2":
        files["roles.csv"] = roles
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="readings per step (median)")
    parser.add_argument("--out", type=Path, help="also write the table (Markdown) here")
    args = parser.parse_args()
    lines = [
        "| bundle | users | zip size | step | students read | median s | slowest s "
        "| median CPU s | target |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for version in ("1.1", "1.2"):
        files = school_files(version)
        data = zipped(files)
        users = len(files["users.csv"]) - 1
        bundle = read_school_bundle(data, "school.zip")
        chosen = bundle.classes[12].title
        preview = read_roster_file(data, "school.zip", school_class=chosen).reading
        assert not preview.problems, preview.problems
        steps = (
            ("list the classes", lambda data=data: read_school_bundle(data, "school.zip"),
             sum(c.students for c in bundle.classes)),
            (f"preview one class ('{chosen}')",
             lambda data=data, chosen=chosen: read_roster_file(
                 data, "school.zip", school_class=chosen),
             len(preview.students)),
        )  # fmt: skip
        for step, work, students in steps:
            median, slowest, cpu, _ = timed(work, args.runs)
            lines.append(
                f"| OneRoster {version}, {CLASSES} classes | {users:,} | "
                f"{len(data) / 1000:,.0f} kB | {step} | {students:,} | {median:.3f} | "
                f"{slowest:.3f} | {cpu:.3f} | ≤ {TARGET_SECONDS:g} s |"
            )
    lines += [
        "",
        f"{CLASSES * PER_CLASS} students in {CLASSES} classes, a teacher per class and a parent "
        f"per student in users.csv, demographics.csv for every student. Median of {args.runs} "
        f"runs each (unzip, every member file read, enrollments checked; the preview also maps "
        f"the columns and checks every row); {machine()}. "
        "`.venv/bin/python benchmarks/import_oneroster.py --out benchmarks/import_oneroster.md`",
    ]
    return emit(lines, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
