from datetime import timedelta
from itertools import combinations

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerup import demo
from partnerup.classes.models import Rule
from partnerup.workshop.models import LeadTurn, WorkshopDay
from tests.classes.factories import make_classroom, make_student
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


def groups(day) -> list[list[str]]:
    return [g["members"] for g in day.arrangement["groups"]]


def post(client, classroom, action, **values):
    return client.post(reverse(f"workshop:{action}", args=[classroom.pk]), values, **HTMX)


def kept_apart(classroom) -> set[frozenset[str]]:
    pairs = set()
    for rule in Rule.objects.filter(classroom=classroom, kind="keep_apart"):
        pairs |= {frozenset(p) for p in combinations(rule.students, 2)}
    for s in classroom.students.all():
        pairs |= {frozenset((s.name, other)) for other in s.avoid}
    return pairs


def test_today_starts_from_the_current_plan(alice_client, room12):
    page = alice_client.get(reverse("workshop:today", args=[room12.pk])).content.decode()
    plan_groups = {frozenset(g["members"]) for g in room12.current_plan.arrangement["groups"]}
    assert {frozenset(g) for g in groups(today(room12))} == plan_groups
    assert "Who is away today?" in page and "★" in page


def test_a_class_without_a_plan_is_sent_to_plan_first(alice_client, alice):
    classroom = make_classroom(alice)
    response = alice_client.get(reverse("workshop:today", args=[classroom.pk]))
    assert b"has none yet" in response.content
    assert post(alice_client, classroom, "absent", student="x", absent="yes").status_code == 404


def test_two_absences_are_repaired_touching_few_partnerships(alice_client, room12):
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    pairs = [g for g in groups(today(room12)) if len(g) == 2]
    first, second = pairs[0][0], pairs[1][0]
    post(alice_client, room12, "absent", student=first, absent="yes")
    response = post(alice_client, room12, "absent", student=second, absent="yes")
    day = today(room12)
    assert day.absent == sorted([first, second])
    placed = [m for g in groups(day) for m in g] + day.arrangement["floaters"]
    assert first not in placed and second not in placed
    assert sorted(placed) == sorted(n for n in room12.students.values_list("name", flat=True)
                                    if n not in (first, second))  # fmt: skip
    plan_groups = {frozenset(g["members"]) for g in room12.current_plan.arrangement["groups"]}
    changed = [g for g in groups(day) if frozenset(g) not in plan_groups]
    assert 1 <= len(changed) <= 2
    assert all(len(g) >= 2 for g in groups(day))
    assert b"changed today" in response.content and b"absent" in response.content


@pytest.mark.parametrize("away_count", [3, 5, 8, 12])
def test_repaired_days_never_join_kept_apart_students(alice_client, room12, away_count):
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    names = sorted(room12.students.values_list("name", flat=True))
    for name in names[::3][:away_count]:
        post(alice_client, room12, "absent", student=name, absent="yes")
    day = today(room12)
    apart = kept_apart(room12)
    for g in groups(day):
        for pair in combinations(g, 2):
            assert frozenset(pair) not in apart, g
        assert len(g) >= 2 or "teacher" in str(day.arrangement)


def test_nobody_is_alone_unless_all_but_one_are_away(alice_client, room12):
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    names = sorted(room12.students.values_list("name", flat=True))
    for name in names[1:]:
        post(alice_client, room12, "absent", student=name, absent="yes")
    day = today(room12)
    assert groups(day) == [[names[0]]]
    assert "works with the teacher" in str(day.arrangement)


def test_marking_back_present_restores_the_plan(alice_client, room12):
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    name = groups(today(room12))[0][0]
    post(alice_client, room12, "absent", student=name, absent="yes")
    post(alice_client, room12, "absent", student=name, absent="no")
    plan_groups = {frozenset(g["members"]) for g in room12.current_plan.arrangement["groups"]}
    assert {frozenset(g) for g in groups(today(room12))} == plan_groups


def test_tomorrow_starts_again_from_the_plan(alice_client, room12):
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    name = groups(today(room12))[0][0]
    post(alice_client, room12, "absent", student=name, absent="yes")
    yesterday = today(room12)
    yesterday.date -= timedelta(days=1)
    yesterday.save()
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    assert today(room12).absent == []
    assert room12.days.count() == 2


def test_unknown_names_get_a_plain_message_and_change_nothing(alice_client, room12):
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    response = post(alice_client, room12, "absent", student="Zed", absent="yes")
    assert b"Zed is not in this class" in response.content
    assert today(room12).absent == []
    assert post(alice_client, room12, "teacher_partner", student="Zed", on="yes").status_code == 404
    response = post(alice_client, room12, "observe", student="Ana", days="365")
    assert b"Observe for 1 to 30 days" in response.content


def test_adjusting_by_hand_asks_before_breaking_a_rule(alice_client, room12):
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    day = today(room12)
    ben_group = next(g for g in groups(day) if "Ben" in g)
    partner = next(m for m in ben_group if m != "Ben")
    response = post(alice_client, room12, "adjust", student=partner, **{"with": "Jayden"})
    assert b"breaks a rule" in response.content
    assert groups(today(room12)) == groups(day)
    post(alice_client, room12, "adjust", student=partner, confirm="yes", **{"with": "Jayden"})
    assert any({"Ben", "Jayden"} <= set(g) for g in groups(today(room12)))


def test_leaders_alternate_and_quiet_partners_can_lead_first(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Ana", talk="dominant")
    make_student(classroom, name="Bo", talk="quiet")
    save_current_plan(alice_client, classroom)
    url = reverse("workshop:today", args=[classroom.pk])
    alice_client.get(url)
    roles = classroom.current_plan.arrangement["groups"][0]["roles"]
    partner_a = next(n for n, r in roles.items() if r == "A")
    leaders = []
    for _ in range(4):
        post(alice_client, classroom, "turn")
        leaders.append(LeadTurn.objects.order_by("-id").first().leader)
    assert leaders[0] == partner_a
    assert leaders.count("Ana") == leaders.count("Bo") == 2
    assert leaders[0] != leaders[1]
    post(alice_client, classroom, "quiet_first", on="yes")
    post(alice_client, classroom, "turn")
    assert LeadTurn.objects.order_by("-id").first().leader == "Bo"


def test_a_writer_can_work_with_the_teacher(alice_client, room12):
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    response = post(alice_client, room12, "teacher_partner", student="Omar", on="yes")
    assert ["Omar"] in groups(today(room12))
    assert b"+ the teacher" in response.content
    post(alice_client, room12, "teacher_partner", student="Omar", on="no")
    assert ["Omar"] not in groups(today(room12))


def test_a_new_student_observes_as_a_third(alice_client, room12):
    make_student(room12, name="Nia")
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    post(alice_client, room12, "start_again")
    post(alice_client, room12, "observe", student="Nia", days="3")
    nia_group = next(g for g in groups(today(room12)) if "Nia" in g)
    assert len(nia_group) >= 3
    page = alice_client.get(reverse("workshop:today", args=[room12.pk])).content.decode()
    assert "Nia observes until" in page


def test_history_counts_who_worked_with_whom(alice_client, room12):
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    first = groups(today(room12))[0]
    page = alice_client.get(reverse("workshop:history", args=[room12.pk])).content.decode()
    assert f"{first[1]} (1)" in page


def test_names_are_escaped_on_today_pages(alice_client, alice):
    classroom = make_classroom(alice)
    for name in ("<script>alert(1)</script>", "Ben", "Cy", "Di"):
        make_student(classroom, name=name)
    save_current_plan(alice_client, classroom)
    for view in ("today", "projector", "history"):
        body = alice_client.get(reverse(f"workshop:{view}", args=[classroom.pk])).content
        assert b"<script>alert(1)</script>" not in body, view
        assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in body, view


def test_student_page_shows_who_they_worked_with_and_how_often(alice_client, room12):
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    first = groups(today(room12))[0]
    yesterday = today(room12)
    yesterday.date -= timedelta(days=1)
    yesterday.save()
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    student = room12.students.get(name=first[0])
    page = alice_client.get(reverse("classes:student", args=[room12.pk, student.pk])).content
    assert f'{first[1]} <span class="muted">(2 days)'.encode() in page
    make_student(room12, name="Newbie")
    newbie = room12.students.get(name="Newbie")
    page = alice_client.get(reverse("classes:student", args=[room12.pk, newbie.pk])).content
    assert b"No workshop days recorded yet" in page


def start_temporary(client, classroom, choosers, length="day"):
    return client.post(
        reverse("workshop:temporary", args=[classroom.pk]),
        {"choosers": choosers, "length": length},
        **HTMX,
    )


def test_half_assigned_half_choose_then_back_to_the_plan(alice_client, room12):
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    names = sorted(room12.students.values_list("name", flat=True))
    choosers = [n for n in names[::2] if n not in ("Amara", "Linh")]
    response = start_temporary(alice_client, room12, choosers, length="week")
    assert b"Temporary partners until" in response.content and b"Still choosing" in response.content
    day = today(room12)
    assert sorted(day.arrangement["floaters"]) == sorted(choosers)
    assigned = [m for g in groups(day) for m in g]
    assert sorted(assigned) == sorted(set(names) - set(choosers))
    apart = kept_apart(room12)
    assert not any(frozenset(p) in apart for g in groups(day) for p in combinations(g, 2))

    # Two choosers pick each other: it lasts the week, not just today.
    first, second = choosers[0], choosers[1]
    post(alice_client, room12, "adjust", student=first, to="new")
    new_index = next(i for i, g in enumerate(groups(today(room12))) if g == [first])
    post(alice_client, room12, "adjust", student=second, to=str(new_index), confirm="yes")
    assert any(set(g) == {first, second} for g in groups(today(room12)))
    temporary = room12.temporary_partners.get()
    assert any(set(g["members"]) == {first, second} for g in temporary.arrangement["groups"])

    post(alice_client, room12, "temporary_end")
    plan_groups = {frozenset(g["members"]) for g in room12.current_plan.arrangement["groups"]}
    assert {frozenset(g) for g in groups(today(room12))} == plan_groups


def test_temporary_partners_end_with_their_period(alice_client, room12):
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    start_temporary(alice_client, room12, ["Ana", "Ben", "Zoe", "Maya"], length="day")
    temporary = room12.temporary_partners.get()
    assert temporary.starts == temporary.ends == timezone.localdate()
    temporary.starts -= timedelta(days=1)
    temporary.ends -= timedelta(days=1)
    temporary.save()
    room12.days.all().delete()
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    plan_groups = {frozenset(g["members"]) for g in room12.current_plan.arrangement["groups"]}
    assert {frozenset(g) for g in groups(today(room12))} == plan_groups


def test_temporary_partners_refuse_bad_input(alice_client, room12):
    alice_client.get(reverse("workshop:today", args=[room12.pk]))
    assert b"Tick the students" in start_temporary(alice_client, room12, []).content
    assert b"Zed is not in this class" in start_temporary(alice_client, room12, ["Zed"]).content
    assert not room12.temporary_partners.exists()
