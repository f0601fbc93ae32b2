"""School roster bundles shaped like real exports, built as zips for the tests.

A OneRoster 1.1 bundle, a 1.2 bundle (roles in roles.csv) and a Clever zip, each with
three classes, teachers, a parent, and the private columns a school system writes
(birth dates, emails, phones, usernames, passwords, demographics). Those cells hold the
distinctive values in PRIVATE, so a test can assert none of them is read anywhere.
"""

from __future__ import annotations

import csv
import io
import zipfile

BIRTH_DATE = "1999-01-02"
EMAIL = "parent@example.org"
PHONE = "555-0100"
PASSWORD = "hunter2"
USERNAME = "ana.ruiz.login"
PRIVATE = (BIRTH_DATE, EMAIL, PHONE, PASSWORD, USERNAME, "Hispanic-or-Latino-marker")

# (sourcedId, givenName, familyName, grade) of the school's students.
STUDENTS = (
    ("s-101", "Ana", "Ruiz", "03"),
    ("s-102", "Ben", "Okafor", "03"),
    ("s-103", "Cy", "Lee", "03"),
    ("s-104", "Di", "Park", "03"),
    ("s-105", "Eli", "Stone", "03"),
    ("s-106", "Fay", "Nguyen", "03"),
)
TEACHERS = (("t-1", "Maria", "Lopez"), ("t-2", "John", "Reed"))
PARENT = ("p-1", "Rosa", "Ruiz")
# (sourcedId, title, classCode, teacher, students)
CLASSES = (
    ("c-1", "Writing 3A", "3A-W", "t-1", ("s-101", "s-102", "s-103", "s-104")),
    ("c-2", "Writing 3B", "3B-W", "t-2", ("s-105", "s-106")),
    ("c-3", "Math 3A", "3A-M", "t-1", ("s-101", "s-102", "s-103", "s-104", "s-105")),
)

USERS_11 = [
    "sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role",
    "username", "userIds", "givenName", "familyName", "middleName", "identifier", "email",
    "sms", "phone", "agentSourcedIds", "grades", "password",
]  # fmt: skip
USERS_12 = [
    "sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds",
    "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone",
    "agentSourcedIds", "grades", "password", "userMasterIdentifier", "resourceSourcedIds",
    "preferredGivenName", "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId",
    "pronouns",
]  # fmt: skip
STAMP = "2026-08-20T10:00:00.000Z"


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def zipped(files: dict[str, list[list[str]]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in files.items():
            archive.writestr(name, csv_text(rows))
    return out.getvalue()


def _manifest(version: str) -> list[list[str]]:
    rows = [["propertyName", "value"], ["manifest.version", "1.0"]]
    rows.append(["oneroster.version", version])
    for name in ("academicSessions", "classes", "courses", "demographics", "enrollments",
                 "orgs", "users") + (("roles",) if version == "1.2" else ()):  # fmt: skip
        rows.append([f"file.{name}", "bulk"])
    for name in ("categories", "classResources", "courseResources", "lineItems", "resources",
                 "results"):  # fmt: skip
        rows.append([f"file.{name}", "absent"])
    rows += [["source.systemName", "District SIS"], ["source.systemCode", "sis-7"]]
    return rows


def _user(version: str, key: str, given: str, family: str, role: str, grade: str) -> list[str]:
    private = {
        "username": USERNAME if key == "s-101" else f"{given.lower()}.{family.lower()}",
        "email": EMAIL if role == "parent" else f"{key}@school.example",
        "sms": PHONE,
        "phone": PHONE,
        "password": PASSWORD,
        "agentSourcedIds": "p-1" if key == "s-101" else "",
    }
    values = {
        "sourcedId": key, "status": "active", "dateLastModified": STAMP, "enabledUser": "true",
        "orgSourcedIds": "org-1", "primaryOrgSourcedId": "org-1", "role": role,
        "userIds": f"{{SIS:{key}}}", "givenName": given, "familyName": family,
        "identifier": f"ID{key}", "grades": grade, "preferredGivenName": given,
        **private,
    }  # fmt: skip
    columns = USERS_11 if version == "1.1" else USERS_12
    return [values.get(c, "") for c in columns]


def oneroster_files(version: str = "1.1") -> dict[str, list[list[str]]]:
    """The files of a OneRoster bundle, by name, as rows of cells (header first)."""
    users = [USERS_11 if version == "1.1" else USERS_12]
    people = [(*s, "student") for s in STUDENTS]
    people += [(k, g, f, "", "teacher") for k, g, f in TEACHERS]
    people.append((*PARENT, "", "parent"))
    roles = [["sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role",
              "orgSourcedId", "userProfileSourcedId", "beginDate", "endDate"]]  # fmt: skip
    for key, given, family, grade, role in people:
        users.append(_user(version, key, given, family, role, grade))
        roles.append([f"r-{key}", "active", STAMP, key, "primary", role, "org-1", "", "", ""])
    classes = [["sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId",
                "classCode", "classType", "location", "schoolSourcedId", "termSourcedIds",
                "subjects", "subjectCodes", "periods"]]  # fmt: skip
    enrollments = [["sourcedId", "status", "dateLastModified", "classSourcedId",
                    "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate",
                    "endDate"]]  # fmt: skip
    for key, title, code, teacher, members in CLASSES:
        classes.append([key, "active", STAMP, title, "03", "course-1", code, "scheduled",
                        "Room 12", "org-1", "term-1", "ELA", "", "1"])  # fmt: skip
        enrollments.append([f"e-{key}-{teacher}", "active", STAMP, key, "org-1", teacher,
                            "teacher", "true", "2026-08-25", ""])  # fmt: skip
        for member in members:
            enrollments.append([f"e-{key}-{member}", "active", STAMP, key, "org-1", member,
                                "student", "false", "2026-08-25", ""])  # fmt: skip
    demographics = [["sourcedId", "status", "dateLastModified", "birthDate", "sex",
                     "hispanicOrLatinoEthnicity", "cityOfBirth"]]  # fmt: skip
    for key, *_ in STUDENTS:
        demographics.append([key, "active", STAMP, BIRTH_DATE, "female",
                             "Hispanic-or-Latino-marker", "Springfield"])  # fmt: skip
    files = {
        "manifest.csv": _manifest(version),
        "orgs.csv": [["sourcedId", "status", "dateLastModified", "name", "type", "identifier",
                      "parentSourcedId"],
                     ["org-1", "active", STAMP, "Lincoln Elementary", "school", "LE", ""]],
        "users.csv": users,
        "classes.csv": classes,
        "enrollments.csv": enrollments,
        "demographics.csv": demographics,
    }  # fmt: skip
    if version == "1.2":
        files["roles.csv"] = roles
    return files


def oneroster_bundle(version: str = "1.1") -> bytes:
    return zipped(oneroster_files(version))


def clever_files() -> dict[str, list[list[str]]]:
    """A Clever-style export: students, teachers, sections and enrollments."""
    students = [["School_id", "Student_id", "Student_number", "State_id", "Last_name",
                 "Middle_name", "First_name", "Grade", "Gender", "DOB", "Race",
                 "Hispanic_Latino", "Ell_status", "Home_language", "Student_email",
                 "Contact_relationship", "Contact_type", "Contact_name", "Contact_phone",
                 "Contact_email", "Username", "Password"]]  # fmt: skip
    for key, given, family, grade in STUDENTS:
        students.append(["sch-1", key, f"N{key}", f"ST{key}", family, "", given, grade[-1],
                         "F", BIRTH_DATE, "Hispanic-or-Latino-marker", "Y", "N", "Spanish",
                         f"{key}@school.example", "Mother", "parent/guardian", "Rosa Ruiz",
                         PHONE, EMAIL, USERNAME if key == "s-101" else key,
                         PASSWORD])  # fmt: skip
    teachers = [["School_id", "Teacher_id", "Teacher_number", "State_teacher_id", "Last_name",
                 "First_name", "Teacher_email", "Title", "Username", "Password"]]  # fmt: skip
    for key, given, family in TEACHERS:
        teachers.append(["sch-1", key, key, key, family, given, f"{key}@school.example", "Ms.",
                         key, PASSWORD])  # fmt: skip
    sections = [["School_id", "Section_id", "Teacher_id", "Teacher_2_id", "Name",
                 "Section_number", "Grade", "Course_name", "Course_number", "Period", "Subject",
                 "Term_name", "Term_start", "Term_end"]]  # fmt: skip
    enrollments = [["School_id", "Section_id", "Student_id"]]
    for key, title, code, teacher, members in CLASSES:
        sections.append(["sch-1", key, teacher, "", title, code, "3", "Grade 3 " + title, "301",
                         "1", "English/language arts", "2026-27", "2026-08-25",
                         "2027-06-10"])  # fmt: skip
        enrollments += [["sch-1", key, member] for member in members]
    return {
        "students.csv": students,
        "teachers.csv": teachers,
        "sections.csv": sections,
        "enrollments.csv": enrollments,
    }


def clever_bundle() -> bytes:
    return zipped(clever_files())


def without_column(rows: list[list[str]], column: str) -> list[list[str]]:
    at = rows[0].index(column)
    return [row[:at] + row[at + 1 :] for row in rows]
