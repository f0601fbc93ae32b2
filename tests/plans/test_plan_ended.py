from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.plans.test_plans import draft_of, generate, room12  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def save(client, classroom, ends):
    plan = draft_of(classroom)
    client.post(
        reverse("plans:save", args=[classroom.pk, plan.pk]),
        {"name": "Unit 1", "ends": ends.isoformat()},
    )


def pages(client, classroom):
    return [
        client.get(reverse(name, args=[classroom.pk])).content.decode()
        for name in ("classes:detail", "plans:index", "workshop:today")
    ]


def test_a_current_plan_that_ended_says_so_on_the_class_plans_and_today(alice_client, room12):  # noqa: F811
    generate(alice_client, room12)
    ended = timezone.localdate() - timedelta(days=30)
    save(alice_client, room12, ended)
    for page in pages(alice_client, room12):
        assert f"ended on {ended:%B} {ended.day}" in page


def test_a_current_plan_still_running_shows_no_warning(alice_client, room12):  # noqa: F811
    generate(alice_client, room12)
    save(alice_client, room12, timezone.localdate())
    assert not any("plan-ended" in page for page in pages(alice_client, room12))
