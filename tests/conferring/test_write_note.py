"""A conference note in three taps: a name, a skill, Save."""

import re

import pytest

from partnerup.conferring.models import ConferenceNote
from tests.classes.factories import make_classroom, make_student, pk_of
from tests.conferring.helpers import HTMX, days_ago, partnerships, url

pytestmark = pytest.mark.django_db


def once_on(page: str) -> str:
    return re.search(r'name="once" value="([^"]+)"', page).group(1)


def test_a_note_takes_three_taps_name_skill_save(alice_client, room12):
    ana = pk_of(room12, "Ana")
    radar = alice_client.get(url("radar", room12)).content.decode()
    tap_name = f"{url('note', room12)}?students={ana}"
    assert f'hx-get="{tap_name}"' in radar  # tap 1 is on the radar
    panel = alice_client.get(tap_name, **HTMX).content.decode()
    assert 'name="skill" value="lead"' in panel and "Conference with Ana" in panel
    # Tap 2 (a skill) and tap 3 (Save) send the panel's form as it stands.
    answer = alice_client.post(
        url("note", room12), {"students": ana, "skill": "lead", "once": once_on(panel)}, **HTMX
    )
    assert answer.status_code == 200 and "Note saved for Ana." in answer.content.decode()
    note = ConferenceNote.objects.get()
    assert (note.student_id, note.skill, note.date, note.support) == (ana, "lead", days_ago(0), "")


def test_all_the_optional_parts_are_kept(alice_client, room12):
    ana = pk_of(room12, "Ana")
    alice_client.post(
        url("note", room12),
        {
            "students": ana,
            "skill": "dialogue",
            "support": "model",
            "compliment": "Your characters talk!",
            "teaching_point": "Use said",
            "next_step": "punctuation",
            "day": str(days_ago(2)),
        },
    )
    note = ConferenceNote.objects.get()
    assert (note.support, note.compliment, note.teaching_point) == (
        "model", "Your characters talk!", "Use said",
    )  # fmt: skip
    assert (note.next_step, note.date) == ("punctuation", days_ago(2))


def test_a_typed_next_step_wins_over_the_list(alice_client, room12):
    data = {"students": pk_of(room12, "Ana"), "skill": "lead", "next_step": "ending"}
    alice_client.post(url("note", room12), {**data, "next_step_typed": "  Try a list poem "})
    assert ConferenceNote.objects.get().next_step == "Try a list poem"


def test_a_partnership_note_concerns_each_member(alice_client, room12):
    pair = partnerships(room12)[0]
    panel = alice_client.get(f"{url('note', room12)}?students={pair[0]}-{pair[1]}", **HTMX)
    assert panel.content.decode().count("checked") == 2
    alice_client.post(url("note", room12), {"students": list(pair), "skill": "ending"})
    notes = ConferenceNote.objects.order_by("student_id")
    assert [n.student_id for n in notes] == sorted(pair)
    assert {n.members for n in notes} == {",".join(map(str, sorted(pair)))}


def test_the_panel_offers_the_partner_of_the_student_tapped(alice_client, room12):
    pair = partnerships(room12)[0]
    panel = alice_client.get(f"{url('note', room12)}?students={pair[0]}", **HTMX).content.decode()
    assert f'value="{pair[1]}">' in panel and f'value="{pair[0]}" checked' in panel


def test_a_double_tap_on_save_records_one_note(alice_client, room12):
    data = {"students": pk_of(room12, "Ana"), "skill": "lead", "once": "same-form-token-1"}
    first = alice_client.post(url("note", room12), data, **HTMX)
    second = alice_client.post(url("note", room12), data, **HTMX)
    assert ConferenceNote.objects.count() == 1
    assert "Note saved" in first.content.decode()
    assert "already saved" in second.content.decode()


@pytest.mark.parametrize(
    "change, says",
    [
        ({"skill": ""}, "Tap a skill."),
        ({"skill": "juggling"}, "Tap a skill from the checklist."),
        ({"students": None}, "Choose a student."),
        ({"students": "abc"}, "That student is not in this class."),
        ({"support": "shout"}, "Choose model, example, reminder or coach."),
        ({"compliment": "x" * 301}, "at most 300"),
        ({"teaching_point": "a\x07b"}, "please type it again"),
        ({"teaching_point": "a\x00b"}, "Null characters are not allowed."),
        ({"next_step_typed": "line\nbreak"}, "please type it again"),
        ({"next_step": "nope"}, "Choose a next step from the list."),
        ({"day": "2999-01-01"}, "A note cannot be for a day still to come."),
        ({"day": "2001-01-01"}, "A note can be at most a year old."),
        ({"day": "soon"}, "Type a date like 2026-09-15."),
    ],
)
def test_bad_input_is_refused_plainly_and_writes_nothing(alice_client, room12, change, says):
    data = {"students": pk_of(room12, "Ana"), "skill": "lead", **change}
    data = {key: value for key, value in data.items() if value is not None}
    answer = alice_client.post(url("note", room12), data, **HTMX)
    assert answer.status_code == 200 and says in answer.content.decode()
    assert not ConferenceNote.objects.exists()


def test_more_than_four_students_is_refused(alice_client, room12):
    five = list(room12.students.values_list("pk", flat=True)[:5])
    answer = alice_client.post(url("note", room12), {"students": five, "skill": "lead"}, **HTMX)
    assert "at most 4" in answer.content.decode() and not ConferenceNote.objects.exists()


def test_another_teachers_student_is_refused(alice_client, room12, charlie):
    theirs = make_student(make_classroom(charlie, name="Charlie's room"), name="Zed")
    data = {"students": [pk_of(room12, "Ana"), theirs.pk], "skill": "lead"}
    answer = alice_client.post(url("note", room12), data, **HTMX)
    assert "That student is not in this class." in answer.content.decode()
    assert not ConferenceNote.objects.exists()
    panel = alice_client.get(f"{url('note', room12)}?students={theirs.pk}", **HTMX).content
    assert b"Zed" not in panel


def test_another_teacher_cannot_write_a_note_in_alices_class(client, charlie, room12):
    client.force_login(charlie)
    data = {"students": pk_of(room12, "Ana"), "skill": "lead"}
    assert client.post(url("note", room12), data).status_code == 404
    assert not ConferenceNote.objects.exists()


def test_without_htmx_saving_returns_to_the_radar(alice_client, room12):
    answer = alice_client.post(
        url("note", room12), {"students": pk_of(room12, "Ana"), "skill": "lead"}
    )
    assert answer.status_code == 302 and answer.url == url("radar", room12)
    page = alice_client.get(f"{url('note', room12)}?students={pk_of(room12, 'Ana')}")
    assert page.status_code == 200 and b'name="skill"' in page.content
