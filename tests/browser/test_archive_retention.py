"""Archiving a class says in advance what the school's clean-up will delete; the class
page says when, and afterwards what went (tablet)."""

import datetime as dt

from django.utils import timezone

from partnerup import demo
from partnerup.classes.models import Classroom
from partnerup.upkeep.retention import remove_expired_student_data

from .conftest import TABLET, shot
from .test_dangerous_buttons import sign_in_to_demo


def test_archiving_warns_and_the_class_page_says_when_answers_go_and_went(page, settings):
    classroom = sign_in_to_demo(page, settings)
    page.get_by_role("link", name="My classes").first.click()
    page.get_by_role("button", name="Archive").click()
    warning = page.get_by_role("status").filter(has_text="60 days after a class is archived")
    assert "Download everything (on the class page) first" in warning.inner_text()
    shot(page, "95-archive-warns-of-retention")

    page.get_by_role("link", name=classroom.name).click()
    classroom.refresh_from_db()
    note = page.get_by_role("note").filter(has_text="will be removed on")
    due = timezone.localtime(classroom.archived_at + dt.timedelta(days=60))
    assert f"will be removed on {due.day} {due:%B %Y}" in note.inner_text()
    shot(page, "96-archived-class-says-when")

    removed = remove_expired_student_data(classroom.archived_at + dt.timedelta(days=60))
    assert removed.rows > 0
    page.reload()
    note = page.get_by_role("note").filter(has_text="were removed on")
    assert "60 days after this class was archived" in note.inner_text()
    assert page.get_by_role("link", name="Download everything").is_visible()
    shot(page, "97-class-says-what-was-removed")


def test_the_spanish_class_page_says_when_in_spanish(open_page, settings):
    page = open_page(viewport=TABLET, locale="es-ES")
    settings.DEMO_MODE = True
    demo.ensure_demo()
    page.goto("/")
    page.get_by_role("button", name="Probar la clase de demostración").click()
    classroom = Classroom.objects.get(name=demo.DEMO_CLASS)
    classroom.set_archived(True, dt.datetime(2027, 1, 1, 15, tzinfo=dt.UTC))
    page.get_by_role("link", name=demo.DEMO_CLASS).click()
    note = page.get_by_role("note").filter(has_text="se eliminarán el 2 de marzo de 2027")
    assert "60 días después de archivarla" in note.inner_text()
    shot(page, "98-archived-class-in-spanish")
