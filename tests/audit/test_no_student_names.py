"""No student's name is ever written to the activity record, whatever page is opened."""

import re

import pytest
from django.urls import reverse

from partnerup.audit.models import AuditEntry
from partnerup.classes.models import Classroom
from tests.test_scoping import (  # noqa: F401 (a fixture)
    STUDENT_PAGES,
    _a_busy_day,
    alice_world,
    every_named_url,
)

pytestmark = pytest.mark.django_db
TEXT_FIELDS = ("class_name", "actor_label", "action", "page", "what", "address", "request_id")


def test_a_busy_day_and_every_class_page_leave_no_student_name_in_the_record(
    alice_client,
    alice_world,  # noqa: F811
):
    ben = _a_busy_day(alice_client, alice_world)
    for name, arguments in every_named_url():
        if name in ("logout", "demo_sign_in", "voice:card", "accounts:delete"):
            continue
        client = ben if name.startswith(STUDENT_PAGES) else alice_client
        client.get(reverse(name, kwargs={a: alice_world[a] for a in arguments}))
    classroom = Classroom.objects.get(pk=alice_world["pk"])
    names = set(classroom.students.values_list("name", flat=True))
    written = [value for row in AuditEntry.objects.values_list(*TEXT_FIELDS) for value in row]
    assert len(written) >= 50 * len(TEXT_FIELDS)  # the walk was recorded
    words = {word for value in written for word in re.findall(r"\w+", value)}
    assert not words & {part for name in names for part in re.findall(r"\w+", name)}
