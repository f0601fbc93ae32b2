"""Partner jobs in a browser: the teacher chooses two jobs for the unit (tablet), Today
shows them, the "What is my job?" charts print one letter page each, and a student on
a phone sees their own job in English and in Spanish."""

import re

from django.urls import reverse

from partnerup.classes.keys import key_pk
from partnerup.voice.models import SignInCard

from .conftest import TABLET, shot
from .test_student_voice import PHONE
from .test_today import demo_class_with_current_plan, sign_in


def first_pair(classroom):
    """Today's first partnership of two: (A's id, B's id)."""
    day = classroom.days.get()
    group = next(g for g in day.arrangement["groups"] if len(g["members"]) == 2)
    a, b = sorted(group["members"], key=lambda m: group["roles"][m])
    return key_pk(a), key_pk(b)


def test_two_jobs_for_the_unit_show_on_today_the_charts_and_a_students_phone(
    open_page, django_user_model
):
    classroom = demo_class_with_current_plan(django_user_model)
    page = open_page(TABLET)
    sign_in(page)
    page.goto(reverse("classes:detail", args=[classroom.pk]))
    page.get_by_role("link", name="Partner jobs").click()
    page.get_by_role("heading", name="Partner jobs", exact=True).wait_for()
    page.get_by_label("Cheerleader").check()
    page.get_by_label("Editor").check()
    assert page.get_by_label("This unit (Unit 2)").is_checked()
    page.get_by_role("button", name="Use these jobs").click()
    page.get_by_text("Saved: these are the partner jobs for this unit.").wait_for()
    shot(page, "60-jobs-chosen")

    page.get_by_role("link", name="Today", exact=True).click()
    jobs = page.locator(".jobs-today")
    jobs.get_by_role("heading", name="Partner jobs today").wait_for()
    assert re.sub(r"\s+", " ", jobs.locator(".job-letters").first.inner_text()).strip() == (
        "A Cheerleader B Editor"
    )
    jobs.get_by_text("Each partnership's jobs").click()
    shot(page, "61-today-jobs")

    page.goto(reverse("workshop:projector", args=[classroom.pk]))
    page.locator(".wall-jobs").get_by_text("Cheerleader").first.wait_for()
    shot(page, "61b-projector-jobs")

    page.goto(reverse("jobs:index", args=[classroom.pk]))
    page.get_by_role("link", name="Editor", exact=True).click()
    page.get_by_label("Frame (English)").last.fill("I wonder why…")
    page.get_by_label("… in Spanish (optional)").fill("Me pregunto por qué…")
    page.get_by_role("button", name="Add", exact=True).click()
    page.get_by_text("I wonder why…").wait_for()
    shot(page, "61c-role-frames")
    assert classroom.partner_roles.get(key="editor").frames.last().es == "Me pregunto por qué…"

    page.goto(reverse("jobs:index", args=[classroom.pk]))
    page.get_by_role("link", name="Print the charts (English)").click()
    assert page.locator(".job-chart").count() == 2
    assert page.locator(".job-chart h1").all_inner_texts() == ["Cheerleader", "Editor"]
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 816, "height": 1056})  # a letter page at 96 dpi
    page.screenshot(path=str(shot(page, "62-job-charts-print").with_name("62b-letter-page.png")))
    pdf = page.pdf(format="Letter")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 2

    a, b = first_pair(classroom)
    student = classroom.students.get(pk=a)
    card = SignInCard.objects.create(student=student, language="en")
    phone = open_page(PHONE)
    phone.goto(reverse("voice:card", args=[card.token]))
    phone.get_by_role("link", name="My job: Cheerleader").click()
    phone.get_by_role("heading", name="What is my job?").wait_for()
    phone.get_by_text("I noticed that you…").wait_for()
    shot(phone, "63-phone-my-job")
    phone.get_by_role("button", name="Español").click()
    phone.get_by_role("heading", name="¿Cuál es mi trabajo?").wait_for()
    phone.get_by_role("heading", name="Animador").wait_for()
    shot(phone, "64-phone-my-job-spanish")
    phone.get_by_role("link", name="Inicio").click()
    phone.get_by_role("link", name="Mi trabajo: Animador").wait_for()
    shot(phone, "65-phone-home-spanish")
