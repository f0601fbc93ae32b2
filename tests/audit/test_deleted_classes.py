"""Activity of deleted classes (audit:deleted): the record of classes the teacher deleted."""

import pytest
from django.urls import reverse

from partnerup.audit.models import AuditEntry
from partnerup.classes.models import Classroom
from tests.audit.helpers import make_entry

pytestmark = pytest.mark.django_db


def test_a_deleted_classs_record_is_shown_with_its_name(alice_client, room):
    alice_client.get(reverse("classes:export", args=[room.pk]))
    alice_client.post(reverse("classes:delete", args=[room.pk]), {"name": "Room 12"})
    html = alice_client.get(reverse("audit:deleted")).content.decode()
    assert "Room 12" in html and "class deleted" in html and "class archive" in html


def test_a_class_that_still_exists_is_not_listed(alice_client, room):
    make_entry(room, class_name="Room 12", what="class page")
    html = alice_client.get(reverse("audit:deleted")).content.decode()
    assert "class page" not in html and "Nothing recorded yet." in html


def test_another_teachers_deleted_classes_are_not_shown(client, alice, charlie):
    make_entry(class_id=999, class_name="Alice Gone Room", owner_id=alice.pk, actor_id=alice.pk)
    client.force_login(charlie)
    response = client.get(reverse("audit:deleted"))
    assert response.status_code == 200 and b"Alice Gone Room" not in response.content


def test_the_filter_by_class_keeps_only_that_class(alice_client, alice):
    for pk, name in ((998, "Room 1"), (999, "Room 2")):
        make_entry(class_id=pk, class_name=name, owner_id=alice.pk, actor_id=alice.pk)
    html = alice_client.get(reverse("audit:deleted"), {"classroom": 999}).content.decode()
    assert "<td>Room 2</td>" in html and "<td>Room 1</td>" not in html


def test_an_odd_class_filter_gets_a_plain_message(alice_client, alice):
    make_entry(class_id=998, class_name="Room 1", owner_id=alice.pk, actor_id=alice.pk)
    response = alice_client.get(reverse("audit:deleted"), {"classroom": "\x00"})
    assert (
        response.status_code == 400 and "Class: Select a valid choice" in response.content.decode()
    )


def test_the_account_section_links_to_the_page(alice_client):
    assert reverse("audit:deleted") in alice_client.get(reverse("classes:list")).content.decode()


def test_the_record_outlives_the_deleted_account(alice_client, alice, room):
    alice_client.get(reverse("workshop:history", args=[room.pk]))
    confirm = {"username": "alice", "password": "pw-alice-123!"}
    alice_client.post(reverse("accounts:delete"), confirm)
    assert not Classroom.objects.exists()
    kept = AuditEntry.objects.order_by("pk").values_list("class_name", "actor_label", "what")
    assert list(kept) == [
        ("Room 12", "alice", "workshop history"), ("Room 12", "alice", "account deleted"),
    ]  # fmt: skip


def test_the_page_needs_sign_in(client):
    response = client.get(reverse("audit:deleted"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
