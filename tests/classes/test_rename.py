"""Renaming a student changes one row: rules, classmates' choices and stored plans
refer to the student by id, so they all follow the new name."""

import re

import pytest
from django.urls import reverse

from partnerup.classes.keys import KEY_CLOSE, KEY_OPEN, student_key
from partnerup.classes.services import class_roster, rule_clashes

from .factories import make_classroom, make_rule, make_student


@pytest.fixture
def room(alice):
    """Six writers; Ben and Jayden are kept apart; Ana's first choice is Jayden."""
    classroom = make_classroom(alice)
    for name in ("Ben", "Jayden", "Cy", "Di", "Eve"):
        make_student(classroom, name=name, level=2)
    jayden = classroom.students.get(name="Jayden")
    make_student(classroom, name="Ana", level=2, choices=[jayden.pk])
    ben = classroom.students.get(name="Ben")
    make_rule(classroom, kind="keep_apart", students=[ben.pk, jayden.pk])
    return classroom


def rename(client, student, new_name):
    response = client.post(
        reverse("classes:student_edit", args=[student.classroom_id, student.pk]),
        {"name": new_name, "level": "2", "talk": "balanced"},
    )
    assert response.status_code == 302, response.content.decode()


def generate(client, classroom):
    data = {
        "strategy": "purposeful",
        "level": "similar",
        "talk": "complement",
        "threes": "on",
        "floaters": 0,
        **{f"w_{n}": 2 for n in ("choices", "interests", "same_goal", "strength_meets_goal")},
        **{f"w_{n}": 2 for n in ("level", "talk", "language")},
    }
    response = client.post(reverse("plans:generate", args=[classroom.pk]), data)
    assert response.status_code == 302
    return response.url


def old_name_left(html: str) -> list[str]:
    """Each place the page still says plain "Jayden" rather than "Jayden K."."""
    return re.findall(r".{0,40}Jayden(?! K\.).{0,40}", html)


def test_renaming_changes_one_row_and_keeps_the_id(alice_client, room):
    jayden = room.students.get(name="Jayden")
    others = list(room.students.exclude(pk=jayden.pk).order_by("pk").values())
    rename(alice_client, jayden, "Jayden K.")
    jayden.refresh_from_db()
    assert jayden.name == "Jayden K." and jayden.name_key == "jayden k."
    assert list(room.students.exclude(pk=jayden.pk).order_by("pk").values()) == others


def test_a_keep_apart_rule_still_binds_after_a_rename(alice_client, room):
    ben, jayden = room.students.get(name="Ben"), room.students.get(name="Jayden")
    rename(alice_client, jayden, "Jayden K.")
    _, rules = class_roster(room)
    assert [(r.kind, set(r.students)) for r in rules] == [
        ("keep_apart", {student_key(ben.pk), student_key(jayden.pk)})
    ]
    clashes = rule_clashes(room, "keep_together", [ben.pk, jayden.pk])
    assert clashes and all("Jayden K." in clash for clash in clashes)
    assert all(KEY_OPEN not in clash and KEY_CLOSE not in clash for clash in clashes)


def test_the_rules_page_shows_the_new_name(alice_client, room):
    rename(alice_client, room.students.get(name="Jayden"), "Jayden K.")
    html = alice_client.get(reverse("classes:rules", args=[room.pk])).content.decode()
    assert "Keep apart: Ben, Jayden K." in html
    assert not old_name_left(html)


def test_a_classmates_choices_show_the_new_name(alice_client, room):
    jayden = room.students.get(name="Jayden")
    ana = room.students.get(name="Ana")
    rename(alice_client, jayden, "Jayden K.")
    html = alice_client.get(reverse("classes:student", args=[room.pk, ana.pk])).content.decode()
    link = f'<a href="{reverse("classes:student", args=[room.pk, jayden.pk])}">Jayden K.</a>'
    assert f'<ol class="ranked"><li>{link}</li></ol>' in html
    assert not old_name_left(html)


def test_a_student_added_later_with_the_old_name_does_not_inherit_the_rule(alice_client, room):
    ben, jayden = room.students.get(name="Ben"), room.students.get(name="Jayden")
    rename(alice_client, jayden, "Jayden K.")
    response = alice_client.post(
        reverse("classes:student_add", args=[room.pk]), {"name": "Jayden", "talk": "balanced"}
    )
    assert response.status_code == 302
    newcomer = room.students.get(name="Jayden")
    assert newcomer.pk != jayden.pk
    assert room.rules.get().students == [ben.pk, jayden.pk]
    _, rules = class_roster(room)
    assert all(student_key(newcomer.pk) not in r.students for r in rules)
    assert rule_clashes(room, "keep_together", [ben.pk, newcomer.pk]) == []
    ana = room.students.get(name="Ana")
    assert ana.choices == [jayden.pk]


def test_the_draft_plan_board_shows_the_new_name(alice_client, room):
    board = generate(alice_client, room)
    before = alice_client.get(board).content.decode()
    assert old_name_left(before)
    rename(alice_client, room.students.get(name="Jayden"), "Jayden K.")
    html = alice_client.get(board).content.decode()
    assert "Jayden K." in html
    assert not old_name_left(html)
    assert KEY_OPEN not in html and KEY_CLOSE not in html
