"""What a teacher's requests record: one middleware, every class URL."""

import logging
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerup.audit import pages, recording
from partnerup.audit.models import AuditEntry
from partnerup.classes.models import Classroom
from tests.audit.helpers import recorded
from tests.classes.factories import pk_of

pytestmark = pytest.mark.django_db


def test_opening_today_records_who_viewed_it_from_where(alice_client, alice, room):
    alice_client.get(reverse("workshop:today", args=[room.pk]), REMOTE_ADDR="10.1.2.3")
    entry = AuditEntry.objects.get()
    assert (entry.class_id, entry.class_name, entry.owner_id) == (room.pk, "Room 12", alice.pk)
    assert (entry.actor_id, entry.actor_label) == (alice.pk, "alice")
    assert (entry.action, entry.page, entry.what) == ("viewed", "workshop:today", "Today page")
    assert entry.address == "10.1.2.3" and entry.school_id is None


def test_the_entry_carries_the_requests_id(alice_client, room):
    response = alice_client.get(reverse("classes:detail", args=[room.pk]))
    assert AuditEntry.objects.get().request_id == response["X-Request-ID"]


def test_views_of_one_page_within_ten_minutes_are_recorded_once(alice_client, room):
    for _ in range(5):
        alice_client.get(reverse("workshop:today", args=[room.pk]))
        alice_client.get(reverse("workshop:today", args=[room.pk]), HTTP_HX_REQUEST="true")
    assert recorded() == [("viewed", "workshop:today")]


def test_a_view_in_the_next_ten_minutes_is_recorded_again(alice_client, room, monkeypatch):
    alice_client.get(reverse("workshop:today", args=[room.pk]))
    later = timezone.now() + timedelta(minutes=recording.VIEW_WINDOW_SECONDS // 60)
    monkeypatch.setattr(recording.timezone, "now", lambda: later)
    alice_client.get(reverse("workshop:today", args=[room.pk]))
    assert recorded() == [("viewed", "workshop:today")] * 2


def test_two_students_profiles_are_two_views(alice_client, room):
    for name in ("Ana", "Ben"):
        alice_client.get(reverse("classes:student", args=[room.pk, pk_of(room, name)]))
    assert list(AuditEntry.objects.order_by("pk").values_list("student_id", flat=True)) == [
        pk_of(room, "Ana"), pk_of(room, "Ben"),
    ]  # fmt: skip


def test_a_change_records_changed(alice_client, room):
    alice_client.post(
        reverse("classes:rename", args=[room.pk]), {"name": "Room 14", "name_display": "full"}
    )
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.what, entry.class_name) == ("changed", "class settings", "Room 14")


def test_every_change_is_recorded_not_coalesced(alice_client, planned_room):
    url = reverse("workshop:absent", args=[planned_room.pk])
    for name in ("Ana", "Ben"):
        student = pk_of(planned_room, name)
        response = alice_client.post(
            url, {"student": student, "absent": "yes"}, HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 200
    assert recorded(action="changed") == [("changed", "workshop:absent")] * 2


def test_downloading_the_class_records_an_export(alice_client, room):
    alice_client.get(reverse("classes:export", args=[room.pk]))
    assert recorded() == [("exported", "classes:export")]


def test_a_refused_change_records_nothing(alice_client, room):
    response = alice_client.post(reverse("classes:delete", args=[room.pk]), {"name": "wrong"})
    assert response.status_code == 400
    assert recorded() == []


def test_another_teachers_try_records_nothing(client, charlie, room):
    client.force_login(charlie)
    assert client.get(reverse("workshop:today", args=[room.pk])).status_code == 404
    assert recorded() == []


def test_signed_out_visits_record_nothing(client, room):
    client.get(reverse("workshop:today", args=[room.pk]))
    assert recorded() == []


def test_deleting_a_class_records_its_id_and_name(alice_client, alice, room):
    pk = room.pk
    alice_client.post(reverse("classes:delete", args=[pk]), {"name": "Room 12"})
    assert not Classroom.objects.filter(pk=pk).exists()
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.what, entry.class_id, entry.class_name) == (
        "deleted", "class deleted", pk, "Room 12",
    )  # fmt: skip
    assert entry.owner_id == alice.pk


def test_removing_a_student_records_a_deletion_with_their_id_only(alice_client, room):
    ana = pk_of(room, "Ana")
    alice_client.post(reverse("classes:student_remove", args=[room.pk, ana]))
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.what, entry.student_id) == ("deleted", "student removed", ana)


def test_deleting_the_account_records_each_class_and_leaves_the_record(alice_client, alice, room):
    other = Classroom.objects.create(teacher=alice, name="Room 13")
    alice_client.get(reverse("workshop:today", args=[room.pk]))
    alice_client.post(
        reverse("accounts:delete"), {"username": "alice", "password": "pw-alice-123!"}
    )
    assert not Classroom.objects.exists()
    assert sorted(AuditEntry.objects.values_list("class_id", "action", "what")) == sorted([
        (room.pk, "viewed", "Today page"),
        (room.pk, "deleted", "account deleted"),
        (other.pk, "deleted", "account deleted"),
    ])  # fmt: skip


def test_the_record_of_a_deleted_class_is_kept(alice_client, room):
    alice_client.get(reverse("workshop:today", args=[room.pk]))
    alice_client.get(reverse("classes:export", args=[room.pk]))
    alice_client.post(reverse("classes:delete", args=[room.pk]), {"name": "Room 12"})
    assert recorded(class_id=room.pk) == [
        ("viewed", "workshop:today"), ("exported", "classes:export"), ("deleted", "classes:delete"),
    ]  # fmt: skip


def test_restoring_a_class_records_it_under_the_new_class(alice_client, room):
    from tests.classes.test_export import export, restore

    restore(alice_client, export(alice_client, room))
    restored = Classroom.objects.exclude(pk=room.pk).get()
    assert recorded(class_id=restored.pk) == [("restored", "classes:restore")]


def test_a_students_change_is_recorded_as_their_card(client, room):
    from partnerup.voice.models import SignInCard

    ana = room.students.get(name="Ana")
    client.get(reverse("voice:card", args=[SignInCard.objects.create(student=ana).token]))
    client.post(reverse("voice:ad"), {"want1": "listens", "sentence": "Hi"})
    entry = AuditEntry.objects.get()
    assert (entry.actor_id, entry.actor_label, entry.student_id) == (None, "student card", ana.pk)
    assert (entry.class_id, entry.action, entry.page) == (room.pk, "changed", "voice:ad")


def test_a_failure_to_record_is_logged_and_the_page_still_answers(
    alice_client, room, monkeypatch, caplog
):
    def broken(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(recording, "write", broken)
    with caplog.at_level(logging.ERROR, logger="partnerup.audit.recording"):
        response = alice_client.get(reverse("workshop:today", args=[room.pk]))
    assert response.status_code == 200
    assert "the activity record missed GET workshop:today" in caplog.text


def test_looking_at_the_delete_page_is_recorded_as_a_view_of_that_page(alice_client, room):
    alice_client.get(reverse("classes:delete", args=[room.pk]))
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.what) == ("viewed", "delete-the-class page")


def test_a_page_missing_from_the_table_is_described_by_its_name():
    assert pages.what_of("workshop:quiet_first_again", "changed") == "workshop: quiet first again"


def test_the_client_address_is_read_through_the_trusted_proxy(alice_client, room, settings):
    settings.PARTNERUP_TRUSTED_PROXIES = 1
    alice_client.get(
        reverse("classes:detail", args=[room.pk]),
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.44",
    )
    assert AuditEntry.objects.get().address == "192.0.2.44"


def test_the_health_check_loads_no_session_for_the_record(client, django_assert_num_queries):
    with django_assert_num_queries(1):  # the health check's own query
        client.get(reverse("healthz"), HTTP_COOKIE="sessionid=abc")
    assert recorded() == []
