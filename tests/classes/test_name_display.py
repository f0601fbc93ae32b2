"""The class setting "Show names as": full names, or first name and last initial on
every page the teacher, the projector, print and the students see."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from partnerup import demo
from partnerup.voice.models import SignInCard
from tests.classes.factories import give_surnames, make_classroom
from tests.workshop.test_today import save_current_plan


@pytest.fixture
def room(alice_client, alice):
    classroom = make_classroom(alice, name="Room 12")
    demo.fill_with_example(classroom)
    give_surnames(classroom)
    save_current_plan(alice_client, classroom)
    return classroom


def show_as(client, classroom, style):
    return client.post(
        reverse("classes:rename", args=[classroom.pk]),
        {"name": classroom.name, "name_display": style},
    )


def teacher_pages(classroom) -> list[str]:
    pk, plan = classroom.pk, classroom.current_plan.pk
    return [
        reverse("classes:detail", args=[pk]),
        reverse("plans:show", args=[pk, plan]),
        reverse("plans:print", args=[pk, plan]),
        reverse("plans:projector", args=[pk, plan]),
        reverse("plans:export", args=[pk, plan]),
        reverse("workshop:today", args=[pk]),
        reverse("workshop:projector", args=[pk]),
        reverse("voice_teacher:cards", args=[pk]),
        reverse("voice_teacher:sheet", args=[pk]),
        reverse("voice_teacher:responses", args=[pk]),
    ]


def test_full_names_by_default(alice_client, room):
    page = alice_client.get(reverse("workshop:today", args=[room.pk])).content.decode()
    assert "Ana García" in page and "Ana Gómez" in page


def test_first_name_and_last_initial_on_every_page_and_print(alice_client, room):
    response = show_as(alice_client, room, "first_initial")
    assert response.status_code == 302
    room.refresh_from_db()
    full_names = list(room.students.values_list("name", flat=True))
    for url in teacher_pages(room):
        page = alice_client.get(url).content.decode()
        leaked = [name for name in full_names if " " in name and name in page]
        assert leaked == [], (url, leaked)
    today = alice_client.get(reverse("workshop:today", args=[room.pk])).content.decode()
    assert "Ana Ga." in today and "Ana Gó." in today, "a second letter tells the two Anas apart"
    assert "Ben L." in today or re.search(r"\b\w+ L\.", today)


def test_the_student_profile_and_its_remove_page_follow_the_setting(alice_client, room):
    show_as(alice_client, room, "first_initial")
    ana = room.students.get(name="Ana García")
    profile = alice_client.get(reverse("classes:student", args=[room.pk, ana.pk])).content
    remove = alice_client.get(reverse("classes:student_remove", args=[room.pk, ana.pk])).content
    assert b"Ana Ga." in profile and "Ana García".encode() not in profile
    assert b"Ana Ga." in remove


def test_students_never_see_a_classmates_full_name(room):
    ben = room.students.exclude(name__startswith="Ana").first()
    client = Client()
    card = SignInCard.objects.create(student=ben)
    client.get(reverse("voice:card", args=[card.token]))
    page = client.get(reverse("voice:three")).content.decode()
    assert "Ana Ga." in page and "Ana Gó." in page  # two Anas: a letter each
    others = room.students.exclude(name__startswith="Ana").exclude(pk=ben.pk)
    for student in others:
        assert student.name not in page
        assert student.name.split()[0] in page


def test_changing_the_setting_changes_no_stored_name(alice_client, room):
    before = sorted(room.students.values_list("pk", "name"))
    show_as(alice_client, room, "first_initial")
    assert sorted(room.students.values_list("pk", "name")) == before


@pytest.mark.parametrize("style", ["initials", "", "first_initial\x00", "x" * 1000])
def test_an_unknown_setting_is_refused_with_a_message(alice_client, room, style):
    response = show_as(alice_client, room, style)
    assert response.status_code == 200
    assert (
        b"Select a valid choice" in response.content
        or b"This field is required" in response.content
    )
    room.refresh_from_db()
    assert room.name_display == "full"
