"""The teacher may approve posts before they show; pending posts are approved or removed."""

from django.urls import reverse

from partnerup.helpboard.models import HelpPost

from .helpers import pk, post, signed_in


def _require_approval(alice_client, room, on=True):
    data = {"needs_approval": "on"} if on else {}
    return alice_client.post(reverse("helpboard:settings", args=[room.pk]), data)


def test_approval_is_off_by_default(room):
    post(signed_in(room, "Ana"), "need", "lead")
    assert HelpPost.objects.get().is_approved


def test_a_pending_need_is_not_matched_until_approved(room, alice_client):
    _require_approval(alice_client, room)
    post(signed_in(room, "Ben"), "offer", "lead")
    post(signed_in(room, "Ana"), "need", "lead")
    assert not HelpPost.objects.filter(is_approved=True).exists()
    page = alice_client.get(reverse("helpboard:board", args=[room.pk])).content.decode()
    assert "Waiting for your OK" in page
    need = HelpPost.objects.get(kind="need")
    alice_client.post(
        reverse("helpboard:approve", args=[room.pk]), {"post": need.pk, "decision": "approve"}
    )
    need.refresh_from_db()
    assert need.is_approved and need.helper_id is None  # Ben's offer is still pending
    offer = HelpPost.objects.get(kind="offer")
    alice_client.post(
        reverse("helpboard:approve", args=[room.pk]), {"post": offer.pk, "decision": "approve"}
    )
    need.refresh_from_db()
    assert need.helper_id == pk(room, "Ben")


def test_the_student_sees_a_pending_post_as_waiting_for_the_teacher(room, alice_client):
    _require_approval(alice_client, room)
    ana = signed_in(room, "Ana")
    post(ana, "need", "lead")
    assert (
        "Your teacher will look at it soon."
        in ana.get(reverse("helpboard_student:help")).content.decode()
    )


def test_the_teacher_removes_a_pending_post(room, alice_client):
    _require_approval(alice_client, room)
    post(signed_in(room, "Ana"), "need", "lead")
    need = HelpPost.objects.get()
    alice_client.post(
        reverse("helpboard:approve", args=[room.pk]), {"post": need.pk, "decision": "remove"}
    )
    assert not HelpPost.objects.exists()


def test_an_approved_post_cannot_be_removed_as_pending(room, alice_client):
    post(signed_in(room, "Ana"), "need", "lead")
    need = HelpPost.objects.get()
    response = alice_client.post(
        reverse("helpboard:approve", args=[room.pk]),
        {"post": need.pk, "decision": "remove"},
        follow=True,
    )
    assert "That is not on the board any more." in response.content.decode()
    assert HelpPost.objects.exists()


def test_switching_approval_off_again(room, alice_client):
    _require_approval(alice_client, room)
    _require_approval(alice_client, room, on=False)
    post(signed_in(room, "Ana"), "need", "lead")
    assert HelpPost.objects.get().is_approved
