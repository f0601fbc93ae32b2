import pytest
from django.urls import reverse

from partnerup.schools import services

from .factories import make_teacher


@pytest.fixture
def dana(lincoln):
    user = make_teacher("dana")
    lincoln.teachers.create(user=user)
    return user


def hand_over(client, room, new_owner, keep=True, seen=None):
    data = {"new_owner": new_owner.pk, "seen_owner": seen or room.teacher_id}
    if keep:
        data["keep_old_owner"] = "on"
    return client.post(reverse("schools:hand_over", args=[room.pk]), data, follow=True)


def test_the_confirm_page_offers_the_schools_other_teachers(sam_client, room, dana):
    page = sam_client.get(reverse("schools:hand_over", args=[room.pk])).content.decode()
    assert "Hand Room 12 to another teacher?" in page
    assert f'<option value="{dana.pk}">dana</option>' in page
    assert f'<option value="{room.teacher_id}">alice</option>' not in page


def test_handing_over_keeps_the_old_owner_as_co_teacher(sam_client, room, dana, alice):
    response = hand_over(sam_client, room, dana)
    assert "Room 12 now belongs to dana." in response.content.decode()
    room.refresh_from_db()
    assert room.teacher == dana and list(room.co_teachers.all()) == [alice]


def test_unticking_takes_the_class_from_the_old_owner(sam_client, room, dana, alice):
    hand_over(sam_client, room, dana, keep=False)
    room.refresh_from_db()
    assert room.teacher == dana and not room.co_teachers.exists()


def test_a_teacher_outside_the_school_cannot_get_the_class(sam_client, room, lincoln):
    outsider = make_teacher("olga")
    response = hand_over(sam_client, room, outsider)
    assert response.status_code == 400
    room.refresh_from_db()
    assert room.teacher.username == "alice"


def test_a_class_that_changed_hands_meanwhile_is_left_alone(room, dana, bob, alice, lincoln):
    room.co_teachers.add(bob)
    services.transfer(room, alice, bob)  # after the admin's page showed alice as owner
    with pytest.raises(services.RoleRefused, match="changed hands meanwhile"):
        services.hand_over(room, lincoln, seen_owner_pk=alice.pk, new_owner=dana, keep=True)
    room.refresh_from_db()
    assert room.teacher == bob
