"""Students added mid-unit: Today says who is on no partnership and places them in one
tap; only a student new to the plan can observe, and observing can be ended."""

import pytest

from partnerup.classes.models import Rule
from partnerup.workshop.models import Support
from tests.classes.factories import make_student, pk_of
from tests.workshop.test_today import groups, open_today, post, room12, today  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_student_added_after_looks_good_is_listed_and_placed_in_one_tap(alice_client, room12):  # noqa: F811
    open_today(alice_client, room12)
    post(alice_client, room12, "accept")
    nia = make_student(room12, name="Nia").pk
    page = open_today(alice_client, room12)
    assert "Not on a partnership today" in page and "Place Nia" in page
    assert not any(nia in g for g in groups(today(room12)))
    post(alice_client, room12, "place", student=nia)
    nia_group = next(g for g in groups(today(room12)) if nia in g)
    assert len(nia_group) >= 3
    assert "Place Nia" not in open_today(alice_client, room12)


def test_placing_keeps_the_rules_made_after_the_plan(alice_client, room12):  # noqa: F811
    open_today(alice_client, room12)
    nia = make_student(room12, name="Nia")
    everyone_else = list(room12.students.exclude(pk=nia.pk).values_list("pk", flat=True))
    kept_apart = everyone_else[: len(everyone_else) - 3]
    for pk in kept_apart:
        Rule.objects.create(classroom=room12, kind="keep_apart", students=[nia.pk, pk])
    post(alice_client, room12, "place", student=nia.pk)
    nia_group = next(g for g in groups(today(room12)) if nia.pk in g)
    assert not set(nia_group) & set(kept_apart)


def test_placing_a_student_already_placed_changes_nothing(alice_client, room12):  # noqa: F811
    open_today(alice_client, room12)
    before = today(room12).arrangement
    response = post(alice_client, room12, "place", student=pk_of(room12, "Ana"))
    assert "already has a place today" in response.content.decode()
    assert today(room12).arrangement == before


def test_only_a_student_new_to_the_plan_can_observe(alice_client, room12):  # noqa: F811
    open_today(alice_client, room12)
    ana = pk_of(room12, "Ana")
    response = post(alice_client, room12, "observe", student=ana, days="3")
    assert "Only a student new to the plan can observe" in response.content.decode()
    assert not Support.objects.filter(student_id=ana).exists()


def test_an_observer_can_stop_observing(alice_client, room12):  # noqa: F811
    nia = make_student(room12, name="Nia").pk
    open_today(alice_client, room12)
    post(alice_client, room12, "observe", student=nia, days="3")
    assert "Nia observes until" in open_today(alice_client, room12)
    post(alice_client, room12, "observe_end", student=nia)
    assert Support.objects.get(student_id=nia).observe_until is None
    assert "Nia observes until" not in open_today(alice_client, room12)
