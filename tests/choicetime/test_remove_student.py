"""Removing a student from the class: their choice-time entries are named first, then
a pair they were in goes and a three they were in keeps the other two."""

import pytest
from django.urls import reverse

from tests.choicetime.test_log import entries, log, pks

pytestmark = pytest.mark.django_db


def test_removing_a_student_says_what_goes_then_forgets_them(alice_client, room):
    log(alice_client, room, ["Ana", "Ben"])
    log(alice_client, room, ["Ana", "Cy", "Di"])
    log(alice_client, room, ["Cy", "Eva"])
    (ana,) = pks(room, "Ana")
    url = reverse("classes:student_remove", args=[room.pk, ana])
    assert "2 choice-time entries" in alice_client.get(url).content.decode()
    assert alice_client.post(url).status_code == 302
    assert sorted(entries(room)) == [["Cy", "Di"], ["Cy", "Eva"]]
