"""Conferring on a tablet: a note in three taps changes the radar and who to see today."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from partnerup.conferring.models import ConferenceNote
from partnerup.conferring.services import members_token

from .conftest import TABLET, shot
from .test_today import demo_class_with_current_plan, sign_in


def notes_over_the_last_weeks(classroom):
    """Most of the class seen at some time in the last five weeks; a few never."""
    today = timezone.localdate()
    pks = list(classroom.students.order_by("name").values_list("pk", flat=True))
    for n, pk in enumerate(pks[:-4]):
        ConferenceNote.objects.create(
            classroom=classroom,
            student_id=pk,
            date=today - timedelta(days=2 + (n * 3) % 35),
            members=members_token([pk]),
            skill="lead",
            next_step="dialogue" if n % 3 == 0 else "",
        )


def test_a_note_in_three_taps_updates_the_radar_and_who_to_see(open_page, django_user_model):
    classroom = demo_class_with_current_plan(django_user_model)
    notes_over_the_last_weeks(classroom)
    page = open_page(TABLET)
    sign_in(page)
    page.goto(reverse("classes:detail", args=[classroom.pk]))
    page.get_by_role("link", name="Conferring: who to see today").click()
    page.get_by_role("heading", name="Who to see today").wait_for()
    page.wait_for_function("window.htmx")
    shot(page, "conferring-10-radar")
    first = page.locator(".who-pick").first
    name = first.locator(".who-name").inner_text()
    assert page.locator(".who-pick").count() >= 3

    first.click()  # tap 1: the student
    page.get_by_role("heading", name=f"Conference with {name}").wait_for()
    shot(page, "conferring-20-note-panel")
    page.locator("label.tile", has_text="adding details").click()  # tap 2: the skill
    page.get_by_role("button", name="Save note").click()  # tap 3: save
    page.get_by_text(f"Note saved for {name}.").wait_for()
    shot(page, "conferring-30-saved")

    assert name not in page.locator(".who-name").all_inner_texts()
    row = page.locator(".radar-list").nth(1).locator(".radar-row", has_text=name)
    assert "green" in row.get_attribute("class") and "today" in row.inner_text()
    note = ConferenceNote.objects.get(skill="elaboration")
    assert note.date == timezone.localdate()
    row.get_by_role("link", name="Timeline").click()
    page.get_by_role("heading", name=f"Timeline: {name}").wait_for()
    assert "adding details" in page.locator(".timeline .entry").first.inner_text()
    shot(page, "conferring-35-student-timeline")


def test_a_partnership_note_from_the_radar_concerns_every_member(open_page, django_user_model):
    classroom = demo_class_with_current_plan(django_user_model)
    page = open_page(TABLET)
    sign_in(page)
    page.goto(reverse("conferring:radar", args=[classroom.pk]))
    page.wait_for_function("window.htmx")
    pair = page.locator(".radar-list").first.locator(".radar-pick").first
    label = pair.locator(".radar-name").inner_text()
    pair.click()
    page.get_by_role("heading", name=f"Conference with {label}").wait_for()
    members = len(label.split(" & "))
    assert members >= 2 and page.locator("input[name=students]:checked").count() == members
    page.locator("label.tile", has_text="a strong ending").click()
    page.get_by_role("button", name="Save note").click()
    page.get_by_text(f"Note saved for {label}.").wait_for()
    assert ConferenceNote.objects.filter(skill="ending").count() == members
    row = page.locator(".radar-list").first.locator(".radar-row", has_text=label)
    assert "green" in row.get_attribute("class")
    shot(page, "conferring-40-partnership-saved")


def test_the_note_panel_reads_well_in_spanish_on_a_tablet(open_page, django_user_model):
    classroom = demo_class_with_current_plan(django_user_model)
    notes_over_the_last_weeks(classroom)
    page = open_page(TABLET, locale="es-ES")
    sign_in_es(page)
    page.goto(reverse("conferring:radar", args=[classroom.pk]))
    page.get_by_role("heading", name="A quién ver hoy").wait_for()
    page.wait_for_function("window.htmx")
    page.locator(".who-pick").first.click()
    page.get_by_role("button", name="Guardar la nota").wait_for()
    assert page.locator("label.tile", has_text="usar diálogo").count() == 1
    shot(page, "conferring-50-note-panel-es")


def sign_in_es(page):
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill("ms.lee")
    page.locator("input[name=password]").fill("writing-partners-2026")
    page.locator("form button[type=submit], form button").last.click()
    page.wait_for_url("**/classes/**")
