"""The main path a new teacher takes, in a real browser: sign up → create a class →
import the CSV → generate → drag a student → lock → re-plan → save → print view."""

import re
from functools import partial
from pathlib import Path

from partnerup import demo
from partnerup.classes.keys import KEY_CLOSE, KEY_OPEN, pks_of
from partnerup.classes.models import Classroom
from partnerup.plans.models import Plan
from tests.classes.factories import load_class

from .conftest import TABLET, board_ready, shot

ROSTER = Path(demo.EXAMPLES) / "room12.csv"
PASSWORD = "writing-partners-2026"


def no_shot(name: str) -> None:
    pass


def sign_up(page, username="ms.rivera", snap=no_shot):
    page.goto("/")
    snap("01-home")
    page.get_by_role("link", name="Sign up", exact=True).click()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Email").fill(f"{username}@school.example")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    snap("02-sign-up-form")
    page.get_by_role("button", name="Sign up").click()
    page.get_by_role("heading", name="My classes").wait_for()
    snap("03-my-classes")


def create_class_and_import(page, name="Room 12", snap=no_shot):
    page.get_by_role("link", name="New class").click()
    page.get_by_label("Class name").fill(name)
    snap("04-new-class-form")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name=name).wait_for()
    snap("05-class-page-empty")
    page.get_by_role("link", name="Import roster CSV").click()
    page.get_by_label("Roster file").set_input_files(str(ROSTER))
    page.get_by_role("button", name="Preview").click()
    snap("06-import-preview")
    return page.get_by_role("button", name="Import 24 students")


FOCUSED = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        name: el.labels && el.labels.length ? el.labels[0].textContent : el.textContent,
        visible: el.matches(":focus-visible") && style.outlineStyle !== "none"
            && parseFloat(style.outlineWidth) >= 2,
    };
}"""


def test_sign_up_by_keyboard_alone(page):
    page.goto("/accounts/signup/")
    typed = {
        "Username:": "ms.rivera",
        "Email:": "ms.rivera@school.example",
        "Password:": PASSWORD,
        "Password confirmation:": PASSWORD,
    }
    reached = []
    # The page opens with Username focused; Tab walks the rest of the form.
    for _ in range(12):
        focused = page.evaluate(FOCUSED)
        name = focused["name"].strip()
        assert focused["visible"], f"no visible focus on {name!r}"
        reached.append(name)
        if name in typed:
            page.keyboard.type(typed[name])
        if name == "Sign up":
            break
        page.keyboard.press("Tab")
    assert reached == [*typed, "Sign up"]
    shot(page, "00-sign-up-by-keyboard")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="My classes").wait_for()


def card_members(page, index: int) -> list[str]:
    chips = page.locator(f'#board li.pcard[data-card="{index}"] .chip')
    return [re.sub(r"^[A-C]\s+", "", t).strip() for t in chips.all_inner_texts()]


def card_ids(page, index: int) -> list[int]:
    """The students' ids on a card: each chip's data-student."""
    chips = page.locator(f'#board li.pcard[data-card="{index}"] .chip')
    return [int(chip.get_attribute("data-student")) for chip in chips.all()]


def ruled_ids(classroom) -> set[int]:
    return {pk for rule in classroom.rules.all() for pk in rule.students}


def no_keys(page) -> bool:
    return KEY_OPEN not in page.content() and KEY_CLOSE not in page.content()


def test_new_teacher_main_path(page):
    snap = partial(shot, page)
    sign_up(page, snap=snap)
    confirm = create_class_and_import(page, snap=snap)
    assert page.locator("table.import-new tbody tr").count() == 24
    confirm.click()
    page.get_by_text("Imported: 24 new, 0 updated, 0 unchanged, 0 removed.").wait_for()
    for name in ("Amara", "Carlos", "Zoe"):
        assert page.get_by_role("link", name=name, exact=True).count() == 1
    shot(page, "07-class-page")

    page.get_by_role("link", name="Plan partnerships").click()
    page.get_by_label("Similar goals").select_option(label="A lot")
    shot(page, "08-plan-settings")
    page.get_by_role("button", name="Make partnerships").click()
    page.locator("#board li.pcard").first.wait_for()
    shot(page, "09-board")
    classroom = Classroom.objects.get(name="Room 12")
    plan = classroom.plans.get(is_draft=True)
    assert plan.settings["weights"]["same_goal"] == 4

    # Drag a student onto another partnership: the board updates without a reload.
    page.evaluate("window.stillThisPage = true")
    assert no_keys(page)
    ruled = ruled_ids(classroom)
    cards = page.locator(
        "#board li.pcard[data-card]:not([data-card=floaters]):not([data-card=new])"
    )
    free = [
        i
        for i in range(cards.count())
        if len(card_ids(page, i)) == 2 and not ruled & set(card_ids(page, i))
    ]
    source, target = free[0], free[1]
    moving = card_ids(page, source)[0]
    moving_name = classroom.students.get(pk=moving).name
    assert card_members(page, source)[0] == moving_name
    board_ready(page)
    page.locator(f'#board .chip[data-student="{moving}"]').drag_to(
        page.locator(f'#board li.pcard[data-card="{target}"] .pcard-head')
    )
    page.wait_for_function(
        f"document.querySelector('#board li.pcard[data-card=\"{target}\"]')"
        f".textContent.includes({moving_name!r})"
    )
    assert moving in card_ids(page, target) and moving_name in card_members(page, target)
    assert page.evaluate("window.stillThisPage") is True
    assert page.get_by_text(" has no partner yet").count() == 1
    shot(page, "10-after-drag")
    plan.refresh_from_db()
    assert plan.arrangement["status"] == "edited"
    assert any(
        moving in pks_of(g["members"]) and len(g["members"]) == 3
        for g in plan.arrangement["groups"]
    )

    # Lock one partnership, then re-plan the rest.
    lock = next(i for i in range(cards.count()) if 2 <= len(card_ids(page, i)) <= 3)
    locked_members = card_ids(page, lock)
    page.locator(f'#board li.pcard[data-card="{lock}"]').get_by_role("button", name="Lock").click()
    page.locator(f'#board li.pcard.locked[data-card="{lock}"]').wait_for()
    page.get_by_role("button", name="Re-plan the rest (keeps locked)").click()
    page.wait_for_function(
        "!document.querySelector('#board').textContent.includes('no partner yet')"
    )
    shot(page, "11-replanned")
    plan.refresh_from_db()
    groups = plan.arrangement["groups"]
    kept = [g for g in groups if set(pks_of(g["members"])) == set(locked_members)]
    assert len(kept) == 1 and kept[0]["locked"]
    assert sorted(m for g in groups for m in pks_of(g["members"])) == sorted(
        classroom.students.values_list("pk", flat=True)
    )
    assert no_keys(page)

    # Save with a name and dates; it becomes the current plan.
    page.get_by_label("Plan name").fill("Unit 2: Small moments")
    page.get_by_label("From").fill("2026-09-15")
    page.get_by_label("Until").fill("2026-10-20")
    page.get_by_role("button", name="Save as the current plan").click()
    page.get_by_text("It is now the class's current plan").wait_for()
    shot(page, "12-saved")
    saved = Plan.objects.get(name="Unit 2: Small moments")
    assert saved.is_current and not saved.is_draft

    # The print view: every student, A/B columns, one printed page.
    page.get_by_role("link", name="Print").click()
    page.get_by_role("heading", name="Room 12: writing partners").wait_for()
    assert "Sep 15 – Oct 20" in page.content()
    for name in classroom.students.values_list("name", flat=True):
        assert page.locator("table.chart").get_by_text(name, exact=True).count() == 1
    assert no_keys(page)
    shot(page, "13-print")
    pdf = page.pdf(format="Letter")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_print_view_fits_one_page_for_36_students(page, django_user_model):
    teacher = django_user_model.objects.create_user("big", password=PASSWORD)
    classroom = Classroom.objects.create(teacher=teacher, name="Room 36")
    from partnerup.engine.synthetic import synthetic_class

    load_class(classroom, synthetic_class(36, seed=1)[0])
    assert classroom.students.count() == 36
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("big")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"/classes/{classroom.pk}/plans/")
    page.get_by_label("Allow partnerships of three where they help").uncheck()
    page.get_by_role("button", name="Make partnerships").click()
    page.locator("#board li.pcard").first.wait_for()
    page.get_by_role("link", name="Print preview").click()
    assert page.locator("table.chart tbody tr").count() == 18
    shot(page, "14-print-36")
    pdf = page.pdf(format="Letter")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_board_by_keyboard_on_a_tablet(open_page, django_user_model):
    page = open_page(TABLET)
    sign_up(page, "mr.okafor")
    create_class_and_import(page).click()
    page.get_by_role("link", name="Plan partnerships").click()
    page.get_by_role("button", name="Make partnerships").click()
    page.locator("#board li.pcard").first.wait_for()
    classroom = Classroom.objects.get(name="Room 12")
    ruled = ruled_ids(classroom)
    groups = classroom.plans.get(is_draft=True).arrangement["groups"]
    free = [
        pks_of(g["members"])
        for g in groups
        if not ruled & set(pks_of(g["members"])) and len(g["members"]) == 2
    ]
    first, second = free[0][0], free[1][0]
    first_name = classroom.students.get(pk=first).name
    board_ready(page)
    page.locator(f'#board .chip[data-student="{first}"]').focus()
    page.keyboard.press("Enter")
    assert (
        page.locator(f'#board .chip[data-student="{first}"]').get_attribute("aria-pressed")
        == "true"
    )
    hint = page.get_by_role("status").first.inner_text()
    assert hint.startswith(f"{first_name} chosen: now choose a classmate"), hint
    shot(page, "15-tablet-picked")
    page.locator(f'#board .chip[data-student="{second}"]').focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"document.activeElement && document.activeElement.dataset.student === '{first}'"
    )
    shot(page, "16-tablet-swapped")
    after = [
        set(pks_of(g["members"])) for g in classroom.plans.get(is_draft=True).arrangement["groups"]
    ]
    assert {first, free[1][1]} in after
    assert {second, free[0][1]} in after
