"""Undo on the draft board: each step taken back restores the board exactly as it was,
once per tap, and never into a saved plan."""

import pytest
from django.urls import reverse

from partnerup.plans.history import HISTORY_LIMIT
from partnerup.plans.services import BOARD_CHANGED
from tests.plans.test_plans import (  # noqa: F401 (room12 is a fixture)
    do_it_anyway,
    draft_keeping_apart,
    draft_of,
    generate,
    groups,
    move,
    room12,
)

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def draft(alice_client, room12):  # noqa: F811
    generate(alice_client, room12)
    return draft_of(room12)


def undo(client, plan, version=None):
    version = draft_of(plan.classroom).version if version is None else version
    url = reverse("plans:undo", args=[plan.classroom_id, plan.pk])
    return client.post(url, {"version": version}, **HTMX)


def step(client, plan, action, card, **values):
    url = reverse(f"plans:{action}", args=[plan.classroom_id, plan.pk, card])
    return client.post(url, values, **HTMX)


def test_undo_takes_back_a_move_exactly(alice_client, draft):
    before = draft.arrangement
    move(alice_client, draft, student=groups(draft)[3][0], to="0", confirm="yes")
    assert draft_of(draft.classroom).arrangement != before
    undo(alice_client, draft)
    assert draft_of(draft.classroom).arrangement == before


def test_undo_takes_back_a_swap_exactly(alice_client, draft):
    before = draft.arrangement
    a, b = groups(draft)[0][0], groups(draft)[1][0]
    move(alice_client, draft, student=a, confirm="yes", **{"with": b})
    undo(alice_client, draft)
    assert draft_of(draft.classroom).arrangement == before


def test_undo_takes_back_a_lock(alice_client, draft):
    before = draft.arrangement
    step(alice_client, draft, "lock", 1, locked="yes")
    assert draft_of(draft.classroom).arrangement["groups"][1]["locked"]
    undo(alice_client, draft)
    assert draft_of(draft.classroom).arrangement == before


def test_undo_takes_back_a_flip_of_a_and_b(alice_client, draft):
    before = draft.arrangement
    step(alice_client, draft, "flip", 0)
    undo(alice_client, draft)
    assert draft_of(draft.classroom).arrangement == before


def test_undo_takes_back_a_replan_of_the_rest(alice_client, draft):
    move(alice_client, draft, student=groups(draft)[3][0], to="new", confirm="yes")
    moved = draft_of(draft.classroom).arrangement
    alice_client.post(reverse("plans:replan", args=[draft.classroom_id, draft.pk]), **HTMX)
    undo(alice_client, draft)
    assert draft_of(draft.classroom).arrangement == moved


def test_undo_takes_back_a_do_it_anyway_step(alice_client, alice):
    plan, ana, cy = draft_keeping_apart(alice_client, alice)
    classroom = plan.classroom
    before = plan.arrangement
    partner = next(m for g in groups(plan) if ana in g for m in g if m != ana)
    asked = move(alice_client, plan, student=partner, **{"with": cy}).content.decode()
    move(alice_client, plan, **do_it_anyway(asked))
    assert any(set(g) == {ana, cy} for g in groups(draft_of(classroom)))
    undo(alice_client, plan)
    assert draft_of(classroom).arrangement == before


def test_steps_are_undone_newest_first(alice_client, draft):
    first = draft.arrangement
    move(alice_client, draft, student=groups(draft)[3][0], to="0", confirm="yes")
    second = draft_of(draft.classroom).arrangement
    step(alice_client, draft, "lock", 2, locked="yes")
    undo(alice_client, draft)
    assert draft_of(draft.classroom).arrangement == second
    undo(alice_client, draft)
    assert draft_of(draft.classroom).arrangement == first


def test_the_undo_button_names_the_step_with_the_students_name(alice_client, draft):
    mover = groups(draft)[3][0]
    response = move(alice_client, draft, student=mover, to="new", confirm="yes")
    name = draft.classroom.students.get(pk=mover).name
    assert f"Undo: moved {name}" in response.content.decode()


def test_a_new_draft_shows_no_undo_button(alice_client, draft):
    page = alice_client.get(reverse("plans:board", args=[draft.classroom_id, draft.pk]))
    assert b"Undo:" not in page.content


def test_a_step_kept_for_undo_names_students_by_id_only(alice_client, draft):
    mover = groups(draft)[3][0]
    move(alice_client, draft, student=mover, to="new", confirm="yes")
    kept = draft_of(draft.classroom).undo_steps[-1]
    assert kept["students"] == [mover]
    name = draft.classroom.students.get(pk=mover).name
    assert name not in str(kept)


def test_a_double_tap_on_undo_undoes_one_step(alice_client, draft):
    move(alice_client, draft, student=groups(draft)[3][0], to="0", confirm="yes")
    moved = draft_of(draft.classroom).arrangement
    move(alice_client, draft, student=groups(draft)[5][0], to="new", confirm="yes")
    seen = draft_of(draft.classroom).version
    undo(alice_client, draft, version=seen)
    second = undo(alice_client, draft, version=seen)
    assert BOARD_CHANGED in second.content.decode()
    assert draft_of(draft.classroom).arrangement == moved


def test_undo_from_a_page_older_than_the_board_changes_nothing(alice_client, draft):
    seen = draft.version
    move(alice_client, draft, student=groups(draft)[3][0], to="0", confirm="yes")
    move(alice_client, draft, student=groups(draft)[5][0], to="new", confirm="yes")
    now = draft_of(draft.classroom).arrangement
    response = undo(alice_client, draft, version=seen)
    assert BOARD_CHANGED in response.content.decode()
    assert draft_of(draft.classroom).arrangement == now


def test_undo_with_nothing_to_undo_says_so(alice_client, draft):
    response = undo(alice_client, draft)
    assert response.status_code == 200
    assert "There is nothing to undo." in response.content.decode()


@pytest.mark.parametrize("version", ["", "-1", "abc", "1e999", "9" * 40])
def test_undo_with_a_bad_version_gets_a_plain_message(alice_client, draft, version):
    move(alice_client, draft, student=groups(draft)[3][0], to="0", confirm="yes")
    moved = draft_of(draft.classroom).arrangement
    response = undo(alice_client, draft, version=version)
    assert response.status_code == 200
    assert BOARD_CHANGED in response.content.decode()
    assert draft_of(draft.classroom).arrangement == moved


def test_undo_without_a_version_gets_a_plain_message(alice_client, draft):
    url = reverse("plans:undo", args=[draft.classroom_id, draft.pk])
    response = alice_client.post(url, {}, **HTMX)
    assert BOARD_CHANGED in response.content.decode()


def test_another_teacher_cannot_undo_on_the_board(client, charlie, alice_client, draft):
    move(alice_client, draft, student=groups(draft)[3][0], to="0", confirm="yes")
    moved = draft_of(draft.classroom).arrangement
    client.force_login(charlie)
    response = undo(client, draft)
    assert response.status_code == 404
    assert draft_of(draft.classroom).arrangement == moved


def test_only_the_last_twenty_steps_are_kept(alice_client, draft):
    arrangements = [draft.arrangement]
    cards = len(groups(draft))
    for n in range(HISTORY_LIMIT + 1):  # each state differs: a run of cards flipped
        step(alice_client, draft, "flip", n % cards)
        arrangements.append(draft_of(draft.classroom).arrangement)
    assert len(draft_of(draft.classroom).undo_steps) == HISTORY_LIMIT
    for _ in range(HISTORY_LIMIT):
        undo(alice_client, draft)
    assert draft_of(draft.classroom).arrangement == arrangements[1]
    response = undo(alice_client, draft)
    assert "There is nothing to undo." in response.content.decode()


def test_saving_the_plan_ends_its_undo(alice_client, draft):
    move(alice_client, draft, student=groups(draft)[3][0], to="0", confirm="yes")
    alice_client.post(reverse("plans:save", args=[draft.classroom_id, draft.pk]), {"name": "U1"})
    draft.refresh_from_db()
    assert draft.undo_steps == [] and not draft.is_draft
    response = undo(alice_client, draft, version=draft.version)
    assert response.status_code == 404
