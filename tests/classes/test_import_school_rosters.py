"""Importing one class of a school's OneRoster or Clever zip on the web: choose the class
→ the usual preview → confirm; students keep the school's id, so a re-import merges."""

import html
import io

from django.core.management import call_command
from django.urls import reverse

from tests.school_bundles import (
    PRIVATE,
    clever_bundle,
    oneroster_bundle,
    oneroster_files,
    zipped,
)

from .factories import make_classroom
from .test_import_files import upload
from .test_import_roster import confirm, text_of


def choose(client, classroom, key):
    return client.post(reverse("classes:import_class", args=[classroom.pk]), {"school_class": key})


def imported_from_bundle(client, classroom, data, key="c-1"):
    upload(client, classroom, data, name="school.zip")
    choose(client, classroom, key)
    return confirm(client, classroom)


def students_of(classroom):
    return sorted(classroom.students.values_list("name", "external_id"))


def test_uploading_a_bundle_offers_its_classes_with_code_grade_and_count(alice_client, alice):
    response = upload(alice_client, make_classroom(alice), oneroster_bundle("1.2"), "school.zip")
    page = text_of(response)
    assert "Writing 3A · 3A-W · grade 3 · 4 students" in page
    assert "Math 3A · 3A-M · grade 3 · 5 students" in page


def test_uploading_a_bundle_previews_nothing_before_a_class_is_chosen(alice_client, alice):
    response = upload(alice_client, make_classroom(alice), oneroster_bundle(), "school.zip")
    assert "preview" not in response.context and "Ana Ruiz" not in text_of(response)


def test_choosing_a_class_previews_its_students(alice_client, alice):
    classroom = make_classroom(alice)
    upload(alice_client, classroom, oneroster_bundle(), "school.zip")
    response = choose(alice_client, classroom, "c-2")
    assert [i.student.name for i in response.context["preview"].new] == ["Eli Stone", "Fay Nguyen"]


def test_the_preview_shows_the_columns_the_class_fed(alice_client, alice):
    classroom = make_classroom(alice)
    upload(alice_client, classroom, oneroster_bundle(), "school.zip")
    page = html.unescape(text_of(choose(alice_client, classroom, "c-2")))
    assert "Read as OneRoster 1.1 bundle, class 'Writing 3B' (3B-W)" in page


def test_confirming_imports_the_class_with_the_schools_ids(alice_client, alice):
    classroom = make_classroom(alice)
    imported_from_bundle(alice_client, classroom, oneroster_bundle("1.2"))
    assert students_of(classroom) == [
        ("Ana Ruiz", "s-101"),
        ("Ben Okafor", "s-102"),
        ("Cy Lee", "s-103"),
        ("Di Park", "s-104"),
    ]


def test_a_clever_zip_is_imported_the_same_way(alice_client, alice):
    classroom = make_classroom(alice)
    imported_from_bundle(alice_client, classroom, clever_bundle(), key="c-2")
    assert students_of(classroom) == [("Eli Stone", "s-105"), ("Fay Nguyen", "s-106")]


def test_nothing_private_reaches_the_database(alice_client, alice):
    classroom = make_classroom(alice)
    imported_from_bundle(alice_client, classroom, oneroster_bundle("1.2"), key="c-3")
    imported_from_bundle(alice_client, make_classroom(alice), clever_bundle(), key="c-3")
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    assert classroom.students.count() == 5
    assert [value for value in PRIVATE if value in out.getvalue()] == []


def test_a_reimport_merges_by_the_schools_id(alice_client, alice):
    classroom = make_classroom(alice)
    imported_from_bundle(alice_client, classroom, oneroster_bundle())
    ana = classroom.students.get(external_id="s-101")
    files = oneroster_files()
    files["users.csv"][1][8] = "Anabel"  # givenName
    upload(alice_client, classroom, zipped(files), "school.zip")
    preview = choose(alice_client, classroom, "c-1").context["preview"]
    assert [(i.match.pk, i.student.name) for i in preview.changed] == [(ana.pk, "Anabel Ruiz")]
    confirm(alice_client, classroom)
    ana.refresh_from_db()
    assert (ana.name, classroom.students.count()) == ("Anabel Ruiz", 4)


def test_a_bundle_of_one_class_is_previewed_at_once(alice_client, alice):
    files = oneroster_files()
    files["classes.csv"] = files["classes.csv"][:2]
    files["enrollments.csv"] = [
        r for r in files["enrollments.csv"] if r[3] in ("classSourcedId", "c-1")
    ]
    response = upload(alice_client, make_classroom(alice), zipped(files), "school.zip")
    assert len(response.context["preview"].new) == 4
    assert "class_form" not in response.context


def test_another_class_can_be_chosen_from_the_preview(alice_client, alice):
    classroom = make_classroom(alice)
    upload(alice_client, classroom, oneroster_bundle(), "school.zip")
    choose(alice_client, classroom, "c-1")
    response = choose(alice_client, classroom, "c-2")
    assert response.context["class_form"].initial == {"school_class": "c-2"}
    assert len(response.context["preview"].new) == 2


def test_a_malformed_bundle_gets_a_located_message(alice_client, alice):
    files = oneroster_files()
    files["enrollments.csv"][7][5] = "u123"
    response = upload(alice_client, make_classroom(alice), zipped(files), "school.zip")
    assert "school.zip: enrollments.csv row 8: user 'u123' is not in users.csv" in html.unescape(
        text_of(response)
    )


def test_a_class_not_in_the_bundle_is_refused(alice_client, alice):
    classroom = make_classroom(alice)
    upload(alice_client, classroom, oneroster_bundle(), "school.zip")
    response = choose(alice_client, classroom, "c-99")
    assert "That class is not in the file: upload it again." in text_of(response)
    assert classroom.students.count() == 0


def test_choosing_a_class_without_a_bundle_asks_for_the_upload_again(alice_client, alice):
    classroom = make_classroom(alice)
    response = choose(alice_client, classroom, "c-1")
    assert response.status_code == 302
    assert response["Location"] == reverse("classes:import", args=[classroom.pk])


def test_an_outsider_cannot_choose_a_class_of_someone_elses_import(client, alice, charlie):
    classroom = make_classroom(alice)
    client.force_login(charlie)
    assert choose(client, classroom, "c-1").status_code == 404
