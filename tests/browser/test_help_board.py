"""Two students post on their phones (one needs help, one can help), the projector
shows the need matched to the helper, and the student closes it: "I got help!"."""

from django.urls import reverse

from partnerup import demo
from partnerup.classes.models import Classroom
from partnerup.helpboard.models import HelpPost
from partnerup.voice.models import SignInCard

from .conftest import TABLET, shot
from .test_today import PASSWORD, sign_in

PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1920, "height": 1080}


def _student(open_page, classroom, name, language="en"):
    card = SignInCard.objects.create(student=classroom.students.get(name=name), language=language)
    page = open_page(PHONE)
    page.goto(reverse("voice:card", args=[card.token]))
    page.get_by_role("link", name="Help board" if language == "en" else "Tablero de ayuda").click()
    return page


def test_a_need_is_matched_on_the_projector_and_closed_by_the_student(open_page, django_user_model):
    teacher = django_user_model.objects.create_user("ms.lee", password=PASSWORD)
    classroom = Classroom.objects.create(teacher=teacher, name="Room 12")
    demo.fill_with_example(classroom)

    ben = _student(open_page, classroom, "Ben")
    ben.get_by_role("link", name="I can help").click()
    ben.get_by_role("button", name="punctuation").click()
    ben.get_by_text("I can help with punctuation.").wait_for()

    ana = _student(open_page, classroom, "Ana", language="es")
    ana.get_by_role("link", name="Necesito ayuda").click()
    ana.get_by_role("heading", name="Necesito ayuda con…").wait_for()
    shot(ana, "60-phone-help-skills-es")
    ana.get_by_role("button", name="puntuación").click()
    ana.get_by_text("Ben te puede ayudar con puntuación.").wait_for()
    shot(ana, "61-phone-help-matched-es")

    ben.reload()
    ben.get_by_text("You are helping Ana with punctuation.").wait_for()
    shot(ben, "62-phone-helping")

    wall = open_page(PROJECTOR)
    sign_in(wall)
    wall.goto(reverse("helpboard:projector", args=[classroom.pk]))
    wall.locator("ol.help-wall li", has_text="Ana").get_by_text("→ Ben").wait_for()
    shot(wall, "63-projector-help-board")
    tablet = open_page(TABLET)
    sign_in(tablet)
    tablet.goto(reverse("helpboard:board", args=[classroom.pk]))
    tablet.get_by_role("cell", name="Ben", exact=True).wait_for()
    shot(tablet, "65-tablet-teacher-help-board")

    ana.get_by_role("button", name="¡Ya me ayudaron!").click()
    ana.get_by_role("link", name="Necesito ayuda").wait_for()
    assert HelpPost.objects.get(kind="need").closed is not None
    # The wall follows within 2 seconds (and a margin for the request).
    wall.get_by_text("Nobody needs help right now.").wait_for(timeout=3500)
    shot(wall, "64-projector-help-closed")
