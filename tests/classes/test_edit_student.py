from django.urls import reverse

from .factories import make_classroom, make_student


def profile(**fields):
    data = {"name": "Nia", "level": "2", "talk": "quiet", "interests_new": "fantasy; horses",
            "goals_new": "lead", "strengths_new": "", "choice1": "", "choice2": "", "choice3": "",
            "home_language": "Spanish", "english_level": "2.5", "reading_partner": "",
            "teacher_notes": "new this week"}  # fmt: skip
    data.update(fields)
    return data


def test_add_a_student_with_profile(alice_client, alice):
    classroom = make_classroom(alice)
    ben = make_student(classroom, name="Ben")
    cy = make_student(classroom, name="Cy")
    response = alice_client.post(
        reverse("classes:student_add", args=[classroom.pk]),
        profile(choice1=cy.pk, choice2=ben.pk, avoid=[ben.pk], reading_partner=cy.pk),
    )
    assert response.status_code == 302
    nia = classroom.students.get(name="Nia")
    assert nia.interests == ["fantasy", "horses"] and nia.goals == ["lead"]
    assert nia.choices == [cy.pk, ben.pk] and nia.avoid == [ben.pk]
    assert nia.reading_partner == cy
    assert float(nia.english_level) == 2.5 and nia.talk == "quiet"


def test_edit_refuses_unknown_choice_and_duplicate_name(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Ben")
    url = reverse("classes:student_add", args=[classroom.pk])
    response = alice_client.post(url, profile(choice1="Zed"))
    assert b"&#x27;Zed&#x27; is not a student in this class" in response.content
    response = alice_client.post(url, profile(name="ben"))
    assert b"already in this class" in response.content
    response = alice_client.post(url, profile(level="7"))
    assert b"Writing level is 1, 2, 3 or 4" in response.content
    assert classroom.students.count() == 1


def test_classmate_lists_refuse_a_student_not_in_the_class(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Ben")
    zed = make_student(make_classroom(alice, name="Room 14"), name="Zed")
    url = reverse("classes:student_add", args=[classroom.pk])
    for field in ("avoid", "past_partners", "choice1"):
        for value in (zed.pk, "Zed"):
            response = alice_client.post(url, profile(**{field: value}))
            assert response.status_code == 200, (field, value)
            assert f"&#x27;{value}&#x27; is not a student in this class" in (
                response.content.decode()
            ), (field, value)
    for value in (zed.pk, "Zed"):
        response = alice_client.post(url, profile(reading_partner=value))
        assert response.status_code == 200, value
        assert b"That is not a student in this class." in response.content, value
    assert classroom.students.count() == 1


def test_the_same_classmate_cannot_be_chosen_twice(alice_client, alice):
    classroom = make_classroom(alice)
    ben = make_student(classroom, name="Ben")
    url = reverse("classes:student_add", args=[classroom.pk])
    response = alice_client.post(url, profile(choice1=ben.pk, choice2=ben.pk))
    assert b"Ben is already a choice above" in response.content
    assert classroom.students.count() == 1


def test_a_student_is_not_offered_as_their_own_partner(alice_client, alice):
    classroom = make_classroom(alice)
    ben = make_student(classroom, name="Ben")
    cy = make_student(classroom, name="Cy")
    url = reverse("classes:student_edit", args=[classroom.pk, ben.pk])
    html = alice_client.get(url).content.decode()
    assert f'<option value="{cy.pk}">Cy</option>' in html
    assert f'<option value="{ben.pk}"' not in html
    assert f'name="avoid" value="{cy.pk}"' in html
    assert f'name="avoid" value="{ben.pk}"' not in html
    response = alice_client.post(url, profile(name="Ben", choice1=ben.pk))
    assert f"&#x27;{ben.pk}&#x27; is not a student in this class" in response.content.decode()
    response = alice_client.post(url, profile(name="Ben", reading_partner=ben.pk))
    assert b"That is not a student in this class." in response.content
    ben.refresh_from_db()
    assert ben.choices == [] and ben.reading_partner is None


def test_the_form_offers_the_class_tags_once_each_and_ticks_the_students_own(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Ben", interests=["soccer", "Fantasy"], goals=["endings"])
    nia = make_student(classroom, name="Nia", interests=["fantasy"], strengths=["dialogue"])
    url = reverse("classes:student_edit", args=[classroom.pk, nia.pk])
    html = alice_client.get(url).content.decode()
    assert html.count('name="interests" value="Fantasy"') == 1
    assert 'name="interests" value="fantasy"' not in html
    assert html.index('value="Fantasy"') < html.index('value="soccer"')
    assert 'name="goals" value="endings"' in html
    assert 'name="strengths" value="dialogue" id="id_strengths_0" checked' in html
    assert 'name="interests" value="Fantasy" id="id_interests_0" checked' in html
    assert 'name="interests" value="soccer" id="id_interests_1">' in html


def test_ticking_a_tag_and_typing_a_new_one_saves_both(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Ben", interests=["soccer", "comics"])
    alice_client.post(
        reverse("classes:student_add", args=[classroom.pk]),
        profile(interests=["soccer"], interests_new="horses; Soccer"),
    )
    assert classroom.students.get(name="Nia").interests == ["soccer", "horses"]


def test_another_classes_tags_are_not_offered_or_accepted(alice_client, alice):
    classroom = make_classroom(alice)
    other_room = make_classroom(alice, name="Room 14")
    make_student(other_room, name="Zoe", interests=["volcanoes"])
    url = reverse("classes:student_add", args=[classroom.pk])
    form = alice_client.get(url).content
    assert b"volcanoes" not in form and b"Zoe" not in form
    response = alice_client.post(url, profile(interests=["volcanoes"]))
    assert b"volcanoes is not one of the available choices" in response.content
    assert not classroom.students.exists()


def test_edit_and_remove_a_student(alice_client, alice):
    classroom = make_classroom(alice)
    ben = make_student(classroom, name="Ben", interests=["soccer"], choices=[])
    alice_client.post(
        reverse("classes:student_edit", args=[classroom.pk, ben.pk]),
        profile(name="Benji", interests=["soccer"], interests_new=""),
    )
    ben.refresh_from_db()
    assert ben.name == "Benji" and ben.interests == ["soccer"]
    alice_client.post(reverse("classes:student_remove", args=[classroom.pk, ben.pk]))
    assert classroom.students.count() == 0


def test_another_teacher_cannot_see_edit_or_remove_students(client, alice, charlie):
    classroom = make_classroom(alice)
    ben = make_student(classroom, name="Secretname")
    other = make_classroom(charlie)
    client.force_login(charlie)
    urls = [
        ("get", reverse("classes:student_add", args=[classroom.pk])),
        ("get", reverse("classes:student", args=[classroom.pk, ben.pk])),
        ("get", reverse("classes:student_edit", args=[classroom.pk, ben.pk])),
        ("post", reverse("classes:student_edit", args=[classroom.pk, ben.pk])),
        ("get", reverse("classes:student_remove", args=[classroom.pk, ben.pk])),
        ("post", reverse("classes:student_remove", args=[classroom.pk, ben.pk])),
        # Their own class id with alice's student id must not reach alice's student.
        ("get", reverse("classes:student", args=[other.pk, ben.pk])),
        ("get", reverse("classes:student_edit", args=[other.pk, ben.pk])),
        ("post", reverse("classes:student_edit", args=[other.pk, ben.pk])),
        ("get", reverse("classes:student_remove", args=[other.pk, ben.pk])),
        ("post", reverse("classes:student_remove", args=[other.pk, ben.pk])),
    ]
    for method, url in urls:
        response = getattr(client, method)(url)
        assert response.status_code == 404, url
        assert b"Secretname" not in response.content
    assert classroom.students.filter(name="Secretname").exists()


def test_another_teachers_class_tags_never_reach_the_form(client, alice, charlie):
    make_student(make_classroom(alice), name="Ana", interests=["secret-tag"])
    mine = make_classroom(charlie)
    client.force_login(charlie)
    assert b"secret-tag" not in client.get(reverse("classes:student_add", args=[mine.pk])).content
