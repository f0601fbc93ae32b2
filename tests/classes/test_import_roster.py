"""Importing a roster into a class is a merge: matched students keep everything that
is theirs, missing students stay unless ticked, and nothing changes before confirm."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from partnerup.classes.models import Student
from partnerup.classes.roster_import import file_fields
from partnerup.voice.models import Answers, SignInCard

from .factories import make_classroom, make_rule, make_student, pk_of, pks_of

GOOD = "name,level,interests,choice1\nAna,2,fantasy,Ben\nBen,3,soccer;fantasy,Ana\n"
FULL = (
    "name,level,interests,choice1,choice2,avoid,reading_partner\n"
    "Ana,2,fantasy,Ben,Cy,Di,Cy\n"
    "Ben,3,soccer,Ana,,,Di\n"
    "Cy,1,horses,Di,Ana,,Ana\n"
    "Di,4,comics,Cy,,Ana,\n"
)


def upload(client, classroom, text, name="room.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return client.post(
        reverse("classes:import", args=[classroom.pk]),
        {"roster": SimpleUploadedFile(name, data, content_type="text/csv")},
    )


def confirm(client, classroom, **data):
    return client.post(reverse("classes:import_confirm", args=[classroom.pk]), data)


def text_of(response) -> str:
    """The page as a reader sees it: tags dropped, spaces joined."""
    html = response.content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def messages_of(client, classroom) -> str:
    return text_of(client.get(reverse("classes:detail", args=[classroom.pk])))


def snapshot(classroom):
    """Every student of the class with every field, and the rules, as plain values."""
    students = list(classroom.students.order_by("pk").values())
    rules = list(classroom.rules.order_by("pk").values("kind", "students"))
    return students, rules


def imported(client, classroom, text, **data):
    """Upload then confirm the file, as a teacher does."""
    upload(client, classroom, text)
    response = confirm(client, classroom, **data)
    assert response.status_code == 302
    return response


def with_cards_answers_and_rules(classroom):
    """Each student of the class gets a card and answers; Ana and Di are kept apart."""
    for student in classroom.students.all():
        SignInCard.objects.create(student=student)
        Answers.objects.create(
            student=student, wanted=["kind"], ad_at=timezone.now(), answered_ads=[]
        )
    make_rule(classroom, kind="keep_apart", students=pks_of(classroom, "Ana", "Di"))


def test_preview_shows_every_row_and_changes_nothing(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Old")
    before = snapshot(classroom)
    response = upload(alice_client, classroom, GOOD)
    assert response.status_code == 200
    page = text_of(response)
    assert "2 new · 0 changed · 0 unchanged · 1 not in the file" in page
    assert "New students" in page and "Ana 2 fantasy" in page and "Ben 3 soccer, fantasy" in page
    assert "Remove Old" in page and "Import 2 students" in page
    assert snapshot(classroom) == before


def test_confirm_adds_the_file_and_keeps_a_student_missing_from_it(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Old")
    imported(alice_client, classroom, GOOD)
    ana, ben = classroom.students.get(name="Ana"), classroom.students.get(name="Ben")
    assert ana.choices == [ben.pk] and ana.interests == ["fantasy"] and ana.level == 2
    assert ben.choices == [ana.pk] and ben.interests == ["soccer", "fantasy"] and ben.level == 3
    assert Student.objects.filter(classroom=classroom, name="Old").exists()
    assert "Imported: 2 new, 0 updated, 0 unchanged, 0 removed." in messages_of(
        alice_client, classroom
    )


def test_the_same_file_twice_changes_nothing_and_keeps_cards_answers_and_rules(alice_client, alice):
    classroom = make_classroom(alice)
    imported(alice_client, classroom, FULL)
    with_cards_answers_and_rules(classroom)
    codes = dict(SignInCard.objects.values_list("student_id", "code"))
    answered = set(Answers.objects.values_list("student_id", flat=True))
    before = snapshot(classroom)
    page = text_of(upload(alice_client, classroom, FULL))
    assert "0 new · 0 changed · 4 unchanged · 0 not in the file" in page
    assert "Import 4 students" in page
    confirm(alice_client, classroom)
    assert snapshot(classroom) == before
    assert dict(SignInCard.objects.values_list("student_id", "code")) == codes
    assert set(Answers.objects.values_list("student_id", flat=True)) == answered
    assert all(a.ad_at is not None for a in Answers.objects.all())
    assert "Imported: 0 new, 0 updated, 4 unchanged, 0 removed." in messages_of(
        alice_client, classroom
    )


def test_a_changed_level_is_shown_old_to_new_and_only_the_level_changes(alice_client, alice):
    classroom = make_classroom(alice)
    imported(alice_client, classroom, FULL)
    with_cards_answers_and_rules(classroom)
    codes = dict(SignInCard.objects.values_list("student_id", "code"))
    students_before, rules_before = snapshot(classroom)
    changed = FULL.replace("Ana,2,fantasy", "Ana,3,fantasy")
    page = text_of(upload(alice_client, classroom, changed))
    assert "0 new · 1 changed · 3 unchanged · 0 not in the file" in page
    assert "Changed students Student What changes Ana Level: 2 → 3" in page
    assert snapshot(classroom) == (students_before, rules_before)
    confirm(alice_client, classroom)
    students_after, rules_after = snapshot(classroom)
    ana = pk_of(classroom, "Ana")
    expected = [{**s, "level": 3} if s["id"] == ana else s for s in students_before]
    assert students_after == expected and rules_after == rules_before
    assert dict(SignInCard.objects.values_list("student_id", "code")) == codes


def test_a_student_missing_from_the_file_stays_and_the_preview_says_what_removing_deletes(
    alice_client, alice
):
    classroom = make_classroom(alice)
    imported(alice_client, classroom, FULL)
    with_cards_answers_and_rules(classroom)
    di = classroom.students.get(name="Di")
    without_di = "name,level\nAna,2\nBen,3\nCy,1\n"
    response = upload(alice_client, classroom, without_di)
    html, page = response.content.decode(), text_of(response)
    assert "0 new · 0 changed · 3 unchanged · 1 not in the file" in page
    assert f'<input type="checkbox" name="remove" value="{di.pk}"> Remove Di' in html
    assert (
        "Remove Di — deletes their answers (want ad, classmates, goal, survey); "
        "their sign-in card; 1 rule naming them"
    ) in page
    before = snapshot(classroom)
    confirm(alice_client, classroom)
    assert snapshot(classroom) == before
    assert SignInCard.objects.filter(student=di).exists()
    assert classroom.rules.get().students == pks_of(classroom, "Ana", "Di")


def test_ticking_remove_deletes_the_missing_student_and_every_reference(alice_client, alice):
    classroom = make_classroom(alice)
    imported(alice_client, classroom, FULL)
    with_cards_answers_and_rules(classroom)
    di = pk_of(classroom, "Di")
    upload(alice_client, classroom, "name,level\nAna,2\nBen,3\nCy,1\n")
    confirm(alice_client, classroom, remove=[di])
    assert sorted(classroom.students.values_list("name", flat=True)) == ["Ana", "Ben", "Cy"]
    assert not SignInCard.objects.filter(student_id=di).exists()
    assert not Answers.objects.filter(student_id=di).exists()
    assert not classroom.rules.exists()  # a keep-apart of Ana alone binds nobody
    for student in classroom.students.all():
        assert di not in student.choices + student.avoid + student.past_partners
        assert student.reading_partner_id != di
    assert classroom.students.get(name="Ben").reading_partner is None
    assert "Imported: 0 new, 0 updated, 3 unchanged, 1 removed." in messages_of(
        alice_client, classroom
    )


def test_a_student_added_by_hand_is_not_deleted_by_a_re_import(alice_client, alice):
    classroom = make_classroom(alice)
    imported(alice_client, classroom, GOOD)
    alice_client.post(
        reverse("classes:student_add", args=[classroom.pk]), {"name": "Nia", "talk": "quiet"}
    )
    nia = classroom.students.get(name="Nia")
    imported(alice_client, classroom, GOOD)
    assert classroom.students.filter(pk=nia.pk, talk="quiet").exists()
    assert classroom.students.count() == 3


def test_a_file_of_names_and_levels_keeps_the_choices_students_made(alice_client, alice):
    classroom = make_classroom(alice)
    imported(alice_client, classroom, FULL)
    before = {s.pk: (s.choices, s.avoid, s.reading_partner_id) for s in classroom.students.all()}
    assert before[pk_of(classroom, "Ana")] == (
        pks_of(classroom, "Ben", "Cy"),
        pks_of(classroom, "Di"),
        pk_of(classroom, "Cy"),
    )
    page = text_of(upload(alice_client, classroom, "name,level\nAna,2\nBen,3\nCy,1\nDi,4\n"))
    assert "0 new · 0 changed · 4 unchanged" in page
    confirm(alice_client, classroom)
    after = {s.pk: (s.choices, s.avoid, s.reading_partner_id) for s in classroom.students.all()}
    assert after == before


def test_the_preview_changes_nothing_before_confirm(alice_client, alice):
    classroom = make_classroom(alice)
    imported(alice_client, classroom, FULL)
    with_cards_answers_and_rules(classroom)
    before = snapshot(classroom)
    codes = list(SignInCard.objects.order_by("pk").values_list("student_id", "code"))
    changed = "name,level,interests\nAna,4,dragons\nBen,1,\nZoe,2,fantasy\n"
    page = text_of(upload(alice_client, classroom, changed))
    assert "1 new · 2 changed · 0 unchanged · 2 not in the file" in page
    assert snapshot(classroom) == before
    assert list(SignInCard.objects.order_by("pk").values_list("student_id", "code")) == codes
    assert Answers.objects.count() == 4


def test_confirm_without_a_pending_upload_says_so_plainly(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Old")
    response = confirm(alice_client, classroom)
    assert response.url == reverse("classes:import", args=[classroom.pk])
    page = text_of(alice_client.get(response.url))
    assert "Nothing to import: upload the roster again." in page
    assert list(classroom.students.values_list("name", flat=True)) == ["Old"]


def test_an_import_beyond_the_class_size_is_refused_plainly_and_changes_nothing(
    alice_client, alice, settings
):
    settings.PARTNERUP_MAX_CLASS_SIZE = 3
    classroom = make_classroom(alice)
    make_student(classroom, name="Old")
    make_student(classroom, name="Older")
    before = snapshot(classroom)
    upload(alice_client, classroom, GOOD)
    response = confirm(alice_client, classroom)
    assert response.url == reverse("classes:import", args=[classroom.pk])
    page = text_of(alice_client.get(response.url))
    assert "This would make a class of 4 students; a class has at most 3." in page
    assert snapshot(classroom) == before
    # Ticking one of the missing students for removal makes it fit.
    upload(alice_client, classroom, GOOD)
    confirm(alice_client, classroom, remove=[pk_of(classroom, "Older")])
    assert sorted(classroom.students.values_list("name", flat=True)) == ["Ana", "Ben", "Old"]


def test_a_file_with_student_ids_matches_a_renamed_student_by_id(alice_client, alice):
    classroom = make_classroom(alice)
    imported(alice_client, classroom, "student_id,name,level\nS1,Jayden,2\nS2,Ben,3\n")
    jayden = classroom.students.get(name="Jayden")
    assert jayden.external_id == "S1"
    card = SignInCard.objects.create(student=jayden)
    Answers.objects.create(student=jayden, wanted=["kind"], ad_at=timezone.now())
    renamed = "student_id,name,level\nS1,Jayden K.,2\nS2,Ben,3\n"
    page = text_of(upload(alice_client, classroom, renamed))
    assert "0 new · 1 changed · 1 unchanged · 0 not in the file" in page
    assert "Jayden Name: Jayden → Jayden K." in page
    confirm(alice_client, classroom)
    jayden.refresh_from_db()
    assert jayden.name == "Jayden K." and jayden.external_id == "S1"
    assert classroom.students.count() == 2
    assert SignInCard.objects.get(student=jayden).code == card.code
    assert Answers.objects.get(student=jayden).ad_at is not None


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
    assert html.index("<td>2</td><td>Ana</td>") < html.index("is not a writing level")
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


def test_windows_1252_upload_is_read_with_its_accents(alice_client, alice):
    classroom = make_classroom(alice)
    upload(alice_client, classroom, "name\nJosé Núñez\nAna\n".encode("cp1252"))
    confirm(alice_client, classroom)
    assert "José Núñez" in classroom.students.values_list("name", flat=True)


def test_binary_upload_is_explained(alice_client, alice):
    classroom = make_classroom(alice)
    response = upload(alice_client, classroom, b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert "not a text file nor an Excel workbook" in text_of(response)


def test_pending_import_cannot_land_in_another_class(alice_client, alice):
    first, second = make_classroom(alice), make_classroom(alice, name="Room 14")
    upload(alice_client, first, GOOD)
    alice_client.post(reverse("classes:import_confirm", args=[second.pk]))
    assert second.students.count() == 0


def test_only_the_fields_of_the_files_known_columns_are_updated():
    assert file_fields(("name", "choice2", "home_language")) == ("home_language", "choices")
    assert file_fields(("name", "student_id")) == ()


def test_the_preview_warns_when_keeping_everyone_would_pass_the_cap(alice_client, alice, settings):
    classroom = make_classroom(alice)
    make_student(classroom, name="Hand Added")
    settings.PARTNERUP_MAX_CLASS_SIZE = 3
    upload = SimpleUploadedFile("r.csv", b"name\nAna\nBen\nCy\n", content_type="text/csv")
    page = alice_client.post(reverse("classes:import", args=[classroom.pk]), {"roster": upload})
    assert "the class would have 4 students; a class has at most 3" in page.content.decode()
