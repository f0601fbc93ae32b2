import pytest
from django.urls import reverse

from partnerup.schools import services
from partnerup.schools.models import Invitation


def invitation_to(room, bob):
    return Invitation.objects.create(classroom=room, invitee=bob, invited_by=room.teacher)


def test_the_invitee_sees_the_invitation_on_their_class_list(bob_client, room, bob):
    invitation_to(room, bob)
    page = bob_client.get(reverse("classes:list")).content.decode()
    assert "alice invites you to co-teach Room 12." in page
    assert "Accept" in page and "Decline" in page


def test_accepting_makes_the_invitee_a_co_teacher(bob_client, room, bob):
    invitation = invitation_to(room, bob)
    response = bob_client.post(reverse("invitations:accept", args=[invitation.pk]), follow=True)
    assert "You now co-teach Room 12." in response.content.decode()
    assert list(room.co_teachers.all()) == [bob]
    assert not Invitation.objects.exists()
    assert "co-teaching with alice" in bob_client.get(reverse("classes:list")).content.decode()


def test_declining_leaves_the_class_as_it_was(bob_client, room, bob):
    invitation = invitation_to(room, bob)
    bob_client.post(reverse("invitations:decline", args=[invitation.pk]))
    assert not room.co_teachers.exists() and not Invitation.objects.exists()


def test_accepting_an_invitation_withdrawn_meanwhile_is_refused_plainly(room, bob):
    invitation = invitation_to(room, bob)
    Invitation.objects.filter(pk=invitation.pk).delete()
    with pytest.raises(services.RoleRefused, match="This invitation is no longer open."):
        services.accept(invitation)
    assert not room.co_teachers.exists()


def test_someone_else_cannot_answer_the_invitation(alice_client, room, bob):
    invitation = invitation_to(room, bob)
    assert alice_client.post(reverse("invitations:accept", args=[invitation.pk])).status_code == 404
    assert Invitation.objects.exists() and not room.co_teachers.exists()
