"""Requests at the same moment against a live server, each on its own thread and
database connection (SQLite in a file, or PostgreSQL): every one is recorded once."""

import pytest
from django.urls import reverse

from partnerup.audit.models import AuditEntry
from partnerup.demo import example_roster
from tests.classes.factories import load_class, make_classroom
from tests.test_concurrency import Tablet, at_once

pytestmark = pytest.mark.django_db(transaction=True)
ROUNDS = 4
PAGES = ("classes:detail", "classes:rules", "workshop:history")


@pytest.fixture
def rooms(alice, bob):
    return [
        load_class(make_classroom(t, name=f"{t} room"), *example_roster()) for t in (alice, bob)
    ]


@pytest.fixture
def two_teachers(live_server, alice, bob):
    return Tablet(live_server.url, alice), Tablet(live_server.url, bob)


def test_two_teachers_changing_their_classes_at_once_are_both_recorded(two_teachers, rooms):
    for round_ in range(ROUNDS):
        answers = at_once(
            *(
                lambda t=tablet, r=room, n=round_: t.post(
                    reverse("classes:rename", args=[r.pk]),
                    {"name": f"{r.name} {n}", "name_display": "full"},
                    htmx=False,
                )
                for tablet, room in zip(two_teachers, rooms, strict=True)
            )
        )
        assert [status for status, _ in answers] == [200, 200], answers  # redirects followed
    for room in rooms:
        changes = AuditEntry.objects.filter(class_id=room.pk, action="changed")
        assert list(changes.values_list("actor_id", flat=True)) == [room.teacher_id] * ROUNDS


def test_two_teachers_opening_pages_at_once_each_record_their_views(two_teachers, rooms):
    for page in PAGES:
        first, second = (reverse(page, args=[room.pk]) for room in rooms)
        answers = at_once(
            lambda url=first: two_teachers[0].get(url), lambda url=second: two_teachers[1].get(url)
        )
        assert [status for status, _ in answers] == [200, 200]
    for room in rooms:
        views = AuditEntry.objects.filter(
            class_id=room.pk, actor_id=room.teacher_id, action="viewed"
        )
        assert sorted(views.values_list("page", flat=True)) == sorted(PAGES)


def test_one_page_opened_on_two_tablets_at_once_is_one_view(live_server, alice, rooms):
    tablets = [Tablet(live_server.url, alice), Tablet(live_server.url, alice)]
    url = reverse("classes:detail", args=[rooms[0].pk])
    for _ in range(ROUNDS):
        answers = at_once(lambda: tablets[0].get(url), lambda: tablets[1].get(url))
        assert [status for status, _ in answers] == [200, 200]
    assert AuditEntry.objects.filter(page="classes:detail").count() == 1
