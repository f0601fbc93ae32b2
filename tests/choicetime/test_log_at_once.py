"""Two tablets keep the same choice-time pair at the same moment: it is kept once."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.classes.factories import make_classroom, make_student
from tests.test_concurrency import ROUNDS, Tablet, at_once

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_same_pair_sent_twice_at_once_is_kept_once(live_server, alice):
    room = make_classroom(alice)
    pks = [make_student(room, name=f"S{n}").pk for n in range(2 * ROUNDS)]
    tablets = Tablet(live_server.url, alice), Tablet(live_server.url, alice)
    url = reverse("choicetime:log", args=[room.pk])
    today = timezone.localdate().isoformat()
    for n in range(ROUNDS):
        pair = {"students": pks[2 * n : 2 * n + 2], "date": today}
        answers = at_once(*(lambda t=t, p=pair: t.post(url, p, htmx=False) for t in tablets))
        assert [status for status, _ in answers] == [200, 200]  # both redirected to the list
    kept = [sorted(e.students.values_list("pk", flat=True)) for e in room.choice_time.all()]
    assert sorted(kept) == [pks[2 * n : 2 * n + 2] for n in range(ROUNDS)]
