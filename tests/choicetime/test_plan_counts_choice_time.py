"""The planner counts logged choice-time partnerships like a choice, with its reason."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerup.classes.keys import student_key
from partnerup.classes.services import class_roster
from tests.choicetime.test_log import log, pks
from tests.classes.factories import make_student

pytestmark = pytest.mark.django_db


def test_the_planner_sees_choice_time_partners_both_ways(alice_client, room):
    log(alice_client, room, ["Ana", "Ben"])
    log(alice_client, room, ["Ana", "Cy"], on=timezone.localdate() - timedelta(days=2))
    ana, ben, cy = pks(room, "Ana", "Ben", "Cy")
    students = {s.name: s for s in class_roster(room)[0]}
    assert students[student_key(ana)].chose_in_choice_time == (
        student_key(ben),
        student_key(cy),
    )
    assert students[student_key(ben)].chose_in_choice_time == (student_key(ana),)
    assert students[student_key(cy)].chose_in_choice_time == (student_key(ana),)
    assert students[student_key(pks(room, "Di")[0])].chose_in_choice_time == ()


def test_the_class_roster_asks_for_choice_time_once(
    alice_client, room, django_assert_max_num_queries
):
    for pair in (["Ana", "Ben"], ["Cy", "Di"], ["Eva", "Ana"]):
        log(alice_client, room, pair)
    with django_assert_max_num_queries(4):
        class_roster(room)


def test_a_plan_pairs_a_logged_pair_and_its_page_names_the_reason(alice_client, room):
    from tests.plans.test_plans import draft_of, generate, groups

    make_student(room, name="Finn")  # six writers with nothing else between them
    log(alice_client, room, ["Ben", "Eva"])
    generate(alice_client, room)
    draft = draft_of(room)
    ben, eva = pks(room, "Ben", "Eva")
    assert sorted([ben, eva]) in [sorted(g) for g in groups(draft)]
    page = alice_client.get(reverse("plans:board", args=[room.pk, draft.pk])).content.decode()
    assert "Ben and Eva chose to work together in choice time" in page
