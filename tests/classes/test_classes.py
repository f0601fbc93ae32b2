from django.test import Client
from django.urls import reverse

from partnerup.classes.models import Classroom

from .factories import make_classroom, make_rule, make_student, pks_of


def test_create_rename_and_archive_a_class(alice_client, alice):
    response = alice_client.post(reverse("classes:create"), {"name": "Room 12"})
    classroom = Classroom.objects.get(teacher=alice)
    assert response.url == reverse("classes:detail", args=[classroom.pk])
    alice_client.post(
        reverse("classes:rename", args=[classroom.pk]), {"name": "Room 12B", "name_display": "full"}
    )
    alice_client.post(reverse("classes:archive", args=[classroom.pk]))
    classroom.refresh_from_db()
    assert classroom.name == "Room 12B" and classroom.is_archived


def test_class_page_lists_students_with_names_escaped(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="<script>alert(1)</script>")
    response = alice_client.get(reverse("classes:detail", args=[classroom.pk]))
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in response.content
    assert b"<script>alert(1)</script>" not in response.content


def every_class_url(classroom):
    """Every page of one class, with its first student and rule, as (method, url)."""
    pk = classroom.pk
    student, rule = classroom.students.first(), classroom.rules.first()
    return [
        ("get", reverse("classes:detail", args=[pk])),
        ("get", reverse("classes:rename", args=[pk])),
        ("post", reverse("classes:rename", args=[pk])),
        ("post", reverse("classes:archive", args=[pk])),
        ("get", reverse("classes:import", args=[pk])),
        ("post", reverse("classes:import", args=[pk])),
        ("post", reverse("classes:import_confirm", args=[pk])),
        ("get", reverse("classes:student_add", args=[pk])),
        ("post", reverse("classes:student_add", args=[pk])),
        ("get", reverse("classes:student", args=[pk, student.pk])),
        ("get", reverse("classes:student_edit", args=[pk, student.pk])),
        ("post", reverse("classes:student_edit", args=[pk, student.pk])),
        ("get", reverse("classes:student_remove", args=[pk, student.pk])),
        ("post", reverse("classes:student_remove", args=[pk, student.pk])),
        ("get", reverse("classes:rules", args=[pk])),
        ("post", reverse("classes:rules", args=[pk])),
        ("post", reverse("classes:rule_delete", args=[pk, rule.pk])),
    ]


def alices_room(alice):
    classroom = make_classroom(alice, name="Alice's Room")
    make_student(classroom, name="Secretname")
    make_student(classroom, name="Ben")
    make_rule(classroom, kind="keep_apart", students=pks_of(classroom, "Secretname", "Ben"))
    return classroom


def test_another_teacher_gets_404_and_no_data_on_every_class_url(client, alice, charlie):
    classroom = alices_room(alice)
    client.force_login(charlie)
    for method, url in every_class_url(classroom):
        response = getattr(client, method)(url)
        assert response.status_code == 404, url
        assert b"Secretname" not in response.content and b"Alice" not in response.content
    listing = client.get(reverse("classes:list"))
    assert b"Alice&#x27;s Room" not in listing.content
    classroom.refresh_from_db()
    assert classroom.name == "Alice's Room" and not classroom.is_archived
    assert classroom.students.count() == 2 and classroom.rules.count() == 1


def test_signed_out_visitors_are_sent_to_sign_in(client, alice):
    classroom = alices_room(alice)
    for _, url in every_class_url(classroom):
        response = client.get(url)
        assert response.status_code in (302, 405)
        if response.status_code == 302:
            assert response.url.startswith(reverse("login"))


def test_forms_need_the_csrf_token(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post(reverse("classes:create"), {"name": "Room"})
    assert response.status_code == 403
    assert not Classroom.objects.exists()


def test_class_page_lists_each_students_choices_by_name(alice_client, alice):
    classroom = make_classroom(alice)
    ben = make_student(classroom, name="Ben")
    cy = make_student(classroom, name="Cy")
    make_student(classroom, name="Ana", choices=[cy.pk, ben.pk])
    html = alice_client.get(reverse("classes:detail", args=[classroom.pk])).content.decode()
    assert "<td>Cy, Ben</td></tr>" in html
    assert f"<td>{cy.pk}, {ben.pk}</td>" not in html
