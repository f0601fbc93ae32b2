import re
from datetime import timedelta
from itertools import combinations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerup import demo
from partnerup.classes import keys
from partnerup.classes.keys import KEY_CLOSE, KEY_OPEN, key_pk, student_key
from partnerup.classes.models import Rule
from partnerup.workshop.models import LeadTurn, Support, WorkshopDay
from tests.classes.factories import make_classroom, make_student, pk_of, pks_of
from tests.plans.test_plans import draft_of, generate

HTMX = {"HTTP_HX_REQUEST": "true"}


def save_current_plan(client, classroom, **choices):
    generate(client, classroom, **choices)
    plan = draft_of(classroom)
    client.post(reverse("plans:save", args=[classroom.pk, plan.pk]), {"name": "Unit 1"})
    plan.refresh_from_db()
    return plan


@pytest.fixture
def room12(alice_client, alice):
    classroom = make_classroom(alice, name="Room 12")
    demo.fill_with_example(classroom)
    save_current_plan(alice_client, classroom)
    return classroom


def today(classroom) -> WorkshopDay:
    return classroom.days.get(date=timezone.localdate())


def groups(day) -> list[list[int]]:
    """Today's partnerships as students' ids (the arrangement keys them by student_key)."""
    return [keys.pks_of(g["members"]) for g in day.arrangement["groups"]]


def floaters(day) -> list[int]:
    return keys.pks_of(day.arrangement["floaters"])


def plan_groups(classroom) -> set[frozenset[int]]:
    return {
        frozenset(keys.pks_of(g["members"])) for g in classroom.current_plan.arrangement["groups"]
    }


def pks_by_name(classroom) -> list[int]:
    return list(classroom.students.order_by("name").values_list("pk", flat=True))


def name_of(classroom, pk) -> str:
    return classroom.students.get(pk=pk).name


def post(client, classroom, action, **values):
    return client.post(reverse(f"workshop:{action}", args=[classroom.pk]), values, **HTMX)


def open_today(client, classroom) -> str:
    return client.get(reverse("workshop:today", args=[classroom.pk])).content.decode()


def has_no_keys(content: bytes | str) -> bool:
    """A page never shows an engine key (an id between private-use characters)."""
    text = content.decode() if isinstance(content, bytes) else content
    return KEY_OPEN not in text and KEY_CLOSE not in text


def kept_apart(classroom) -> set[frozenset[int]]:
    pairs = set()
    for rule in Rule.objects.filter(classroom=classroom, kind="keep_apart"):
        pairs |= {frozenset(p) for p in combinations(rule.students, 2)}
    for s in classroom.students.all():
        pairs |= {frozenset((s.pk, other)) for other in s.avoid}
    return pairs


def test_today_starts_from_the_current_plan(alice_client, room12):
    page = open_today(alice_client, room12)
    assert {frozenset(g) for g in groups(today(room12))} == plan_groups(room12)
    assert "Who is away today?" in page and "★" in page
    assert has_no_keys(page)
    for name in room12.students.values_list("name", flat=True):
        assert f"> {name}" in page


def test_a_class_without_a_plan_is_sent_to_plan_first(alice_client, alice):
    classroom = make_classroom(alice)
    response = alice_client.get(reverse("workshop:today", args=[classroom.pk]))
    assert b"has none yet" in response.content
    assert post(alice_client, classroom, "absent", student="1", absent="yes").status_code == 404
    assert alice_client.get(reverse("workshop:projector", args=[classroom.pk])).status_code == 404


def test_two_absences_are_repaired_touching_few_partnerships(alice_client, room12):
    open_today(alice_client, room12)
    pairs = [g for g in groups(today(room12)) if len(g) == 2]
    first, second = pairs[0][0], pairs[1][0]
    post(alice_client, room12, "absent", student=first, absent="yes")
    response = post(alice_client, room12, "absent", student=second, absent="yes")
    day = today(room12)
    assert day.absent == sorted([first, second])
    placed = [m for g in groups(day) for m in g] + floaters(day)
    assert first not in placed and second not in placed
    assert sorted(placed) == sorted(set(pks_by_name(room12)) - {first, second})
    changed = [g for g in groups(day) if frozenset(g) not in plan_groups(room12)]
    assert 1 <= len(changed) <= 2
    assert all(len(g) >= 2 for g in groups(day))
    assert b"changed today" in response.content and b"absent" in response.content
    assert has_no_keys(response.content)


def test_absences_posted_for_two_students_one_after_the_other_are_both_kept(
    alice_client, alice, room12
):
    # Two tablets open Today, then each marks a different student away.
    other_tablet = Client()
    other_tablet.force_login(alice)
    open_today(alice_client, room12)
    open_today(other_tablet, room12)
    first, second = pks_by_name(room12)[:2]
    post(alice_client, room12, "absent", student=first, absent="yes")
    response = post(other_tablet, room12, "absent", student=second, absent="yes")
    assert today(room12).absent == sorted([first, second])
    assert b"2 away" in response.content
    placed = [m for g in groups(today(room12)) for m in g] + floaters(today(room12))
    assert first not in placed and second not in placed


@pytest.mark.parametrize("away_count", [3, 5, 8, 12])
def test_repaired_days_never_join_kept_apart_students(alice_client, room12, away_count):
    open_today(alice_client, room12)
    away = pks_by_name(room12)[::3][:away_count]
    for pk in away:
        post(alice_client, room12, "absent", student=pk, absent="yes")
    day = today(room12)
    assert day.absent == sorted(away)
    apart = kept_apart(room12)
    assert apart
    for g in groups(day):
        for pair in combinations(g, 2):
            assert frozenset(pair) not in apart, g
        assert len(g) >= 2 or "teacher" in str(day.arrangement)


def test_nobody_is_alone_unless_all_but_one_are_away(alice_client, room12):
    open_today(alice_client, room12)
    pks = pks_by_name(room12)
    for pk in pks[1:]:
        post(alice_client, room12, "absent", student=pk, absent="yes")
    day = today(room12)
    assert groups(day) == [[pks[0]]]
    assert "works with the teacher" in str(day.arrangement)


def test_marking_back_present_restores_the_plan(alice_client, room12):
    open_today(alice_client, room12)
    pk = groups(today(room12))[0][0]
    post(alice_client, room12, "absent", student=pk, absent="yes")
    assert today(room12).absent == [pk]
    post(alice_client, room12, "absent", student=pk, absent="no")
    assert today(room12).absent == []
    assert {frozenset(g) for g in groups(today(room12))} == plan_groups(room12)


def test_tomorrow_starts_again_from_the_plan(alice_client, room12):
    open_today(alice_client, room12)
    pk = groups(today(room12))[0][0]
    post(alice_client, room12, "absent", student=pk, absent="yes")
    yesterday = today(room12)
    assert yesterday.absent == [pk]
    yesterday.date -= timedelta(days=1)
    yesterday.save()
    open_today(alice_client, room12)
    assert today(room12).absent == []
    assert room12.days.count() == 2


def test_unknown_students_get_a_plain_message_and_change_nothing(alice_client, room12):
    open_today(alice_client, room12)
    before = today(room12).arrangement
    response = post(alice_client, room12, "absent", student="Zed", absent="yes")
    assert b"That student is not in this class" in response.content
    assert today(room12).absent == [] and today(room12).arrangement == before
    response = post(alice_client, room12, "teacher_partner", student="Zed", on="yes")
    assert response.status_code == 200
    assert b"That student is not in this class" in response.content
    assert not Support.objects.exists()
    nia = make_student(room12, name="Nia").pk
    response = post(alice_client, room12, "observe", student=nia, days="365")
    assert b"Observe for 1 to 30 days" in response.content
    assert not Support.objects.exists()


ANOTHER_CLASS = object()  # stands for a student id of another teacher's class
BAD_STUDENTS = [ANOTHER_CLASS, "²", "", "1\x00", "9" * 20, "7" * 10_000]
BAD_DAYS = ["0", "31", "3.5", "²", "", "9" * 10_000]


@pytest.fixture
def outsider(django_user_model):
    charlie = django_user_model.objects.create_user("charlie-other", password="pw-other-123!")
    elsewhere = make_classroom(charlie, name="Room 9")
    return make_student(elsewhere, name="Ana").pk


def state_of(classroom):
    """What a refused tap must leave as it was."""
    day = today(classroom)
    return (
        day.absent,
        day.arrangement,
        list(Support.objects.values_list("student", "observe_until", "with_teacher")),
        classroom.temporary_partners.count(),
    )


@pytest.mark.parametrize(
    "bad", BAD_STUDENTS, ids=["other-class", "sup2", "empty", "nul", "huge", "long"]
)
@pytest.mark.parametrize(
    "action, values",
    [
        ("absent", {"absent": "yes"}),
        ("teacher_partner", {"on": "yes"}),
        ("observe", {"days": "3"}),
        ("temporary", {"length": "day"}),
    ],
)
def test_a_bad_student_gets_a_plain_message_and_changes_nothing(
    alice_client, room12, outsider, action, values, bad
):
    open_today(alice_client, room12)
    before = state_of(room12)
    student = str(outsider) if bad is ANOTHER_CLASS else bad
    field = "choosers" if action == "temporary" else "student"
    response = post(alice_client, room12, action, **{field: student, **values})
    assert response.status_code == 200
    choose = bad == "" and action != "temporary"
    not_here = (
        "Only a student new to the plan can observe."
        if action == "observe"
        else "That student is not in this class."
    )
    message = "Choose a student." if choose else not_here
    assert f'<p class="problem" role="alert">{message}</p>'.encode() in response.content
    assert state_of(room12) == before


@pytest.mark.parametrize("days", BAD_DAYS)
def test_observing_for_a_bad_number_of_days_gets_a_plain_message(alice_client, room12, days):
    open_today(alice_client, room12)
    nia = make_student(room12, name="Nia").pk
    before = state_of(room12)
    response = post(alice_client, room12, "observe", student=nia, days=days)
    assert response.status_code == 200
    assert b'<p class="problem" role="alert">Observe for 1 to 30 days.</p>' in response.content
    assert state_of(room12) == before


def test_adjusting_by_hand_asks_before_breaking_a_rule(alice_client, room12):
    open_today(alice_client, room12)
    day = today(room12)
    ben, jayden = pk_of(room12, "Ben"), pk_of(room12, "Jayden")
    ben_group = next(g for g in groups(day) if ben in g)
    partner = next(m for m in ben_group if m != ben)
    response = post(alice_client, room12, "adjust", student=partner, **{"with": jayden})
    assert b"breaks a rule" in response.content
    assert b"Ben" in response.content and b"Jayden" in response.content
    assert has_no_keys(response.content)
    assert groups(today(room12)) == groups(day)
    post(alice_client, room12, "adjust", student=partner, confirm="yes", **{"with": jayden})
    assert any({ben, jayden} <= set(g) for g in groups(today(room12)))


def turn(client, classroom):
    """Tap "Turn-and-talk done" on the page as it is now."""
    return post(client, classroom, "turn", turns_seen=today(classroom).turns_done)


def test_leaders_alternate_and_quiet_partners_can_lead_first(alice_client, alice):
    classroom = make_classroom(alice)
    ana = make_student(classroom, name="Ana", talk="dominant").pk
    bo = make_student(classroom, name="Bo", talk="quiet").pk
    save_current_plan(alice_client, classroom)
    open_today(alice_client, classroom)
    roles = classroom.current_plan.arrangement["groups"][0]["roles"]
    partner_a = next(key_pk(key) for key, role in roles.items() if role == "A")
    leaders = []
    for _ in range(4):
        turn(alice_client, classroom)
        leaders.append(LeadTurn.objects.order_by("-id").first().leader_id)
    assert leaders[0] == partner_a
    assert leaders.count(ana) == leaders.count(bo) == 2
    assert leaders[0] != leaders[1]
    assert LeadTurn.objects.first().members == f"{min(ana, bo)}|{max(ana, bo)}"
    post(alice_client, classroom, "quiet_first", on="yes")
    turn(alice_client, classroom)
    assert LeadTurn.objects.order_by("-id").first().leader_id == bo


def test_a_second_tap_on_turn_and_talk_done_records_nothing(alice_client, room12):
    open_today(alice_client, room12)
    seen = today(room12).turns_done
    first = post(alice_client, room12, "turn", turns_seen=seen)
    recorded = LeadTurn.objects.count()
    assert recorded == len([g for g in groups(today(room12)) if len(g) > 1])
    assert b"Recorded. Leaders switched." in first.content
    again = post(alice_client, room12, "turn", turns_seen=seen)
    assert LeadTurn.objects.count() == recorded
    assert today(room12).turns_done == seen + 1
    assert b"Already recorded" in again.content
    response = post(alice_client, room12, "turn", turns_seen="²")
    assert b"Tap Turn-and-talk done again." in response.content
    assert LeadTurn.objects.count() == recorded


def test_a_writer_can_work_with_the_teacher(alice_client, room12):
    open_today(alice_client, room12)
    omar = pk_of(room12, "Omar")
    response = post(alice_client, room12, "teacher_partner", student=omar, on="yes")
    assert [omar] in groups(today(room12))
    assert b"+ the teacher" in response.content
    assert b"Omar works with you until" in response.content
    assert has_no_keys(response.content)
    post(alice_client, room12, "teacher_partner", student=omar, on="no")
    assert [omar] not in groups(today(room12))


def test_a_new_student_observes_as_a_third(alice_client, room12):
    nia = make_student(room12, name="Nia").pk
    open_today(alice_client, room12)
    post(alice_client, room12, "start_again")
    post(alice_client, room12, "observe", student=nia, days="3")
    nia_group = next(g for g in groups(today(room12)) if nia in g)
    assert len(nia_group) >= 3
    page = open_today(alice_client, room12)
    assert "Nia observes until" in page


def test_history_counts_who_worked_with_whom(alice_client, room12):
    open_today(alice_client, room12)
    first = groups(today(room12))[0]
    page = alice_client.get(reverse("workshop:history", args=[room12.pk])).content.decode()
    assert f"{name_of(room12, first[1])} (1)" in page
    assert has_no_keys(page)


def test_names_are_escaped_on_today_pages(alice_client, alice):
    classroom = make_classroom(alice)
    for name in ("<script>alert(1)</script>", "Ben", "Cy", "Di"):
        make_student(classroom, name=name)
    save_current_plan(alice_client, classroom)
    for view in ("today", "projector", "history"):
        body = alice_client.get(reverse(f"workshop:{view}", args=[classroom.pk])).content
        assert b"<script>alert(1)</script>" not in body, view
        assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in body, view


def test_a_renamed_student_shows_with_the_new_name_everywhere(alice_client, room12):
    open_today(alice_client, room12)
    pairs = [g for g in groups(today(room12)) if len(g) == 2]
    away, left = pairs[0]
    post(alice_client, room12, "absent", student=away, absent="yes")
    changed = next(
        g for g in today(room12).arrangement["groups"] if student_key(left) in g["members"]
    )
    assert student_key(left) in changed["reasons"][0]  # the reason names the moved student
    student = room12.students.get(pk=left)
    old = student.name
    student.set_name("Xiomara Renamed")
    student.save()
    page = open_today(alice_client, room12)
    assert "Xiomara Renamed" in page.split('<ol class="board-cards">')[1]
    reasons = [p.split("</p>")[0] for p in page.split('<p class="reason">')[1:]]
    assert any("Xiomara Renamed" in r for r in reasons), reasons
    assert not any(old in r for r in reasons), reasons
    for view in ("projector", "history"):
        body = alice_client.get(reverse(f"workshop:{view}", args=[room12.pk])).content.decode()
        assert "Xiomara Renamed" in body, view
        assert not re.search(rf"\b{old}\b", body), view
        assert has_no_keys(body), view
    assert not re.search(rf"\b{old}\b", page) and has_no_keys(page)


def test_student_page_shows_who_they_worked_with_and_how_often(alice_client, room12):
    open_today(alice_client, room12)
    first = groups(today(room12))[0]
    yesterday = today(room12)
    yesterday.date -= timedelta(days=1)
    yesterday.save()
    open_today(alice_client, room12)
    page = alice_client.get(reverse("classes:student", args=[room12.pk, first[0]])).content
    partner = name_of(room12, first[1])
    assert f'{partner} <span class="muted">(2 days)'.encode() in page
    newbie = make_student(room12, name="Newbie")
    page = alice_client.get(reverse("classes:student", args=[room12.pk, newbie.pk])).content
    assert b"No workshop days recorded yet" in page


def start_temporary(client, classroom, choosers, length="day"):
    return client.post(
        reverse("workshop:temporary", args=[classroom.pk]),
        {"choosers": choosers, "length": length},
        **HTMX,
    )


def test_half_assigned_half_choose_then_back_to_the_plan(alice_client, room12):
    open_today(alice_client, room12)
    together = set(pks_of(room12, "Amara", "Linh"))
    choosers = [pk for pk in pks_by_name(room12)[::2] if pk not in together]
    response = start_temporary(alice_client, room12, choosers, length="week")
    assert b"Temporary partners until" in response.content and b"Still choosing" in response.content
    assert has_no_keys(response.content)
    day = today(room12)
    assert sorted(floaters(day)) == sorted(choosers)
    assigned = [m for g in groups(day) for m in g]
    assert sorted(assigned) == sorted(set(pks_by_name(room12)) - set(choosers))
    apart = kept_apart(room12)
    assert not any(frozenset(p) in apart for g in groups(day) for p in combinations(g, 2))

    # Two choosers pick each other: it lasts the week, not just today.
    first, second = choosers[0], choosers[1]
    post(alice_client, room12, "adjust", student=first, to="new")
    new_index = next(i for i, g in enumerate(groups(today(room12))) if g == [first])
    post(alice_client, room12, "adjust", student=second, to=str(new_index), confirm="yes")
    assert any(set(g) == {first, second} for g in groups(today(room12)))
    temporary = room12.temporary_partners.get()
    assert any(
        set(keys.pks_of(g["members"])) == {first, second} for g in temporary.arrangement["groups"]
    )

    post(alice_client, room12, "temporary_end")
    assert {frozenset(g) for g in groups(today(room12))} == plan_groups(room12)


def test_temporary_partners_end_with_their_period(alice_client, room12):
    open_today(alice_client, room12)
    start_temporary(alice_client, room12, pks_of(room12, "Ana", "Ben", "Zoe", "Maya"))
    temporary = room12.temporary_partners.get()
    assert temporary.starts == temporary.ends == timezone.localdate()
    temporary.starts -= timedelta(days=1)
    temporary.ends -= timedelta(days=1)
    temporary.save()
    room12.days.all().delete()
    open_today(alice_client, room12)
    assert {frozenset(g) for g in groups(today(room12))} == plan_groups(room12)


def test_a_chooser_listed_twice_chooses_once(alice_client, room12):
    open_today(alice_client, room12)
    ana = pk_of(room12, "Ana")
    response = start_temporary(alice_client, room12, [ana, ana])
    assert response.status_code == 200
    assert b"Still choosing" in response.content
    assert b"1 student chooses their partner" in response.content
    assert room12.temporary_partners.get().choosers == [ana]
    assert floaters(today(room12)) == [ana]
    assert sorted(m for g in groups(today(room12)) for m in g) == sorted(
        set(pks_by_name(room12)) - {ana}
    )


def test_temporary_partners_refuse_bad_input(alice_client, room12):
    open_today(alice_client, room12)
    assert b"Tick the students" in start_temporary(alice_client, room12, []).content
    response = start_temporary(alice_client, room12, ["Zed"])
    assert b"That student is not in this class" in response.content
    response = start_temporary(alice_client, room12, [pk_of(room12, "Ana")], length="month")
    assert b'<p class="problem" role="alert">' in response.content
    assert not room12.temporary_partners.exists()
