"""The class's activity record page (audit:activity), its filters and its CSV (audit:export)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from partnerup.audit.models import AuditEntry
from tests.audit.helpers import make_entry, recorded

pytestmark = pytest.mark.django_db


def page_of(client, room, **query):
    return client.get(reverse("audit:activity", args=[room.pk]), query)


def test_the_owner_sees_the_record_newest_first(alice_client, room):
    make_entry(room, what="class page", at=datetime(2026, 9, 14, 13, 0, tzinfo=UTC))
    make_entry(
        room, what="plan CSV", action="exported", at=datetime(2026, 9, 15, 13, 0, tzinfo=UTC)
    )
    html = page_of(alice_client, room).content.decode()
    assert html.index("plan CSV") < html.index("class page")


def test_times_are_shown_in_the_schools_time_zone(alice_client, room, settings):
    settings.TIME_ZONE = "America/New_York"
    make_entry(room, at=datetime(2026, 9, 15, 13, 5, tzinfo=UTC))
    html = page_of(alice_client, room).content.decode()
    assert "15 Sep 2026, 09:05" in html


def test_a_student_appears_by_number_and_a_card_as_a_student(alice_client, room):
    ana = room.students.get(name="Ana")
    make_entry(
        room, actor_id=None, actor_label="student card", student_id=ana.pk, what="student: want ad"
    )
    html = page_of(alice_client, room).content.decode()
    assert f"student: want ad (student #{ana.pk})" in html
    assert "a student (sign-in card)" in html


def test_the_settings_page_links_to_the_record(alice_client, room):
    html = alice_client.get(reverse("classes:rename", args=[room.pk])).content.decode()
    assert reverse("audit:activity", args=[room.pk]) in html


def test_another_teacher_gets_not_found(client, charlie, room):
    make_entry(room)
    client.force_login(charlie)
    for name in ("audit:activity", "audit:export"):
        response = client.get(reverse(name, args=[room.pk]))
        assert response.status_code == 404
        assert b"Room 12" not in response.content


def test_the_filter_by_action_keeps_only_that_action(alice_client, room):
    make_entry(room, what="class page")
    make_entry(room, what="plan CSV", action="exported")
    html = page_of(alice_client, room, action="exported").content.decode()
    assert "plan CSV" in html and "class page" not in html


def test_the_filter_by_teacher_keeps_only_their_entries(alice_client, room):
    make_entry(room, what="class page")
    make_entry(room, what="student: want ad", actor_id=None, actor_label="student card")
    html = page_of(alice_client, room, who=room.teacher_id).content.decode()
    assert "class page" in html and "student: want ad" not in html


def test_the_filter_by_students_keeps_only_their_cards_entries(alice_client, room):
    make_entry(room, what="class page")
    make_entry(room, what="student: want ad", actor_id=None, actor_label="student card")
    html = page_of(alice_client, room, who="0").content.decode()
    assert "student: want ad" in html and "class page" not in html


@pytest.mark.parametrize("odd", ["\x00", "x" * 10_000, "-1", "1e999", "²", "someone"])
def test_an_odd_filter_gets_a_plain_message_and_the_whole_record(alice_client, room, odd):
    make_entry(room, what="class page")
    response = page_of(alice_client, room, action=odd, who=odd)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Did: Select a valid choice" in html and "class page" in html


@pytest.mark.parametrize("odd", ["0", "-3", "999", "x", "\x00"])
def test_an_odd_page_number_shows_a_page_not_an_error(alice_client, room, odd):
    make_entry(room, what="class page")
    response = page_of(alice_client, room, page=odd)
    assert response.status_code == 200 and "class page" in response.content.decode()


def test_the_record_shows_fifty_entries_a_page(alice_client, room):
    start = datetime(2026, 9, 1, tzinfo=UTC)
    make_entry(room, what="the oldest", at=start)
    for n in range(50):
        make_entry(room, request_id=f"r{n}", at=start + timedelta(minutes=n + 1))
    first = page_of(alice_client, room).content.decode()  # recorded too: 52 entries
    second = page_of(alice_client, room, page=2).content.decode()
    assert first.count("<tr><td>") == 50 and second.count("<tr><td>") == 2
    assert "Page 1 of 2" in first and "the oldest" not in first and "the oldest" in second


def test_the_page_links_keep_the_filter(alice_client, room):
    for n in range(51):
        make_entry(room, action="changed", request_id=f"r{n}")
    html = page_of(alice_client, room, action="changed").content.decode()
    assert "?action=changed&amp;page=2" in html


def test_the_csv_holds_the_record_and_its_download_is_recorded(alice_client, room):
    make_entry(room, what="class page", address="10.9.8.7")
    response = alice_client.get(reverse("audit:export", args=[room.pk]))
    lines = response.content.decode().splitlines()
    assert lines[0] == "When,Class,Who,Did,What,Student id,From address,Request id"
    assert "Room 12,alice,viewed,class page,,10.9.8.7,r1" in lines[1]
    assert recorded(action="exported") == [("exported", "audit:export")]


def test_the_csv_never_runs_a_class_name_as_a_formula(alice_client, room):
    make_entry(room, class_name="=HYPERLINK(1)")
    content = alice_client.get(reverse("audit:export", args=[room.pk])).content.decode()
    assert ",'=HYPERLINK(1)," in content


def test_viewing_the_record_is_recorded_once(alice_client, room):
    page_of(alice_client, room)
    page_of(alice_client, room)
    assert AuditEntry.objects.filter(page="audit:activity").count() == 1


def test_a_record_written_in_english_reads_in_spanish(alice_client, room):
    make_entry(room, what="Today page", action="viewed")
    url = reverse("audit:activity", args=[room.pk])
    with translation.override("en"):  # the request's Spanish ends with the test
        html = alice_client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Registro de actividad" in html and "página de Hoy" in html and "<td>vio</td>" in html
