"""Issue 13 end to end: a student asks on a phone to talk about their partnership; the
teacher's tablet shows the flag on Today, "Who to see today" puts that student first
with the flag's reason, a note in three taps takes them off the list, and their
timeline shows both the reflection and the note."""

from django.urls import reverse

from partnerup.conferring.models import ConferenceNote
from partnerup.voice.models import SignInCard

from .conftest import TABLET, shot
from .test_reflections import PHONE, a_pair
from .test_today import demo_class_with_current_plan, sign_in


def test_a_students_request_reaches_who_to_see_today_and_a_note(open_page, django_user_model):
    classroom = demo_class_with_current_plan(django_user_model)
    student, _partner = a_pair(classroom)
    card = SignInCard.objects.create(student=student, language="es")

    phone = open_page(PHONE)
    phone.goto(reverse("voice:card", args=[card.token]))
    phone.get_by_role("link", name="¿Cómo te fue con tu compañero?").click()
    for question in ("¿Te sentiste a gusto?", "¿Te ayudó tu compañero?"):
        phone.get_by_role("group", name=question).get_by_text("Un poco", exact=True).click()
    phone.get_by_label("O dilo con tus palabras:").fill("No me deja leer")
    phone.get_by_text("Quiero hablar con mi maestra o maestro sobre mi compañero").click()
    phone.get_by_role("button", name="Guardar").click()
    phone.get_by_text("¡Guardado! Gracias.").wait_for()
    shot(phone, "issue13-10-phone-asks-to-talk-es")

    tablet = open_page(TABLET)
    sign_in(tablet)
    tablet.goto(reverse("workshop:today", args=[classroom.pk]))
    reason = f"{student.name} asked to talk with you about their partnership."
    tablet.locator(".needs-attention").get_by_text(reason).wait_for()
    tablet.locator(".needs-attention").get_by_text("No me deja leer").wait_for()
    shot(tablet, "issue13-20-today-flag")

    tablet.goto(reverse("conferring:radar", args=[classroom.pk]))
    tablet.wait_for_function("window.htmx")
    first = tablet.locator(".who-pick").first
    assert first.locator(".who-name").inner_text() == student.name
    assert reason in first.inner_text()
    shot(tablet, "issue13-30-who-to-see-today")
    first.click()  # tap 1
    tablet.get_by_role("heading", name=f"Conference with {student.name}").wait_for()
    tablet.locator("label.tile", has_text="a strong lead").click()  # tap 2
    tablet.get_by_role("button", name="Save note").click()  # tap 3
    tablet.get_by_text(f"Note saved for {student.name}.").wait_for()
    assert student.name not in tablet.locator(".who-name").all_inner_texts()
    assert ConferenceNote.objects.get(student=student).skill == "lead"
    shot(tablet, "issue13-40-note-saved")

    tablet.goto(reverse("conferring:student", args=[classroom.pk, student.pk]))
    timeline = tablet.locator(".timeline").inner_text()
    assert "No me deja leer" in timeline and "a strong lead" in timeline
    shot(tablet, "issue13-50-timeline")
