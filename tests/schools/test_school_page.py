from django.urls import reverse

from partnerup.schools.models import Invitation, SchoolTeacher

from .factories import make_teacher


def test_the_school_page_lists_its_teachers_and_every_class(sam_client, co_taught, lincoln):
    page = sam_client.get(reverse("schools:index")).content.decode()
    assert "Lincoln Elementary" in page
    for words in ("alice", "bob", "sam", "school admin", "Room 12"):
        assert words in page, words
    assert "<td>2</td>" in page  # Room 12's students


def test_an_archived_class_is_marked_archived(sam_client, room, lincoln):
    room.is_archived = True
    room.save()
    page = sam_client.get(reverse("schools:index")).content.decode()
    assert 'class="badge">archived' in page


def test_a_class_owned_outside_the_school_is_not_listed(sam_client, lincoln, room, alice):
    SchoolTeacher.objects.filter(user=alice).delete()
    assert "Room 12" not in sam_client.get(reverse("schools:index")).content.decode()


def test_a_teacher_who_is_not_an_admin_gets_404(alice_client, lincoln):
    assert alice_client.get(reverse("schools:index")).status_code == 404


def test_the_admin_invites_a_teacher_who_accepts_and_joins(sam_client, lincoln, client):
    dana = make_teacher("dana")
    sam_client.post(reverse("schools:index"), {"who": "dana@example.org"})
    invitation = Invitation.objects.get(school=lincoln)
    client.force_login(dana)
    assert "sam invites you to join Lincoln Elementary." in client.get("/classes/").content.decode()
    client.post(reverse("invitations:accept", args=[invitation.pk]))
    assert SchoolTeacher.objects.get(user=dana).school == lincoln


def test_a_teacher_of_another_school_cannot_be_invited(sam_client, lincoln):
    from .factories import make_school

    make_school("Washington Elementary", teachers=[make_teacher("erin")])
    response = sam_client.post(reverse("schools:index"), {"who": "erin"})
    assert response.status_code == 400
    assert "erin already belongs to a school." in response.content.decode()
    assert not Invitation.objects.exists()


def test_an_unknown_teacher_gets_the_plain_message(sam_client, lincoln):
    response = sam_client.post(reverse("schools:index"), {"who": "ghost"})
    assert "There is no account with that username or email." in response.content.decode()


def test_the_admin_withdraws_a_school_invitation(sam_client, lincoln, sam):
    dana = make_teacher("dana")
    invitation = Invitation.objects.create(school=lincoln, invitee=dana, invited_by=sam)
    sam_client.post(reverse("schools:withdraw", args=[invitation.pk]))
    assert not Invitation.objects.exists()
