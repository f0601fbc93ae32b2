"""Temporary partners keep every hard rule and every sentence about them is true."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerup import engine
from partnerup.classes.keys import key_pk, keys_of, student_key
from partnerup.classes.services import class_roster
from partnerup.engine import Rule as EngineRule
from partnerup.engine import Student as EngineStudent
from partnerup.plans.services import load_plan
from partnerup.workshop import services
from partnerup.workshop.models import Support
from tests.classes.factories import load_class, make_classroom, pk_of, pks_of
from tests.workshop.reason_facts import (
    ClassDay,
    choosing_count_problems,
    groups_of,
    reason_problems,
    rule_problems,
)
from tests.workshop.test_today import (  # noqa: F401
    floaters,
    groups,
    open_today,
    pks_by_name,
    post,
    room12,
    save_current_plan,
    start_temporary,
    today,
)


def together_in(day_groups, *pks) -> bool:
    return any(set(pks) <= set(g) for g in day_groups)


def class_day(classroom) -> ClassDay:
    """The facts of today for the reason checker, keyed as the arrangement is."""
    day = today(classroom)
    students, rules = class_roster(classroom)
    temporary = services.active_temporary(classroom, day.date)
    return ClassDay(
        students,
        rules,
        engine.carrying_rules(services.starting_point(day), services.rules_now(day)),
        absent=frozenset(keys_of(day.absent)),
        with_teacher=frozenset(
            student_key(s.student_id) for s in Support.objects.filter(with_teacher=True)
        )
        - frozenset(keys_of(day.absent)),
        choosers=frozenset(keys_of(temporary.choosers)) if temporary else frozenset(),
    )


def mark_away(client, classroom, *names):
    for pk in pks_of(classroom, *names):
        post(client, classroom, "absent", student=pk, absent="yes")


def test_a_keep_together_pair_split_by_the_ticks_is_assigned_together(alice_client, room12):  # noqa: F811
    open_today(alice_client, room12)
    linh, amara = pks_of(room12, "Linh", "Amara")
    response = start_temporary(alice_client, room12, [linh, *pks_of(room12, "Ben", "Zoe")])
    assert b"Kept together:" in response.content and b"are assigned together" in response.content
    mark_away(alice_client, room12, "Ana", "Maya")
    assert together_in(groups(today(room12)), linh, amara)
    assert linh not in floaters(today(room12))


def test_choosers_are_nobodys_floater_when_a_partner_is_absent(alice_client, room12):  # noqa: F811
    open_today(alice_client, room12)
    choosers = pks_of(room12, "Ben", "Zoe", "Omar", "Grace")
    start_temporary(alice_client, room12, choosers)
    assigned = load_plan(room12.temporary_partners.get().arrangement).partnerships
    pair = next(p for p in assigned if len(p.members) == 2)
    post(alice_client, room12, "absent", student=key_pk(pair.members[0]), absent="yes")
    day = today(room12)
    assert sorted(floaters(day)) == sorted(choosers)
    assert "floater" not in str(day.arrangement["groups"])


def test_the_choosing_count_matches_the_still_choosing_list(alice_client, room12):  # noqa: F811
    open_today(alice_client, room12)
    start_temporary(alice_client, room12, pks_of(room12, "Ben", "Zoe", "Omar"))
    mark_away(alice_client, room12, "Zoe")
    page = open_today(alice_client, room12)
    assert "2 students choose their partner" in page
    assert choosing_count_problems(page) == []


def test_every_reason_is_true_with_temporary_partners_and_absences(alice_client, room12):  # noqa: F811
    open_today(alice_client, room12)
    start_temporary(alice_client, room12, pks_of(room12, "Linh", "Ben", "Zoe", "Omar", "Diego"))
    mark_away(alice_client, room12, "Ana", "Kwame", "Grace")
    post(alice_client, room12, "teacher_partner", student=pk_of(room12, "Noah"), on="yes")
    facts = class_day(room12)
    arrangement = load_plan(today(room12).arrangement)
    assert reason_problems(facts, groups_of(arrangement)) == []
    assert rule_problems(facts, arrangement) == []


def test_cards_of_temporary_partners_say_so(alice_client, room12):  # noqa: F811
    open_today(alice_client, room12)
    start_temporary(alice_client, room12, pks_of(room12, "Ben", "Zoe"))
    cards = services.cards(today(room12))
    assert cards and all(c.reasons[0] == "Temporary partners for today" for c in cards)
    assert open_today(alice_client, room12).count("Temporary partners for today") == len(cards)


def test_a_keep_apart_rule_naming_a_chooser_still_keeps_the_others_apart(alice, alice_client):
    classroom = make_classroom(alice)
    names = ["Ana", "Ben", "Cy", "Di", "Ed", "Flo"]
    fond = {"Ana": ("Ben",), "Ben": ("Ana",)}  # they choose each other: only the rule parts them
    students = [EngineStudent(name=n, choices=fond.get(n, ())) for n in names]
    load_class(classroom, students, [EngineRule("keep_apart", ("Ana", "Ben", "Flo"))])
    save_current_plan(alice_client, classroom, strategy="choice")
    open_today(alice_client, classroom)
    start_temporary(alice_client, classroom, [pk_of(classroom, "Flo")])
    ana, ben = pks_of(classroom, "Ana", "Ben")
    assert not together_in(groups(today(classroom)), ana, ben)


def test_placing_a_chooser_against_a_rule_asks_first(alice_client, room12):  # noqa: F811
    open_today(alice_client, room12)
    linh, amara = pks_of(room12, "Linh", "Amara")
    start_temporary(alice_client, room12, [linh, amara])
    response = post(alice_client, room12, "adjust", student=amara, to="0")
    assert b"breaks a rule" in response.content and b"Do it anyway" in response.content
    assert b"are to be kept together" in response.content
    assert sorted(floaters(today(room12))) == sorted([linh, amara])
    post(alice_client, room12, "adjust", student=amara, to="0", confirm="yes")
    assert amara in groups(today(room12))[0]


def test_with_threes_off_an_odd_assigned_half_is_refused_in_plain_words(alice_client, room12):  # noqa: F811
    plan = room12.current_plan
    plan.settings = {**plan.settings, "triads": "never"}
    plan.save()
    open_today(alice_client, room12)
    odd = len(pks_by_name(room12)) % 2 == 0  # one chooser leaves an odd number assigned
    assert odd
    response = start_temporary(alice_client, room12, [pk_of(room12, "Ben")])
    assert b"students are assigned and this plan makes no threes" in response.content
    assert not room12.temporary_partners.exists()


def test_the_rest_of_the_week_lasts_until_friday(alice_client, room12):  # noqa: F811
    open_today(alice_client, room12)
    start_temporary(alice_client, room12, [pk_of(room12, "Ben")], length="week")
    on = timezone.localdate()
    ends = room12.temporary_partners.get().ends
    assert ends.weekday() == 4 if on.weekday() < 4 else ends == on


@pytest.mark.parametrize("gone", ["absent", "with the teacher"])
def test_a_partner_who_works_with_the_teacher_is_not_called_absent(alice_client, room12, gone):  # noqa: F811
    open_today(alice_client, room12)
    pair = next(g for g in groups(today(room12)) if len(g) == 2)
    if gone == "absent":
        post(alice_client, room12, "absent", student=pair[0], absent="yes")
    else:
        post(alice_client, room12, "teacher_partner", student=pair[0], on="yes")
    left = next(
        g for g in today(room12).arrangement["groups"] if student_key(pair[1]) in g["members"]
    )
    assert ("absent" in left["reasons"][0]) == (gone == "absent")
    assert reason_problems(class_day(room12), groups_of(load_plan(today(room12).arrangement))) == []


def test_the_projector_calls_choosers_still_choosing(alice_client, room12):  # noqa: F811
    open_today(alice_client, room12)
    start_temporary(alice_client, room12, pks_of(room12, "Zoe", "Ben"))
    wall = alice_client.get(reverse("workshop:projector", args=[room12.pk])).content.decode()
    assert "Still choosing: Ben, Zoe" in wall and "Floaters:" not in wall
