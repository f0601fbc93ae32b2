import pytest
from django.urls import reverse

from partnerup.schools import services


def transfer_url(room, user):
    return reverse("teachers:transfer", args=[room.pk, user.pk])


def test_the_confirm_page_says_what_changes(alice_client, co_taught, bob):
    page = alice_client.get(transfer_url(co_taught, bob)).content.decode()
    assert "Make bob the owner of Room 12?" in page
    assert "You stay as a co-teacher" in page
    co_taught.refresh_from_db()
    assert co_taught.teacher.username == "alice"


def test_transferring_makes_the_co_teacher_the_owner_and_keeps_the_old_one(
    alice_client, co_taught, alice, bob
):
    alice_client.post(transfer_url(co_taught, bob))
    co_taught.refresh_from_db()
    assert co_taught.teacher == bob
    assert list(co_taught.co_teachers.all()) == [alice]


def test_the_old_owner_can_no_longer_delete_the_class(alice_client, co_taught, bob):
    alice_client.post(transfer_url(co_taught, bob))
    delete = reverse("classes:delete", args=[co_taught.pk])
    assert alice_client.post(delete, {"name": "Room 12"}).status_code == 403
    assert co_taught.students.count() == 2


def test_transferring_to_someone_who_is_not_a_co_teacher_is_404(alice_client, room, bob):
    assert alice_client.post(transfer_url(room, bob)).status_code == 404
    room.refresh_from_db()
    assert room.teacher.username == "alice"


def test_a_double_tap_transfers_once_and_says_why_the_second_did_nothing(co_taught, alice, bob):
    services.transfer(co_taught, alice, bob)
    with pytest.raises(services.RoleRefused, match="You no longer own this class."):
        services.transfer(co_taught, alice, bob)
    co_taught.refresh_from_db()
    assert co_taught.teacher == bob and list(co_taught.co_teachers.all()) == [alice]
