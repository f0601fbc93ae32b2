"""Undo on Today: each step taken back restores the day (and the support or temporary
partners it changed) exactly as it was, once per tap."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerup.plans.history import HISTORY_LIMIT
from partnerup.plans.services import BOARD_CHANGED, draft_from
from partnerup.workshop.models import Support
from tests.classes.factories import make_rule, make_student, pk_of, pks_of
from tests.workshop.test_today import (  # noqa: F401 (room12 is a fixture)
    HTMX,
    groups,
    open_today,
    post,
    room12,
    start_temporary,
    today,
)

pytestmark = pytest.mark.django_db


def state(classroom) -> dict:
    """Everything a Today step may change: the day's row, support, temporary partners."""
    day = today(classroom)
    return {
        "day": (day.arrangement, day.absent, day.is_accepted, day.plan_id),
        "support": sorted(
            Support.objects.filter(student__classroom=classroom).values_list(
                "student_id", "with_teacher", "observe_until"
            )
        ),
        "temporary": list(
            classroom.temporary_partners.order_by("pk").values(
                "pk", "starts", "ends", "choosers", "arrangement", "created"
            )
        ),
    }


def undo(client, classroom, version=None):
    version = today(classroom).version if version is None else version
    return post(client, classroom, "undo", version=version)


@pytest.fixture
def day(alice_client, room12):  # noqa: F811
    open_today(alice_client, room12)
    return today(room12)


def test_undo_takes_back_marking_a_student_away(alice_client, room12, day):  # noqa: F811
    before = state(room12)
    post(alice_client, room12, "absent", student=pk_of(room12, "Ana"), absent="yes")
    assert state(room12) != before
    undo(alice_client, room12)
    assert state(room12) == before


def test_undo_takes_back_marking_a_student_back(alice_client, room12, day):  # noqa: F811
    ana = pk_of(room12, "Ana")
    post(alice_client, room12, "absent", student=ana, absent="yes")
    away = state(room12)
    post(alice_client, room12, "absent", student=ana, absent="no")
    undo(alice_client, room12)
    assert state(room12) == away


def test_undo_takes_back_a_move_and_a_swap(alice_client, room12, day):  # noqa: F811
    before = state(room12)
    post(alice_client, room12, "adjust", student=groups(day)[3][0], to="new", confirm="yes")
    moved = state(room12)
    a, b = groups(today(room12))[0][0], groups(today(room12))[1][0]
    post(alice_client, room12, "adjust", student=a, confirm="yes", **{"with": b})
    undo(alice_client, room12)
    assert state(room12) == moved
    undo(alice_client, room12)
    assert state(room12) == before


def test_undo_takes_back_a_do_it_anyway_step(alice_client, room12, day):  # noqa: F811
    a, b = next(g for g in groups(day) if len(g) == 2)
    c = next(g for g in groups(day) if a not in g)[0]
    make_rule(room12, kind="keep_apart", students=[a, c])
    before = state(room12)
    asked = post(alice_client, room12, "adjust", student=b, **{"with": c})
    assert b"Do it anyway" in asked.content
    post(alice_client, room12, "adjust", student=b, confirm="yes", **{"with": c})
    assert any({a, c} <= set(g) for g in groups(today(room12)))
    undo(alice_client, room12)
    assert state(room12) == before


def test_undo_takes_back_looks_good(alice_client, room12, day):  # noqa: F811
    before = state(room12)
    post(alice_client, room12, "accept")
    assert today(room12).is_accepted
    undo(alice_client, room12)
    assert state(room12) == before


def test_undo_takes_back_starting_again_from_the_plan(alice_client, room12, day):  # noqa: F811
    post(alice_client, room12, "adjust", student=groups(day)[3][0], to="new", confirm="yes")
    moved = state(room12)
    post(alice_client, room12, "start_again")
    undo(alice_client, room12)
    assert state(room12) == moved


def test_undo_takes_back_placing_a_student(alice_client, room12, day):  # noqa: F811
    nia = make_student(room12, name="Nia").pk
    before = state(room12)
    post(alice_client, room12, "place", student=nia)
    assert any(nia in g for g in groups(today(room12)))
    undo(alice_client, room12)
    assert state(room12) == before


def test_undo_takes_back_partnering_with_the_teacher(alice_client, room12, day):  # noqa: F811
    before = state(room12)
    post(alice_client, room12, "teacher_partner", student=pk_of(room12, "Omar"), on="yes")
    undo(alice_client, room12)
    assert state(room12) == before


def test_undo_takes_back_a_student_ready_for_a_partner(alice_client, room12, day):  # noqa: F811
    omar = pk_of(room12, "Omar")
    post(alice_client, room12, "teacher_partner", student=omar, on="yes")
    with_teacher = state(room12)
    post(alice_client, room12, "teacher_partner", student=omar, on="no")
    undo(alice_client, room12)
    assert state(room12) == with_teacher


def test_undo_takes_back_observing_and_its_end(alice_client, room12, day):  # noqa: F811
    nia = make_student(room12, name="Nia").pk
    before = state(room12)
    post(alice_client, room12, "observe", student=nia, days="3")
    observing = state(room12)
    post(alice_client, room12, "observe_end", student=nia)
    undo(alice_client, room12)
    assert state(room12) == observing
    undo(alice_client, room12)
    assert state(room12) == before


def test_undo_takes_back_starting_temporary_partners(alice_client, room12, day):  # noqa: F811
    before = state(room12)
    start_temporary(alice_client, room12, pks_of(room12, "Ana", "Ben", "Zoe", "Maya"))
    assert room12.temporary_partners.exists()
    undo(alice_client, room12)
    assert state(room12) == before


def test_undo_takes_back_a_move_that_lasts_the_temporary_partners(alice_client, room12, day):  # noqa: F811
    choosers = pks_of(room12, "Ana", "Ben", "Zoe", "Maya")
    start_temporary(alice_client, room12, choosers, length="week")
    started = state(room12)
    post(alice_client, room12, "adjust", student=choosers[0], to="new", confirm="yes")
    assert [choosers[0]] in groups(today(room12))
    undo(alice_client, room12)
    assert state(room12) == started


def test_undo_takes_back_ending_temporary_partners_begun_earlier(alice_client, room12, day):  # noqa: F811
    start_temporary(alice_client, room12, pks_of(room12, "Ana", "Ben"), length="week")
    temporary = room12.temporary_partners.get()
    temporary.starts -= timedelta(days=1)  # begun yesterday: ending it cuts it short
    temporary.ends = max(temporary.ends, timezone.localdate())
    temporary.save()
    started = state(room12)
    post(alice_client, room12, "temporary_end")
    assert room12.temporary_partners.get().ends < timezone.localdate()
    undo(alice_client, room12)
    assert state(room12) == started


def test_the_undo_button_on_today_names_the_step(alice_client, room12, day):  # noqa: F811
    response = post(alice_client, room12, "absent", student=pk_of(room12, "Ben"), absent="yes")
    assert "Undo: marked Ben away" in response.content.decode()


def test_a_new_day_has_nothing_to_undo(alice_client, room12, day):  # noqa: F811
    post(alice_client, room12, "absent", student=pk_of(room12, "Ben"), absent="yes")
    room12.days.update(date=timezone.localdate() - timedelta(days=1))
    page = open_today(alice_client, room12)
    assert "Undo:" not in page
    assert today(room12).undo_steps == []


def test_removing_a_student_ends_undo_on_today_and_the_draft(alice_client, room12, day):  # noqa: F811
    ana, ben = pks_of(room12, "Ana", "Ben")
    post(alice_client, room12, "absent", student=ana, absent="yes")
    draft = draft_from(room12.current_plan)
    alice_client.post(reverse("plans:flip", args=[room12.pk, draft.pk, 0]), **HTMX)
    draft.refresh_from_db()
    assert today(room12).undo_steps and draft.undo_steps
    alice_client.post(reverse("classes:student_remove", args=[room12.pk, ben]))
    draft.refresh_from_db()
    assert today(room12).undo_steps == [] and draft.undo_steps == []
    assert "Undo:" not in open_today(alice_client, room12)


def test_a_tap_that_changes_nothing_is_not_kept(alice_client, room12, day):  # noqa: F811
    post(alice_client, room12, "accept")
    post(alice_client, room12, "accept")
    assert len(today(room12).undo_steps) == 1


def test_a_double_tap_on_undo_on_today_undoes_one_step(alice_client, room12, day):  # noqa: F811
    ana, ben = pks_of(room12, "Ana", "Ben")
    post(alice_client, room12, "absent", student=ana, absent="yes")
    ana_away = state(room12)
    post(alice_client, room12, "absent", student=ben, absent="yes")
    seen = today(room12).version
    undo(alice_client, room12, version=seen)
    second = undo(alice_client, room12, version=seen)
    assert BOARD_CHANGED in second.content.decode()
    assert state(room12) == ana_away


def test_undo_with_nothing_to_undo_on_today_says_so(alice_client, room12, day):  # noqa: F811
    response = undo(alice_client, room12)
    assert response.status_code == 200
    assert "There is nothing to undo." in response.content.decode()


@pytest.mark.parametrize("version", ["", "-1", "²", "x" * 300])
def test_undo_on_today_with_a_bad_version_gets_a_plain_message(alice_client, room12, day, version):  # noqa: F811
    post(alice_client, room12, "accept")
    response = undo(alice_client, room12, version=version)
    assert response.status_code == 200
    assert BOARD_CHANGED in response.content.decode()
    assert today(room12).is_accepted


def test_another_teacher_cannot_undo_today(client, charlie, alice_client, room12, day):  # noqa: F811
    post(alice_client, room12, "accept")
    client.force_login(charlie)
    response = undo(client, room12, version=today(room12).version)
    assert response.status_code == 404
    assert today(room12).is_accepted


def test_today_keeps_only_the_last_twenty_steps(alice_client, room12, day):  # noqa: F811
    pks = list(room12.students.order_by("pk").values_list("pk", flat=True))
    states = [state(room12)]
    for pk in pks[: HISTORY_LIMIT + 1]:
        post(alice_client, room12, "absent", student=pk, absent="yes")
        states.append(state(room12))
    assert len(today(room12).undo_steps) == HISTORY_LIMIT
    for _ in range(HISTORY_LIMIT):
        undo(alice_client, room12)
    assert state(room12) == states[1]
    assert "There is nothing to undo." in undo(alice_client, room12).content.decode()
