"""The teacher's board and the projector: needs, how long they waited, their helper."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partnerup.helpboard.models import HelpPost
from tests.classes.factories import make_classroom, make_student

from .helpers import post, signed_in


def _board_with_a_match(room):
    post(signed_in(room, "Ben"), "offer", "punctuation")
    post(signed_in(room, "Ana"), "need", "punctuation")
    HelpPost.objects.filter(kind="need").update(created=timezone.now() - timedelta(minutes=12))


def test_the_board_shows_the_need_its_wait_and_its_helper(room, alice_client):
    _board_with_a_match(room)
    page = alice_client.get(reverse("helpboard:board", args=[room.pk])).content.decode()
    assert "waiting 12 min" in page
    row = page[page.index("<td>Ana</td>") :]
    assert "punctuation" in row and "Ben" in row[: row.index("</tr>")]


def test_the_projector_shows_the_match_and_refreshes_itself(room, alice_client):
    _board_with_a_match(room)
    page = alice_client.get(reverse("helpboard:projector", args=[room.pk])).content.decode()
    assert "→ Ben" in page and 'hx-trigger="every 2s"' in page


def test_the_teacher_closes_a_need(room, alice_client):
    _board_with_a_match(room)
    need = HelpPost.objects.get(kind="need")
    alice_client.post(reverse("helpboard:close", args=[room.pk]), {"post": need.pk})
    need.refresh_from_db()
    assert need.closed is not None
    page = alice_client.get(reverse("helpboard:board", args=[room.pk])).content.decode()
    assert "Nobody needs help right now." in page


def test_the_teacher_cannot_close_another_class_post(room, alice_client, charlie, client):
    _board_with_a_match(room)
    need = HelpPost.objects.get(kind="need")
    client.force_login(charlie)
    theirs = make_classroom(charlie, name="Charlie's room")
    client.post(reverse("helpboard:close", args=[theirs.pk]), {"post": need.pk})
    need.refresh_from_db()
    assert need.closed is None


def test_the_board_reads_a_full_class_in_few_queries(room, alice_client):
    for n in range(32):
        make_student(room, name=f"Kid {n}")
    kids = list(room.students.all())
    for n, kid in enumerate(kids):
        kind = "need" if n % 2 else "offer"
        HelpPost.objects.create(classroom=room, student=kid, kind=kind, skill="lead")
    alice_client.get(reverse("helpboard:board", args=[room.pk]))  # settles the matches
    with CaptureQueriesContext(connection) as queries:
        response = alice_client.get(reverse("helpboard:board", args=[room.pk]))
    assert response.status_code == 200
    assert len(queries) <= 15
    assert HelpPost.objects.filter(kind="need", helper__isnull=False).count() == 18
