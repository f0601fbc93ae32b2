"""After a session, on a phone: a student reflects and checks in on their partner's
goal (in English), their partner does the same in Spanish; the teacher then sees the
flag on Today, with the reflection quoted, and closes it."""

from django.urls import reverse

from partnerup.classes.keys import key_pk
from partnerup.reflections.models import CheckIn, ClosedFlag, Reflection
from partnerup.voice.models import Answers, SignInCard

from .conftest import TABLET, shot
from .test_today import demo_class_with_current_plan, sign_in

PHONE = {"width": 390, "height": 844}


def a_pair(classroom):
    groups = classroom.current_plan.arrangement["groups"]
    members = next(g["members"] for g in groups if len(g["members"]) == 2)
    return [classroom.students.get(pk=key_pk(key)) for key in members]


def test_students_reflect_and_check_in_and_the_teacher_closes_the_flag(
    open_page, django_user_model
):
    classroom = demo_class_with_current_plan(django_user_model)
    first, second = a_pair(classroom)
    Answers.objects.update_or_create(student=second, defaults={"goal": "elaboration"})
    Answers.objects.update_or_create(student=first, defaults={"goal": "lead"})
    english = SignInCard.objects.create(student=first, language="en")
    spanish = SignInCard.objects.create(student=second, language="es")

    page = open_page(PHONE)
    page.goto(reverse("voice:card", args=[english.token]))
    page.get_by_role("link", name="How did partner time go?").click()
    page.get_by_role("heading", name="How did partner time go?").wait_for()
    page.get_by_role("group", name="Did you feel comfortable?").get_by_text("Not really").click()
    page.get_by_role("group", name="Did your partner help you?").get_by_text("A bit").click()
    page.get_by_text("adding details").click()
    page.get_by_label("Or say it in your words:").fill("We read my story twice")
    page.get_by_text("I'd like to talk to my teacher about my partnership").click()
    shot(page, "60-phone-reflection")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved! Thank you.").wait_for()
    reflection = Reflection.objects.get(student=first)
    assert (reflection.comfortable, reflection.partner_helped) == (1, 2)
    assert reflection.wants_talk and reflection.helped_with == ["elaboration"]
    assert reflection.partners == [second.pk]

    page.get_by_role("link", name="Home").click()
    page.get_by_role("link", name="Check in on my partner's goal").click()
    page.get_by_text("adding details").wait_for()
    page.get_by_role("button", name="Starting to").click()
    page.get_by_text("Saved! Thank you.").wait_for()
    shot(page, "61-phone-check-in")
    assert CheckIn.objects.get(student=first).level == 2

    page = open_page(PHONE)
    page.goto(reverse("voice:card", args=[spanish.token]))
    page.get_by_role("link", name="¿Cómo te fue con tu compañero?").click()
    for question in ("¿Te sentiste a gusto?", "¿Te ayudó tu compañero?"):
        page.get_by_role("group", name=question).get_by_text("Mucho", exact=True).click()
    shot(page, "62-phone-reflection-spanish")
    page.get_by_role("button", name="Guardar").click()
    page.get_by_text("¡Guardado! Gracias.").wait_for()
    page.get_by_role("link", name="Inicio").click()
    page.get_by_role("link", name="Mi meta con mis palabras").click()
    page.get_by_text("Tu compañero dice: Empezando").wait_for()
    shot(page, "63-phone-my-goal-spanish")
    page.get_by_role("link", name="Inicio").click()
    page.get_by_role("link", name="La meta de mi compañero").click()
    page.get_by_role("button", name="¡Sí!").click()
    page.get_by_text("¡Guardado! Gracias.").wait_for()
    shot(page, "64-phone-check-in-spanish")
    assert CheckIn.objects.get(student=second).level == 3

    page = open_page(TABLET)
    sign_in(page)
    page.goto(reverse("workshop:today", args=[classroom.pk]))
    attention = page.locator(".needs-attention")
    attention.get_by_text(
        f"{first.name} asked to talk with you about their partnership."
    ).wait_for()
    attention.get_by_text("We read my story twice").wait_for()
    shot(page, "65-today-flag")
    attention.get_by_label("Note").fill("Talked at lunch; they will swap roles.")
    attention.get_by_role("button", name="Talked with them").click()
    page.get_by_text("Closed: you talked with them.").wait_for()
    assert page.locator(".needs-attention").count() == 0
    shot(page, "66-today-flag-closed")
    assert ClosedFlag.objects.get().note == "Talked at lunch; they will swap roles."
    page.goto(reverse("reflections:overview", args=[classroom.pk]))
    page.get_by_text("Talked at lunch; they will swap roles.").wait_for()
    page.get_by_text("No partnership needs attention now.").wait_for()
    shot(page, "67-goals-and-reflections")
