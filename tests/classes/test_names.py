"""A student's name is unique in the class once NFC-normalised, trimmed and case-folded,
holds no invisible character, and fits; a class holds at most so many students."""

import unicodedata

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from partnerup.classes.models import Student

from .factories import make_classroom, make_student

ANA_NFC = unicodedata.normalize("NFC", "Ána")
ANA_NFD = unicodedata.normalize("NFD", "Ána")


def add(client, classroom, name):
    return client.post(
        reverse("classes:student_add", args=[classroom.pk]), {"name": name, "talk": "balanced"}
    )


def names(classroom):
    return sorted(classroom.students.values_list("name", flat=True))


def test_the_two_spellings_of_ana_with_an_accent_differ_only_in_form():
    assert ANA_NFC != ANA_NFD and len(ANA_NFD) == len(ANA_NFC) + 1


@pytest.mark.parametrize(
    ("existing", "typed"),
    [("Ana", " ana "), ("Ana", "ANA"), ("Ana", "Ana"), (ANA_NFC, ANA_NFD), (ANA_NFD, ANA_NFC)],
)
def test_the_form_refuses_a_name_already_in_the_class_plainly(alice_client, alice, existing, typed):
    classroom = make_classroom(alice)
    make_student(classroom, name=existing)
    response = add(alice_client, classroom, typed)
    assert response.status_code == 200
    shown = unicodedata.normalize("NFC", existing)
    assert f"{shown} is already in this class; add an initial." in response.content.decode()
    assert classroom.students.count() == 1


@pytest.mark.parametrize(
    ("existing", "typed"),
    [("Ana", " ana "), ("Ana", "ANA"), ("Ana", "Ana"), (ANA_NFC, ANA_NFD), (ANA_NFD, ANA_NFC)],
)
def test_the_database_refuses_a_name_already_in_the_class(alice, existing, typed):
    classroom = make_classroom(alice)
    make_student(classroom, name=existing)
    with pytest.raises(IntegrityError), transaction.atomic():
        Student.objects.create(classroom=classroom, name=typed)
    assert classroom.students.count() == 1


def test_the_same_name_in_another_class_is_fine(alice_client, alice):
    make_student(make_classroom(alice, name="Room 14"), name="Ana")
    classroom = make_classroom(alice)
    assert add(alice_client, classroom, "ana").status_code == 302
    assert names(classroom) == ["ana"]


def test_a_name_is_stored_trimmed_with_single_spaces_and_composed(alice_client, alice):
    classroom = make_classroom(alice)
    assert add(alice_client, classroom, f"  {ANA_NFD}   Lee ").status_code == 302
    student = classroom.students.get()
    assert student.name == f"{ANA_NFC} Lee" and student.name_key == f"{ANA_NFC} Lee".casefold()


def test_a_student_may_change_the_case_of_their_own_name(alice_client, alice):
    classroom = make_classroom(alice)
    ana = make_student(classroom, name="ana")
    response = alice_client.post(
        reverse("classes:student_edit", args=[classroom.pk, ana.pk]),
        {"name": "Ana", "talk": "balanced"},
    )
    assert response.status_code == 302
    ana.refresh_from_db()
    assert ana.name == "Ana"


def test_renaming_to_a_classmates_name_is_refused(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Ana")
    ben = make_student(classroom, name="Ben")
    response = alice_client.post(
        reverse("classes:student_edit", args=[classroom.pk, ben.pk]),
        {"name": " ANA", "talk": "balanced"},
    )
    assert b"Ana is already in this class; add an initial." in response.content
    assert names(classroom) == ["Ana", "Ben"]


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("An\x00a", "an invisible character (control character, U+0000) at position 3"),
        ("An\na", "a line break (U+000A) at position 3"),
        ("An\r\na", "a line break (U+000D) at position 3"),
        ("An\u200ba", "an invisible character (zero width space, U+200B) at position 3"),
        ("An\u202ea", "an invisible character (right-to-left override, U+202E) at position 3"),
    ],
)
def test_a_name_with_an_invisible_character_is_refused_naming_it(alice_client, alice, typed, named):
    classroom = make_classroom(alice)
    response = add(alice_client, classroom, typed)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"This has {named}" in html and "please type it again." in html
    assert not classroom.students.exists()


def test_an_over_long_name_is_refused(alice_client, alice):
    classroom = make_classroom(alice)
    response = add(alice_client, classroom, "A" * 81)
    assert response.status_code == 200
    assert b"Ensure this value has at most 80 characters (it has 81)." in response.content
    assert not classroom.students.exists()
    assert add(alice_client, classroom, "A" * 80).status_code == 302
    assert names(classroom) == ["A" * 80]


def test_the_add_form_refuses_a_student_beyond_the_class_size(alice_client, alice, settings):
    settings.PARTNERUP_MAX_CLASS_SIZE = 3
    classroom = make_classroom(alice)
    for name in ("Ana", "Ben", "Cy"):
        assert add(alice_client, classroom, name).status_code == 302
    response = add(alice_client, classroom, "Di")
    assert response.status_code == 200
    assert b"This class has 3 students, the most a class can have." in response.content
    assert names(classroom) == ["Ana", "Ben", "Cy"]


def test_a_full_class_can_still_edit_its_students(alice_client, alice, settings):
    settings.PARTNERUP_MAX_CLASS_SIZE = 2
    classroom = make_classroom(alice)
    ana = make_student(classroom, name="Ana")
    make_student(classroom, name="Ben")
    response = alice_client.post(
        reverse("classes:student_edit", args=[classroom.pk, ana.pk]),
        {"name": "Ana B.", "talk": "balanced"},
    )
    assert response.status_code == 302
    assert names(classroom) == ["Ana B.", "Ben"]
