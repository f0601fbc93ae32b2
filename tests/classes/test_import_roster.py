from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerup.classes.models import Student

from .factories import make_classroom, make_student

GOOD = "name,level,interests,choice1\nAna,2,fantasy,Ben\nBen,3,soccer;fantasy,Ana\n"


def upload(client, classroom, text, name="room.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return client.post(
        reverse("classes:import", args=[classroom.pk]),
        {"roster": SimpleUploadedFile(name, data, content_type="text/csv")},
    )


def test_preview_shows_every_row_and_changes_nothing(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Old")
    response = upload(alice_client, classroom, GOOD)
    assert response.status_code == 200
    assert b"Preview: 2 students" in response.content
    assert list(classroom.students.values_list("name", flat=True)) == ["Old"]


def test_confirm_replaces_the_roster(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Old")
    upload(alice_client, classroom, GOOD)
    response = alice_client.post(reverse("classes:import_confirm", args=[classroom.pk]))
    assert response.status_code == 302
    ana = classroom.students.get(name="Ana")
    assert ana.choices == ["Ben"] and ana.interests == ["fantasy"] and ana.level == 2
    assert not Student.objects.filter(name="Old").exists()


def test_bad_roster_shows_the_problem_in_plain_words_and_changes_nothing(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Old")
    response = upload(alice_client, classroom, "name,choice1\nAna,Bne\nBen,Ana\n")
    assert b"room.csv, row 2, column &#x27;choice1&#x27;" in response.content
    assert b"did you mean &#x27;Ben&#x27;?" in response.content
    assert b"Import 2 students" not in response.content
    confirm = alice_client.post(reverse("classes:import_confirm", args=[classroom.pk]))
    assert confirm.status_code == 302
    assert list(classroom.students.values_list("name", flat=True)) == ["Old"]


def test_non_utf8_upload_is_explained(alice_client, alice):
    classroom = make_classroom(alice)
    response = upload(alice_client, classroom, "name\nJosé\n".encode("latin-1"))
    assert b"not UTF-8" in response.content


def test_pending_import_cannot_land_in_another_class(alice_client, alice):
    first, second = make_classroom(alice), make_classroom(alice, name="Room 14")
    upload(alice_client, first, GOOD)
    alice_client.post(reverse("classes:import_confirm", args=[second.pk]))
    assert second.students.count() == 0
