from django.urls import reverse

from .factories import make_classroom, make_student


def profile(**fields):
    data = {"name": "Nia", "level": "2", "talk": "quiet", "interests": "fantasy; horses",
            "goals": "lead", "strengths": "", "choices": "", "avoid": "", "past_partners": "",
            "home_language": "Spanish", "english_level": "2.5", "reading_partner": "",
            "teacher_notes": "new this week"}  # fmt: skip
    data.update(fields)
    return data


def test_add_a_student_with_profile(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Ben")
    response = alice_client.post(
        reverse("classes:student_add", args=[classroom.pk]), profile(choices="ben")
    )
    assert response.status_code == 302
    nia = classroom.students.get(name="Nia")
    assert nia.interests == ["fantasy", "horses"] and nia.choices == ["Ben"]
    assert float(nia.english_level) == 2.5 and nia.talk == "quiet"


def test_edit_refuses_unknown_choice_and_duplicate_name(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Ben")
    url = reverse("classes:student_add", args=[classroom.pk])
    response = alice_client.post(url, profile(choices="Zed"))
    assert b"&#x27;Zed&#x27; is not a student in this class" in response.content
    response = alice_client.post(url, profile(name="ben"))
    assert b"already in this class" in response.content
    response = alice_client.post(url, profile(level="7"))
    assert b"Writing level is 1, 2, 3 or 4" in response.content
    assert classroom.students.count() == 1


def test_edit_and_remove_a_student(alice_client, alice):
    classroom = make_classroom(alice)
    ben = make_student(classroom, name="Ben")
    alice_client.post(
        reverse("classes:student_edit", args=[classroom.pk, ben.pk]), profile(name="Benji")
    )
    ben.refresh_from_db()
    assert ben.name == "Benji"
    alice_client.post(reverse("classes:student_remove", args=[classroom.pk, ben.pk]))
    assert classroom.students.count() == 0


def test_another_teacher_cannot_see_edit_or_remove_students(client, alice, charlie):
    classroom = make_classroom(alice)
    ben = make_student(classroom, name="Secretname")
    other = make_classroom(charlie)
    client.force_login(charlie)
    urls = [
        ("get", reverse("classes:student_add", args=[classroom.pk])),
        ("get", reverse("classes:student_edit", args=[classroom.pk, ben.pk])),
        ("post", reverse("classes:student_edit", args=[classroom.pk, ben.pk])),
        ("post", reverse("classes:student_remove", args=[classroom.pk, ben.pk])),
        # Their own class id with alice's student id must not reach alice's student.
        ("get", reverse("classes:student_edit", args=[other.pk, ben.pk])),
        ("post", reverse("classes:student_remove", args=[other.pk, ben.pk])),
    ]
    for method, url in urls:
        response = getattr(client, method)(url)
        assert response.status_code == 404, url
        assert b"Secretname" not in response.content
    assert classroom.students.filter(name="Secretname").exists()
