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
    html = response.content.decode()
    assert "<td>2</td><td>Ana</td>" in html
    assert "Column <strong>choice1</strong>: &#x27;Bne&#x27; is not a student" in html
    assert "did you mean &#x27;Ben&#x27;?" in html
    assert "Import 2 students" not in html
    confirm = alice_client.post(reverse("classes:import_confirm", args=[classroom.pk]))
    assert confirm.status_code == 302
    assert list(classroom.students.values_list("name", flat=True)) == ["Old"]


THREE_PROBLEMS = "name,level,floater,choice1\nAna,7,,Ben\nBen,2,maybe,\nCy,3,,Zed\n"


def test_preview_lists_every_problem_beside_its_row_and_saves_nothing(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Old")
    response = upload(alice_client, classroom, THREE_PROBLEMS)
    html = response.content.decode()
    assert "3 things to fix in room.csv" in html
    assert "&#x27;7&#x27; is not a writing level" in html
    assert "&#x27;maybe&#x27; is not yes or no" in html
    assert "&#x27;Zed&#x27; is not a student in this class" in html
    assert html.index("<td>2</td><td>Ana</td>") < html.index("writing level")
    assert html.index("<td>3</td><td>Ben</td>") < html.index("not yes or no")
    assert html.index("<td>4</td><td>Cy</td>") < html.index("&#x27;Zed&#x27;")
    assert "import_confirm" not in html and "Import 3 students" not in html
    alice_client.post(reverse("classes:import_confirm", args=[classroom.pk]))
    assert list(classroom.students.values_list("name", flat=True)) == ["Old"]


def test_preview_shows_header_problems_above_the_rows(alice_client, alice):
    classroom = make_classroom(alice)
    response = upload(alice_client, classroom, "name,level,Level\nAna,9,9\n")
    html = response.content.decode()
    assert "Header row: the column &#x27;level&#x27; appears twice" in html
    assert html.index("Header row:") < html.index("Every row of the file")


def test_a_file_without_a_name_column_is_explained_on_top(alice_client, alice):
    classroom = make_classroom(alice)
    response = upload(alice_client, classroom, "first,level\nAna,2\n")
    assert b"Header row: there is no &#x27;name&#x27; column" in response.content
    assert b"Every row of the file" not in response.content


def test_a_bad_upload_after_a_good_one_leaves_nothing_to_confirm(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Old")
    upload(alice_client, classroom, GOOD)
    upload(alice_client, classroom, THREE_PROBLEMS)
    alice_client.post(reverse("classes:import_confirm", args=[classroom.pk]))
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
