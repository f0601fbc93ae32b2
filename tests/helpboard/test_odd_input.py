"""Odd input to the help board's forms (student and teacher): a plain answer, never a
server error, and nothing changed."""

from django.urls import reverse

from partnerup.helpboard.models import HelpPost
from tests.test_fuzz_forms import ODD_VALUES

from .helpers import post, signed_in


def test_odd_values_in_every_student_field_change_nothing(room):
    ana = signed_in(room, "Ana")
    post(ana, "need", "lead")
    for value in ODD_VALUES:
        for data in ({"kind": value, "skill": value}, {"kind": "need", "skill": value}):
            assert ana.post(reverse("helpboard_student:help"), data).status_code == 400
        assert ana.post(reverse("helpboard_student:close"), {"post": value}).status_code == 302
    assert HelpPost.objects.filter(closed__isnull=True).count() == 1


def test_odd_values_in_every_teacher_field_change_nothing(room, alice_client):
    post(signed_in(room, "Ana"), "need", "lead")
    for value in ODD_VALUES:
        for name, data in (
            ("helpboard:approve", {"post": value, "decision": value}),
            ("helpboard:close", {"post": value}),
            ("helpboard:settings", {"needs_approval": value}),
        ):
            response = alice_client.post(reverse(name, args=[room.pk]), data)
            assert response.status_code == 302, (name, value)
    assert HelpPost.objects.filter(closed__isnull=True, is_approved=True).count() == 1
