import csv
import html
import io
import json
import re
from datetime import date

import pytest
from django.urls import reverse

from partnerup import demo
from partnerup.classes.keys import KEY_CLOSE, KEY_OPEN, key_pk, student_key
from partnerup.classes.models import Classroom
from partnerup.classes.services import names_of
from partnerup.plans.models import Plan
from tests.classes.factories import make_classroom, make_rule, make_student, pk_of, pks_of

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def room12(alice):
    classroom = make_classroom(alice, name="Room 12")
    demo.fill_with_example(classroom)
    return classroom


def generate(client, classroom, **choices):
    data = {
        "strategy": "purposeful",
        "level": "similar",
        "talk": "complement",
        "threes": "on",
        "floaters": 0,
        **{f"w_{n}": 2 for n in ("choices", "interests", "same_goal", "strength_meets_goal")},
        **{f"w_{n}": 2 for n in ("level", "talk", "language")},
        **choices,
    }
    return client.post(reverse("plans:generate", args=[classroom.pk]), data)


def draft_of(classroom) -> Plan:
    return classroom.plans.get(is_draft=True)


def groups(plan: Plan) -> list[list[int]]:
    """Each partnership's members as student ids (the arrangement keys them)."""
    return [[key_pk(m) for m in g["members"]] for g in plan.arrangement["groups"]]


def floaters(plan: Plan) -> list[int]:
    return [key_pk(m) for m in plan.arrangement["floaters"]]


def group_sets(plan: Plan) -> list[set[int]]:
    return [set(g) for g in groups(plan)]


def unruled_groups(plan: Plan) -> list[list[int]]:
    """Groups with nobody named in a class rule (moving them breaks no rule)."""
    ruled = {m for rule in plan.classroom.rules.all() for m in rule.students}
    return [g for g in groups(plan) if not ruled & set(g)]


def move(client, plan, **values):
    url = reverse("plans:move", args=[plan.classroom_id, plan.pk])
    return client.post(url, values, **HTMX)


def test_generate_makes_a_draft_and_shows_the_board(alice_client, room12):
    response = generate(alice_client, room12)
    draft = draft_of(room12)
    assert response.url == reverse("plans:board", args=[room12.pk, draft.pk])
    page = alice_client.get(response.url).content.decode()
    placed = sorted(m for g in groups(draft) for m in g) + floaters(draft)
    assert len(placed) == 24 and sorted(placed) == sorted(names_of(room12))
    names = names_of(room12)
    for pk in placed:
        assert names[pk] in page
        assert f'data-student="{pk}"' in page
    assert KEY_OPEN not in page and KEY_CLOSE not in page
    assert "Partnership 1" in page and 'class="role"' in page
    assert draft.settings["weights"]["choices"] == 2


def test_teacher_words_become_engine_weights(alice_client, room12):
    generate(alice_client, room12, w_choices=0, w_interests=4, strategy="choice")
    chosen = draft_of(room12).settings
    assert chosen["weights"]["choices"] == 0 and chosen["weights"]["interests"] == 4
    assert chosen["strategy"] == "choice"


def test_bad_settings_are_shown_and_nothing_is_made(alice_client, room12):
    response = generate(alice_client, room12, strategy="chaos", floaters=-1)
    assert response.status_code == 200
    assert b"Select a valid choice" in response.content
    assert not room12.plans.exists()


def test_clashing_rules_are_named_and_nothing_is_made(alice_client, alice):
    classroom = make_classroom(alice)
    ben = make_student(classroom, name="Ben")
    make_student(classroom, name="Ana", avoid=[ben.pk])
    response = generate(alice_client, classroom)
    assert b"These rules clash" in response.content
    assert b"Ana" in response.content
    assert KEY_OPEN.encode() not in response.content
    assert not classroom.plans.exists()


def test_a_class_of_one_is_told_to_add_students(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Ana")
    response = generate(alice_client, classroom)
    assert b"add at least two students" in response.content


def test_generating_again_replaces_only_the_draft(alice_client, room12):
    generate(alice_client, room12)
    first = draft_of(room12)
    alice_client.post(reverse("plans:save", args=[room12.pk, first.pk]), {"name": "Unit 1"})
    generate(alice_client, room12)
    generate(alice_client, room12)
    assert room12.plans.filter(is_draft=True).count() == 1
    assert room12.plans.get(pk=first.pk).name == "Unit 1"


def test_moving_a_student_rescores_and_answers_with_the_board_only(alice_client, room12):
    generate(alice_client, room12)
    plan = draft_of(room12)
    first = next(g for g in unruled_groups(plan) if len(g) == 2)
    second = next(g for g in unruled_groups(plan) if g != first)
    target = groups(plan).index(second)
    response = move(alice_client, plan, student=first[0], to=str(target), confirm="yes")
    body = response.content.decode()
    assert body.startswith('<section id="board"') and "<html" not in body
    plan.refresh_from_db()
    assert {*second, first[0]} in group_sets(plan)
    assert plan.arrangement["status"] == "edited"
    assert f"{names_of(room12)[first[1]]} has no partner yet" in body
    assert f'data-moved="{first[0]}"' in body


def test_swap_two_students(alice_client, room12):
    generate(alice_client, room12)
    plan = draft_of(room12)
    first, second = unruled_groups(plan)[:2]
    move(alice_client, plan, student=first[0], confirm="yes", **{"with": second[0]})
    plan.refresh_from_db()
    assert {second[0], *first[1:]} in group_sets(plan)
    assert {first[0], *second[1:]} in group_sets(plan)


def do_it_anyway(body: str) -> dict:
    """The values the confirmation's "Do it anyway" button posts back."""
    button = re.search(r"hx-vals='([^']*)'>Do it anyway</button>", body)
    assert button, "no Do it anyway button"
    return json.loads(html.unescape(button.group(1)))


def draft_keeping_apart(client, alice) -> tuple[Plan, int, int]:
    """A class of four (Ana, Ben, Cy, Di) with Ana and Cy kept apart, and its draft."""
    classroom = make_classroom(alice)
    for name in ("Ana", "Ben", "Cy", "Di"):
        make_student(classroom, name=name)
    ana, cy = pks_of(classroom, "Ana", "Cy")
    make_rule(classroom, kind="keep_apart", students=[ana, cy])
    generate(client, classroom, threes="")
    return draft_of(classroom), ana, cy


def test_a_move_that_breaks_a_rule_waits_for_confirmation(alice_client, alice):
    plan, ana, cy = draft_keeping_apart(alice_client, alice)
    classroom = plan.classroom
    ana_group = next(g for g in groups(plan) if ana in g)
    partner = next(m for m in ana_group if m != ana)
    partner_name = names_of(classroom)[partner]
    before = groups(plan)
    response = move(alice_client, plan, student=partner, **{"with": cy})
    body = response.content.decode()
    assert f"Swapping {partner_name} and Cy breaks a rule" in body
    assert "keep-apart rule" in body and "Ana" in body
    assert KEY_OPEN not in body and KEY_CLOSE not in body
    plan.refresh_from_db()
    assert groups(plan) == before
    anyway = do_it_anyway(body)
    assert anyway == {"student": str(partner), "with": str(cy), "to": "", "confirm": "yes"}
    response = move(alice_client, plan, **anyway)
    plan.refresh_from_db()
    assert any(set(g) == {ana, cy} for g in groups(plan))
    assert b'class="pcard broken"' in response.content


def test_lock_then_replan_keeps_the_locked_card(alice_client, room12):
    generate(alice_client, room12)
    plan = draft_of(room12)
    locked = groups(plan)[2]
    alice_client.post(
        reverse("plans:lock", args=[room12.pk, plan.pk, 2]), {"locked": "yes"}, **HTMX
    )
    response = move(alice_client, plan, student=locked[0], to="0")
    assert b"locked: unlock it first" in response.content
    alice_client.post(reverse("plans:replan", args=[room12.pk, plan.pk]), **HTMX)
    plan.refresh_from_db()
    locked_keys = {student_key(pk) for pk in locked}
    kept = [g for g in plan.arrangement["groups"] if set(g["members"]) == locked_keys]
    assert len(kept) == 1 and kept[0]["locked"]


def test_flip_swaps_a_and_b(alice_client, room12):
    generate(alice_client, room12)
    plan = draft_of(room12)
    before = plan.arrangement["groups"][0]["roles"]
    alice_client.post(reverse("plans:flip", args=[room12.pk, plan.pk, 0]), **HTMX)
    plan.refresh_from_db()
    after = plan.arrangement["groups"][0]["roles"]
    a_before = next(n for n, r in before.items() if r == "A")
    assert after[a_before] != "A"


def test_board_errors_are_plain_words(alice_client, room12):
    generate(alice_client, room12)
    plan = draft_of(room12)
    zed = make_student(room12, name="Zed")  # joined the class after the plan was made
    assert b"Zed is not on this board" in move(alice_client, plan, student=zed.pk, to="0").content
    on_board = groups(plan)[0][0]
    assert b"Choose where" in move(alice_client, plan, student=on_board, to="nowhere").content
    assert b"Choose where" in move(alice_client, plan, student=on_board).content
    assert b"number 99" in move(alice_client, plan, student=on_board, to="98").content


@pytest.mark.parametrize("bad", ["another class", "²", "", "9" * 10_000, "1\x00"])
@pytest.mark.parametrize("field", ["student", "with"])
def test_a_move_with_a_value_that_is_no_student_of_the_class_changes_nothing(
    alice_client, alice, room12, bad, field
):
    outsider = make_student(make_classroom(alice, name="Room 14"), name="Eve")
    value = str(outsider.pk) if bad == "another class" else bad
    generate(alice_client, room12)
    plan = draft_of(room12)
    before = plan.arrangement
    on_board = groups(plan)[0][0]
    if field == "student":
        values = {"student": value, "to": "1"}
    else:  # an empty `with` is no swap, and this move names no place either
        values = {"student": on_board, "with": value}
    response = move(alice_client, plan, confirm="yes", **values)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.startswith('<section id="board"') and "<html" not in body
    message = re.search(r'<p class="problem" role="alert">([^<]*)</p>', body)
    assert message and message.group(1) in (
        "That student is not in this class.",
        "Choose a student to move.",
        "Choose where to move the student.",
    )
    assert "Eve" not in body and KEY_OPEN not in body
    assert Plan.objects.get(pk=plan.pk).arrangement == before


def test_save_makes_the_current_plan_and_keeps_history(alice_client, room12):
    generate(alice_client, room12)
    first = draft_of(room12)
    url = reverse("plans:save", args=[room12.pk, first.pk])
    alice_client.post(
        url, {"name": "Unit 2: Small moments", "starts": "2026-09-15", "ends": "2026-10-20"}
    )
    first.refresh_from_db()
    assert first.is_current and not first.is_draft
    assert (first.starts, first.ends) == (date(2026, 9, 15), date(2026, 10, 20))
    assert first.dates == "Sep 15 – Oct 20"
    copy = alice_client.post(reverse("plans:copy", args=[room12.pk, first.pk]))
    second = draft_of(room12)
    assert copy.url == reverse("plans:board", args=[room12.pk, second.pk])
    alice_client.post(reverse("plans:save", args=[room12.pk, second.pk]), {"name": "Unit 3"})
    first.refresh_from_db()
    assert not first.is_current and room12.current_plan.name == "Unit 3"
    index = alice_client.get(reverse("plans:index", args=[room12.pk])).content.decode()
    assert "Unit 2: Small moments" in index and "Unit 3" in index
    alice_client.post(reverse("plans:make_current", args=[room12.pk, first.pk]))
    assert room12.current_plan.pk == first.pk


def test_a_second_click_on_save_lands_on_the_saved_plan_too(alice_client, room12):
    generate(alice_client, room12)
    plan = draft_of(room12)
    url = reverse("plans:save", args=[room12.pk, plan.pk])
    shown = reverse("plans:show", args=[room12.pk, plan.pk])
    first = alice_client.post(url, {"name": "Unit 1"})
    second = alice_client.post(url, {"name": "Unit 1"})
    assert (first.status_code, first.url) == (302, shown)
    assert (second.status_code, second.url) == (302, shown)
    page = alice_client.get(second.url)
    assert page.status_code == 200 and b"Unit 1" in page.content
    assert room12.plans.filter(is_draft=False).count() == 1
    assert room12.plans.get().is_current


def test_generating_twice_in_a_row_leaves_one_draft(alice_client, room12):
    first = generate(alice_client, room12)
    second = generate(alice_client, room12)
    assert room12.plans.count() == 1
    draft = draft_of(room12)
    assert second.url == reverse("plans:board", args=[room12.pk, draft.pk])
    assert first.url != second.url


def test_saved_plans_cannot_be_edited_on_the_board(alice_client, room12):
    generate(alice_client, room12)
    plan = draft_of(room12)
    alice_client.post(reverse("plans:save", args=[room12.pk, plan.pk]), {"name": "Unit 1"})
    before = Plan.objects.get(pk=plan.pk).arrangement
    response = move(alice_client, plan, student=groups(plan)[0][0], to="1")
    assert response.status_code == 404
    assert Plan.objects.get(pk=plan.pk).arrangement == before


def test_save_refuses_bad_dates_and_a_missing_name(alice_client, room12):
    generate(alice_client, room12)
    plan = draft_of(room12)
    url = reverse("plans:save", args=[room12.pk, plan.pk])
    response = alice_client.post(url, {"name": "", "starts": "2026-10-20", "ends": "2026-09-15"})
    assert response.status_code == 400
    assert (
        b"ends before it starts" in response.content
        and b"This field is required" in response.content
    )
    response = alice_client.post(url, {"name": "U", "starts": "next tuesday"})
    assert b"Enter a valid date" in response.content
    assert draft_of(room12).pk == plan.pk


def test_print_projector_and_class_page_show_the_current_plan(alice_client, room12):
    generate(alice_client, room12)
    plan = draft_of(room12)
    alice_client.post(reverse("plans:save", args=[room12.pk, plan.pk]), {"name": "Unit 1"})
    detail = alice_client.get(reverse("classes:detail", args=[room12.pk])).content.decode()
    assert "Current plan" in detail and "Unit 1" in detail
    printed = alice_client.get(reverse("plans:print", args=[room12.pk, plan.pk])).content.decode()
    projected = alice_client.get(reverse("plans:projector", args=[room12.pk, plan.pk])).content
    names = names_of(room12)
    for pk in (m for g in groups(plan) for m in g):
        assert names[pk] in printed and names[pk].encode() in projected
    assert printed.count("<tr>") == len(groups(plan)) + 1
    for page in (detail, printed, projected.decode()):
        assert KEY_OPEN not in page and KEY_CLOSE not in page


def test_csv_export_is_safe_against_formulas(alice_client, alice):
    classroom = make_classroom(alice)
    for name in ("=HYPERLINK(1)", "+Ben", "-Cy", "@Di", "Ed"):
        make_student(classroom, name=name)
    generate(alice_client, classroom)
    plan = draft_of(classroom)
    response = alice_client.get(reverse("plans:export", args=[classroom.pk, plan.pk]))
    assert response["Content-Type"] == "text/csv"
    assert "attachment" in response["Content-Disposition"]
    cells = [c for row in csv.reader(io.StringIO(response.content.decode())) for c in row]
    assert "'=HYPERLINK(1)" in cells and "'+Ben" in cells and "'-Cy" in cells and "'@Di" in cells
    assert "Ed" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_names_are_escaped_on_every_plan_page(alice_client, alice):
    classroom = make_classroom(alice)
    for name in ("<script>alert(1)</script>", "Ben", "Cy", "Di"):
        make_student(classroom, name=name)
    generate(alice_client, classroom)
    plan = draft_of(classroom)
    for view in ("board", "print", "projector"):
        body = alice_client.get(reverse(f"plans:{view}", args=[classroom.pk, plan.pk])).content
        assert b"<script>alert(1)</script>" not in body, view
        assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in body, view


def test_a_student_who_left_the_class_is_flagged_on_the_board(alice_client, room12):
    generate(alice_client, room12)
    plan = draft_of(room12)
    gone, partner = next(g for g in groups(plan) if len(g) == 2)
    room12.students.get(pk=gone).delete()  # a row gone without the removal page
    page = alice_client.get(reverse("plans:board", args=[room12.pk, plan.pk])).content.decode()
    assert "A removed student is no longer in this class" in page
    assert f'data-student="{gone}"' not in page and KEY_OPEN not in page
    assert f"{names_of(room12)[partner]} has no partner yet" in page


def test_removing_a_student_takes_them_off_the_draft_board(alice_client, room12):
    generate(alice_client, room12)
    plan = draft_of(room12)
    gone, partner = next(g for g in groups(plan) if len(g) == 2)
    name = names_of(room12)[gone]
    alice_client.post(reverse("classes:student_remove", args=[room12.pk, gone]))
    assert not room12.students.filter(pk=gone).exists()
    plan.refresh_from_db()
    assert gone not in {m for g in groups(plan) for m in g} | set(floaters(plan))
    page = alice_client.get(reverse("plans:board", args=[room12.pk, plan.pk])).content.decode()
    assert f"{names_of(room12)[partner]} has no partner yet" in page
    assert f"{name} " not in page and f"{name}<" not in page and KEY_OPEN not in page


def test_plans_of_another_class_are_not_reachable_through_mine(alice_client, alice, room12):
    other = make_classroom(alice, name="Room 14")
    generate(alice_client, room12)
    plan = draft_of(room12)
    url = reverse("plans:board", args=[other.pk, plan.pk])
    assert alice_client.get(url).status_code == 404
    assert Classroom.objects.count() == 2


def save_plan(client, classroom, name, groups_of):
    """Save a plan whose partnerships are exactly `groups_of` (names; made on the board)."""
    generate(client, classroom)
    draft = draft_of(classroom)
    keyed = [[student_key(pk_of(classroom, name)) for name in g] for g in groups_of]
    draft.arrangement = {
        **draft.arrangement,
        "groups": [{"members": g, "roles": {}, "score": 0} for g in keyed],
    }
    draft.save()
    client.post(reverse("plans:save", args=[classroom.pk, draft.pk]), {"name": name})


def test_class_page_warns_about_partners_who_never_change(alice_client, alice):
    classroom = make_classroom(alice)
    for name in ("Ana", "Ben", "Cy", "Di"):
        make_student(classroom, name=name)
    detail = reverse("classes:detail", args=[classroom.pk])
    save_plan(alice_client, classroom, "Unit 1", [["Ana", "Ben"], ["Cy", "Di"]])
    assert "never change" not in alice_client.get(detail).content.decode()
    save_plan(alice_client, classroom, "Unit 2", [["Ben", "Ana"], ["Cy", "Di"]])
    save_plan(alice_client, classroom, "Unit 3", [["Ana", "Ben"], ["Di", "Cy"]])
    page = alice_client.get(detail).content.decode()
    assert "Partnerships that never change" in page
    assert "Ana and Ben have been partners in the last 3 plans" in page
    assert "Cy and Di have been partners in the last 3 plans" in page
    save_plan(alice_client, classroom, "Unit 4", [["Ana", "Cy"], ["Ben", "Di"]])
    save_plan(alice_client, classroom, "Unit 5", [["Ana", "Cy"], ["Ben", "Di"]])
    page = alice_client.get(detail).content.decode()
    assert "Ana and Cy have been partners in the last 2 plans" in page
    assert "Ana and Ben" not in page
    assert KEY_OPEN not in page and KEY_CLOSE not in page


def test_like_with_like_talk_styles_can_be_chosen_and_are_used(alice_client, room12):
    generate(alice_client, room12, talk="alike", w_talk=4)
    plan = draft_of(room12)
    assert plan.settings["talk"] == "alike"
    board = alice_client.get(reverse("plans:board", args=[room12.pk, plan.pk])).content.decode()
    assert "similar talk styles" in board
    assert "balance the talk" not in board


def test_a_talk_style_that_is_not_offered_is_refused(alice_client, room12):
    response = generate(alice_client, room12, talk="loudest")
    assert "Select a valid choice" in response.content.decode()
    assert not room12.plans.exists()
