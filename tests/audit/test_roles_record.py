"""The activity record with co-teachers, schools and the daily clean-up: the owner reads
the class's record, a co-teacher does not; the school's admin reads every class of the
school, deleted ones too; what a co-teacher, an admin and the clean-up do is recorded."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerup.audit.models import AuditEntry
from partnerup.reflections.models import Reflection
from partnerup.upkeep.retention import remove_expired_student_data
from tests.schools.factories import add_co_teacher, make_school, make_teacher

from .helpers import recorded


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def people(alice, bob):
    sam, dana = make_teacher("sam"), make_teacher("dana")
    school = make_school(admins=[sam], teachers=[alice, dana])
    return {"school": school, "sam": sam, "dana": dana, "bob": bob}


def test_a_co_teachers_view_is_recorded_under_their_own_name(room, bob):
    add_co_teacher(room, bob)
    assert signed_in(bob).get(reverse("workshop:today", args=[room.pk])).status_code == 200
    assert AuditEntry.objects.get(page="workshop:today").actor_label == "bob"


def test_the_owner_reads_the_record_and_a_co_teacher_is_told_only_the_owner_can(
    room, bob, alice_client
):
    add_co_teacher(room, bob)
    url = reverse("audit:activity", args=[room.pk])
    assert alice_client.get(url).status_code == 200
    refused = signed_in(bob).get(url)
    assert refused.status_code == 403
    assert b"Only the owner" in refused.content
    assert signed_in(bob).get(reverse("audit:export", args=[room.pk])).status_code == 403


def test_entries_carry_the_owners_school(room, people, alice_client):
    alice_client.get(reverse("classes:detail", args=[room.pk]))
    assert AuditEntry.objects.get(page="classes:detail").school_id == people["school"].pk


def test_the_school_admin_reads_every_class_of_the_school_even_after_it_is_deleted(
    room, people, alice_client
):
    alice_client.get(reverse("classes:detail", args=[room.pk]))
    alice_client.post(reverse("classes:delete", args=[room.pk]), {"name": room.name})
    page = signed_in(people["sam"]).get(reverse("audit:school")).content.decode()
    assert "class page" in page and "class deleted" in page and "Room 12" in page


def test_a_class_that_joins_the_school_later_shows_its_earlier_entries(room, alice, bob):
    signed_in(alice).get(reverse("classes:detail", args=[room.pk]))  # no school yet
    sam = make_teacher("sam")
    make_school(admins=[sam], teachers=[alice])
    assert "class page" in signed_in(sam).get(reverse("audit:school")).content.decode()


def test_another_schools_admin_and_a_plain_teacher_see_no_school_record(room, people, alice):
    signed_in(alice).get(reverse("classes:detail", args=[room.pk]))
    other_admin = make_teacher("otto")
    make_school("Other School", admins=[other_admin])
    page = signed_in(other_admin).get(reverse("audit:school")).content.decode()
    assert "Room 12" not in page
    assert signed_in(people["dana"]).get(reverse("audit:school")).status_code == 404


def test_the_school_admins_overview_and_hand_over_are_recorded(room, people, alice):
    admin = signed_in(people["sam"])
    assert admin.get(reverse("schools:class", args=[room.pk])).status_code == 200
    data = {"new_owner": people["dana"].pk, "seen_owner": alice.pk, "keep_old_owner": "on"}
    admin.post(reverse("schools:hand_over", args=[room.pk]), data)
    assert recorded(actor_label="sam") == [
        ("viewed", "schools:class"),
        ("changed", "schools:hand_over"),
    ]


def test_deleting_an_account_records_only_the_classes_it_owned(room, bob, alice):
    bobs_class = room.__class__.objects.create(teacher=bob, name="Bob's Room")
    add_co_teacher(bobs_class, alice)
    client = signed_in(alice)
    client.post(reverse("accounts:delete"), {"username": "alice", "password": "pw-alice-123!"})
    deleted = AuditEntry.objects.filter(action="deleted", page="accounts:delete")
    assert list(deleted.values_list("class_id", flat=True)) == [room.pk]


def test_the_daily_clean_up_is_recorded_without_a_name(room, alice):
    ana = room.students.get(name="Ana")
    Reflection.objects.create(student=ana, on=dt.date(2026, 9, 1), comfortable=1, partner_helped=1)
    room.set_archived(True, timezone.now() - dt.timedelta(days=61))
    room.save()
    remove_expired_student_data(timezone.now())
    entry = AuditEntry.objects.get(page="upkeep:retention")
    assert (entry.action, entry.actor_label) == ("deleted", "daily clean-up")
    assert entry.class_id == room.pk
    page = signed_in(alice).get(reverse("audit:activity", args=[room.pk])).content.decode()
    assert "the daily clean-up" in page and "Ana" not in page
