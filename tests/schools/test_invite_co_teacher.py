from django.urls import reverse

from partnerup.schools.models import Invitation


def invite(client, room, who):
    return client.post(reverse("teachers:index", args=[room.pk]), {"who": who})


def test_the_owner_invites_a_co_teacher_by_username(alice_client, room, bob):
    response = invite(alice_client, room, "bob")
    assert response.status_code == 302
    assert Invitation.objects.get(classroom=room).invitee == bob
    assert not room.co_teachers.exists()  # not before bob accepts


def test_the_owner_invites_a_co_teacher_by_email_in_any_case(alice_client, room, bob):
    invite(alice_client, room, "  BOB@example.org ")
    assert Invitation.objects.get(classroom=room).invitee == bob


def test_no_account_gets_a_plain_message_and_no_invitation(alice_client, room):
    response = invite(alice_client, room, "nobody@example.org")
    assert response.status_code == 400
    assert "There is no account with that username or email." in response.content.decode()
    assert not Invitation.objects.exists()


def test_inviting_twice_or_inviting_a_teacher_of_the_class_is_refused(alice_client, room, bob):
    invite(alice_client, room, "bob")
    again = invite(alice_client, room, "bob")
    assert "bob is already invited." in again.content.decode()
    yourself = invite(alice_client, room, "alice")
    assert "alice already teaches this class." in yourself.content.decode()
    assert Invitation.objects.count() == 1


def test_odd_input_gets_a_plain_message(alice_client, room):
    for odd in ("", "a\x00b", "x" * 300, "\u202ebob"):
        response = invite(alice_client, room, odd)
        assert response.status_code == 400, odd
        assert b'class="errorlist' in response.content, odd
    assert not Invitation.objects.exists()


def test_the_owner_withdraws_an_invitation(alice_client, room, bob):
    invite(alice_client, room, "bob")
    invitation = Invitation.objects.get()
    alice_client.post(reverse("teachers:withdraw", args=[room.pk, invitation.pk]))
    assert not Invitation.objects.exists()


def test_withdrawing_twice_says_it_is_no_longer_open(alice_client, room, bob):
    invite(alice_client, room, "bob")
    url = reverse("teachers:withdraw", args=[room.pk, Invitation.objects.get().pk])
    alice_client.post(url)
    assert alice_client.post(url).status_code == 404
