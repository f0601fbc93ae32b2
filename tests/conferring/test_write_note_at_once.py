"""Two tablets saving notes at the same moment, against a live server."""

import pytest
from django.urls import reverse

from partnerup.conferring.models import ConferenceNote
from tests.test_concurrency import at_once, room, tablets  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_same_form_sent_twice_at_once_records_one_note(room, tablets):  # noqa: F811
    url = reverse("conferring:note", args=[room.pk])
    ana, ben = room.students.order_by("pk").values_list("pk", flat=True)[:2]
    for n in range(4):
        data = {"students": [ana, ben], "skill": "lead", "once": f"double-tap-{n:04d}"}
        answers = at_once(
            lambda d=data: tablets[0].post(url, d), lambda d=data: tablets[1].post(url, d)
        )
        assert [status for status, _ in answers] == [200, 200]
    assert ConferenceNote.objects.count() == 8  # four notes, each to two students


def test_two_different_notes_at_once_both_land(room, tablets):  # noqa: F811
    url = reverse("conferring:note", args=[room.pk])
    pks = list(room.students.order_by("pk").values_list("pk", flat=True))
    answers = at_once(
        lambda: tablets[0].post(url, {"students": pks[0], "skill": "lead", "once": "tablet-a-01"}),
        lambda: tablets[1].post(
            url, {"students": pks[1], "skill": "ending", "once": "tablet-b-01"}
        ),
    )
    assert [status for status, _ in answers] == [200, 200]
    assert sorted(ConferenceNote.objects.values_list("student_id", "skill")) == [
        (pks[0], "lead"), (pks[1], "ending"),
    ]  # fmt: skip
