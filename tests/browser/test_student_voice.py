"""A student on a phone and on a tablet: sign in by the card's link, write a want ad
(tapping picture tiles), choose three classmates, switch to Spanish, and finish."""

import pytest
from django.urls import reverse

from partnerup import demo
from partnerup.classes.models import Classroom
from partnerup.voice.models import Answers, SignInCard
from tests.classes.factories import pks_of

from .conftest import TABLET, shot

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("device, viewport", [("phone", PHONE), ("tablet", TABLET)])
def test_a_student_writes_a_want_ad_and_chooses_classmates(
    open_page, django_user_model, device, viewport
):
    teacher = django_user_model.objects.create_user("ms.lee", password="x-pass-2026")
    classroom = Classroom.objects.create(teacher=teacher, name="Room 12")
    demo.fill_with_example(classroom)
    ana = classroom.students.get(name="Ana")
    card = SignInCard.objects.create(student=ana, language="en")  # Spanish at home
    page = open_page(viewport)
    page.goto(reverse("voice:card", args=[card.token]))
    page.get_by_role("heading", name="Hi, Ana!").wait_for()
    shot(page, f"30-{device}-student-home")

    page.get_by_role("link", name="My want ad").click()
    looking = page.get_by_role("group", name="I am looking for a partner who…")
    looking.get_by_role("button", name="listens to my writing", exact=True).click()
    looking.get_by_role("button", name="helps me find ideas", exact=True).click()
    offering = page.get_by_role("group", name="What I can offer")
    offering.get_by_role("button", name="I can help with spelling", exact=True).click()
    page.get_by_label("In my own words").fill("I like stories about the sea")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Writing partner wanted!").wait_for()
    shot(page, f"31-{device}-want-ad")
    answers = Answers.objects.get(student=ana)
    assert answers.wanted == ["listens", "ideas"] and answers.offered == ["spelling"]

    page.get_by_role("link", name="Home").click()
    page.get_by_role("link", name="3 classmates").click()
    page.get_by_label("1st choice").select_option(label="Zoe")
    page.get_by_label("2nd choice").select_option(label="Ben")
    page.get_by_label("3rd choice").select_option(label="Maya")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved!").wait_for()
    shot(page, f"32-{device}-three-classmates")
    ana.refresh_from_db()
    assert ana.choices == pks_of(classroom, "Zoe", "Ben", "Maya")

    page.get_by_role("button", name="Español").click()
    page.get_by_role("heading", name="3 compañeros con quienes trabajaría bien").wait_for()
    shot(page, f"33-{device}-spanish")
    page.get_by_role("button", name="Terminé").click()
    page.get_by_role("heading", name="¡Adiós! Siguiente escritor: escanea tu tarjeta.").wait_for()
    after = page.request.get(reverse("voice:home"))  # the same browser, signed out
    assert after.status == 403 and "Scan your card to start." in after.text()


def test_read_to_me_uses_the_browsers_own_speech(open_page, django_user_model):
    teacher = django_user_model.objects.create_user("ms.lee", password="x-pass-2026")
    classroom = Classroom.objects.create(teacher=teacher, name="Room 12")
    demo.fill_with_example(classroom)
    card = SignInCard.objects.create(student=classroom.students.get(name="Zoe"), language="es")
    page = open_page(PHONE)
    page.add_init_script(
        "window.spoken = [];"
        "window.speechSynthesis.speak = (u) => window.spoken.push([u.lang, u.text]);"
    )
    page.goto(reverse("voice:card", args=[card.token]))
    page.get_by_role("button", name="Léemelo").click()
    lang, text = page.evaluate("window.spoken[0]")
    assert lang == "es-ES" and "¡Hola, Zoe!" in text
