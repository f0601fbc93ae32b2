"""The Spanish pages as people see them: a student whose card is in Spanish on a phone
(every page of theirs), and a teacher whose browser prefers Spanish on a tablet (the
class, Today, planning and the students' answers). No English word of the app's own is
left on them."""

import re

from django.urls import reverse
from django.utils import timezone

from partnerup import demo
from partnerup.classes.models import Classroom
from partnerup.voice.checklist import STARTER_QUESTIONS
from partnerup.voice.language import in_language
from partnerup.voice.models import SignInCard, SurveyQuestion

from .conftest import TABLET, shot
from .test_student_voice import PHONE

# Words of the app that would give away an untranslated spot (the student's and
# classmates' names, and what teachers typed, may be in any language).
STUDENT_ENGLISH = re.compile(
    r"\b(Save|Home|Read to me|I'm done|Most important|Next|Then|choose|Writing survey|"
    r"My goal|want ad|classmates)\b"
)
TEACHER_ENGLISH = re.compile(
    r"\b(Today|Print|Projector|Plan partnerships|Student answers|Sign out|My classes|"
    r"Partnership|Floaters|Move here|Who is away|Looks good|Save|Delete|Rename|"
    r"Who has answered|Looking for|Can offer)\b"
)


def english_left(page, words: re.Pattern) -> list[str]:
    return words.findall(page.locator("body").inner_text())


def shot_and_text(page, name: str) -> None:
    """The screenshot, and the page's words beside it to be read whole."""
    path = shot(page, name)
    path.with_suffix(".txt").write_text(page.locator("body").inner_text())


def spanish_class(django_user_model) -> Classroom:
    teacher = django_user_model.objects.create_user("sra.ruiz", password="x-pass-2026")
    classroom = Classroom.objects.create(teacher=teacher, name="Salón 12")
    demo.fill_with_example(classroom)
    demo.add_demo_history(classroom, timezone.localdate())
    for question in STARTER_QUESTIONS[:2]:
        SurveyQuestion.objects.create(
            classroom=classroom, text=question, text_es=in_language(question, "es")
        )
    return classroom


def test_a_student_with_a_spanish_card_sees_every_page_in_spanish(open_page, django_user_model):
    classroom = spanish_class(django_user_model)
    lucia = classroom.students.get(name="Lucia")
    card = SignInCard.objects.create(student=lucia, language="es")
    page = open_page(PHONE, locale="en-US")  # a shared device set to English
    page.goto(reverse("voice:card", args=[card.token]))
    page.get_by_role("heading", name="¡Hola, Lucia!").wait_for()
    assert page.locator("html").get_attribute("lang") == "es"
    shot_and_text(page, "50-phone-es-student-home")
    assert english_left(page, STUDENT_ENGLISH) == []

    page.get_by_role("link", name="Mi anuncio").click()
    looking = page.get_by_role("group", name="Busco un compañero que…")
    looking.get_by_role("button", name="escucha mi escritura", exact=True).click()
    looking.get_by_role("button", name="me ayuda a encontrar ideas", exact=True).click()
    offering = page.get_by_role("group", name="Lo que puedo ofrecer")
    offering.get_by_role("button", name="Puedo ayudar con la ortografía", exact=True).click()
    page.get_by_label("Con mis palabras").fill("Me gustan los cuentos del mar")
    page.get_by_role("button", name="Guardar").click()
    page.get_by_text("¡Se busca compañero de escritura!").wait_for()
    shot_and_text(page, "51-phone-es-want-ad")
    assert english_left(page, STUDENT_ENGLISH) == []

    for link, heading, name in (
        ("3 compañeros", "3 compañeros con quienes trabajaría bien", "52-phone-es-three"),
        ("Lo que quiero / Lo que ofrezco", "Mi tabla T de compañero", "53-phone-es-tchart"),
        ("Mi meta", "Mi meta de escritura", "54-phone-es-goal"),
        ("Encuesta de escritura", "Mi encuesta de escritura", "55-phone-es-survey"),
        ("Leer los anuncios", "Anuncios", "56-phone-es-ads"),
    ):
        page.get_by_role("link", name="Inicio").click()
        page.get_by_role("link", name=link, exact=True).click()
        page.get_by_role("heading", name=heading, exact=True).wait_for()
        shot_and_text(page, name)
        assert english_left(page, STUDENT_ENGLISH) == [], name

    page.get_by_role("button", name="Terminé").click()
    page.get_by_role("heading", name="¡Adiós! Siguiente escritor: escanea tu tarjeta.").wait_for()


def test_a_teacher_whose_browser_prefers_spanish_runs_the_class_in_spanish(
    open_page, django_user_model
):
    classroom = spanish_class(django_user_model)
    page = open_page(TABLET, locale="es-MX")
    page.goto(reverse("login"))
    page.get_by_label("Nombre de usuario").fill("sra.ruiz")
    page.get_by_label("Contraseña").fill("x-pass-2026")
    page.get_by_role("button", name="Entrar").click()
    page.get_by_role("heading", name="Mis clases").wait_for()
    assert page.locator("html").get_attribute("lang") == "es"

    page.get_by_role("link", name="Salón 12").click()
    page.get_by_text("Plan actual:").wait_for()
    shot_and_text(page, "60-tablet-es-class")
    assert english_left(page, TEACHER_ENGLISH) == []

    page.get_by_role("link", name="Hoy", exact=True).click()
    page.get_by_role("heading", name="¿Quién falta hoy?").wait_for()
    page.get_by_role("button", name="Omar", exact=True).click()
    page.get_by_text("1 ausente", exact=True).wait_for()
    shot_and_text(page, "61-tablet-es-today")
    assert english_left(page, TEACHER_ENGLISH) == []

    page.goto(reverse("plans:index", args=[classroom.pk]))
    page.get_by_role("heading", name="Formar parejas").wait_for()
    shot_and_text(page, "62-tablet-es-plan")
    assert english_left(page, TEACHER_ENGLISH) == []

    page.goto(reverse("voice_teacher:responses", args=[classroom.pk]))
    page.get_by_role("heading", name="Quién ha respondido").wait_for()
    shot_and_text(page, "63-tablet-es-answers")
    assert english_left(page, TEACHER_ENGLISH) == []
