"""Natural partnerships in a browser: the teacher logs who chose to work together in
choice time on a tablet, makes a plan and finds the pair with its reason; the insights
page on a laptop."""

import re
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from partnerup.classes.keys import student_key
from partnerup.classes.models import Classroom
from partnerup.workshop.models import LeadTurn, WorkshopDay
from tests.classes.factories import make_student

from .conftest import DESKTOP, TABLET, shot

PASSWORD = "writing-partners-2026"
NAMES = ("Amara", "Ben", "Camila", "Diego", "Ella", "Finn", "Gia", "Hugo")


def plain_class(django_user_model) -> Classroom:
    """Eight writers with nothing to tell them apart: only choice time pulls."""
    teacher = django_user_model.objects.create_user("ms.lee", password=PASSWORD)
    classroom = Classroom.objects.create(teacher=teacher, name="Room 12")
    for name in NAMES:
        make_student(classroom, name=name)
    return classroom


def sign_in(page):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("ms.lee")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_choice_time_pair_is_planned_together_with_its_reason(open_page, django_user_model):
    classroom = plain_class(django_user_model)
    page = open_page(TABLET)
    sign_in(page)
    page.goto(reverse("classes:detail", args=[classroom.pk]))
    page.get_by_role("link", name="Choice time: who chose whom").click()
    page.get_by_role("heading", name="Natural partnerships in choice time").wait_for()
    assert page.get_by_label("Day").input_value() == timezone.localdate().isoformat()
    page.get_by_label("Camila").check()
    page.get_by_label("Hugo").check()
    page.get_by_role("button", name="Keep").click()
    page.get_by_text("Kept: Camila and Hugo chose to work together.").wait_for()
    assert "Camila, Hugo" in page.locator(".rule-list").inner_text()
    shot(page, "90-choice-time-logged-tablet")

    page.goto(reverse("plans:index", args=[classroom.pk]))
    page.get_by_role("button", name="Make partnerships").click()
    card = page.locator("#board li.pcard", has_text="chose to work together in choice time")
    card.first.wait_for()
    text = card.first.inner_text()
    assert "Camila" in text and "Hugo" in text
    assert "Camila and Hugo chose to work together in choice time" in text
    assert "\ue000" not in page.content()
    shot(page, "91-choice-time-pair-on-the-plan-tablet")


def test_deleting_an_entry_asks_first(open_page, django_user_model):
    classroom = plain_class(django_user_model)
    seen = classroom.choice_time.create(date=timezone.localdate())
    seen.students.set(classroom.students.filter(name__in=("Ben", "Gia")))
    page = open_page(TABLET)
    sign_in(page)
    page.goto(reverse("choicetime:log", args=[classroom.pk]))
    page.locator(".rule-list").get_by_role("link", name="Delete").click()
    page.get_by_role("heading", name="Delete this choice-time entry?").wait_for()
    shot(page, "92-choice-time-delete-asks-tablet")
    assert classroom.choice_time.exists()
    page.get_by_role("button", name="Delete").click()
    page.get_by_text("Nothing kept yet.").wait_for()
    assert not classroom.choice_time.exists()


def test_the_insights_page_on_a_laptop(open_page, django_user_model):
    classroom = plain_class(django_user_model)
    pk = dict(classroom.students.values_list("name", "pk"))

    def groups(*names):
        return {"groups": [{"members": [student_key(pk[n]) for n in g]} for g in names]}

    steady = ("Amara", "Ben")
    for n, others in enumerate(
        [[("Camila", "Diego"), ("Ella", "Finn"), ("Gia", "Hugo")],
         [("Camila", "Ella"), ("Diego", "Gia"), ("Finn", "Hugo")]]
    ):  # fmt: skip
        classroom.plans.create(
            name=f"Unit {n + 1}",
            is_draft=False,
            is_current=n == 1,
            saved=timezone.now() - timedelta(days=30 * (1 - n)),
            arrangement=groups(steady, *others),
        )
    day = WorkshopDay.objects.create(
        classroom=classroom, date=date(2026, 9, 15), arrangement=groups(steady, ("Camila", "Ella"))
    )
    members = "|".join(str(p) for p in sorted((pk["Amara"], pk["Ben"])))
    LeadTurn.objects.bulk_create(
        LeadTurn(day=day, members=members, leader_id=pk["Amara" if n < 5 else "Ben"])
        for n in range(6)
    )
    seen = classroom.choice_time.create(date=date(2026, 9, 16))
    seen.students.set([pk["Ben"], pk["Hugo"]])
    page = open_page(DESKTOP)
    sign_in(page)
    page.goto(reverse("classes:detail", args=[classroom.pk]))
    page.get_by_role("link", name="Insights").click()
    page.get_by_role("heading", name="Insights").wait_for()
    body = page.locator("body").inner_text()
    assert "Amara and Ben have been partners in the last 2 plans." in body
    assert "2 students have only ever had one partner: Amara, Ben" in body
    table = page.locator("table.insights").inner_text()
    assert "led 5 of 6 · leads more than a fair share" in table
    assert "Different partners" in table and "Chose in choice time" in table
    shot(page, "93-insights-laptop")


def test_the_choice_time_page_in_spanish_on_a_tablet(open_page, django_user_model):
    classroom = plain_class(django_user_model)
    seen = classroom.choice_time.create(date=timezone.localdate())
    seen.students.set(classroom.students.filter(name__in=("Ben", "Gia")))
    page = open_page(TABLET, locale="es-MX")
    sign_in_es(page)
    page.goto(reverse("choicetime:log", args=[classroom.pk]))
    page.get_by_role("heading", name="Parejas naturales en el tiempo de elección").wait_for()
    page.get_by_label("Ella").check()
    today = timezone.localdate().isoformat()
    assert page.locator("input[name=date]").input_value() == today  # ISO, whatever the language
    page.get_by_role("button", name="Guardar").click()
    page.get_by_text("Toca dos o tres estudiantes; tocaste 1.").wait_for()
    body = page.locator("body").inner_text()
    assert not re.findall(r"\b(Keep|Delete|Day|Seen so far|Who worked)\b", body), body
    shot(page, "94-choice-time-spanish-tablet")


def sign_in_es(page):
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill("ms.lee")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button").last.click()
    page.wait_for_url("**/classes/**")
