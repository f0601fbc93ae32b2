"""Sign-in limits as people meet them: a teacher's paused account with its kind
message, a class's sign-in page paused by wrong codes on a student's phone, and the
teacher letting the class sign in again from the cards page."""

from django.urls import reverse
from django.utils import timezone

from partnerup.accounts.limits import CLASS_ADDRESS, TEACHER_ACCOUNT
from partnerup.accounts.models import SignInCounter
from partnerup.classes.models import Classroom
from partnerup.voice.guesses import page_for
from partnerup.voice.models import SignInCard
from tests.classes.factories import make_student

from .conftest import TABLET, shot

PHONE = {"width": 390, "height": 844}


def almost_full(limit, key: str, classroom=None) -> None:
    """One wrong try short of the limit, so the page shows the last wrong one and the
    refusal that follows."""
    SignInCounter.objects.create(
        scope=limit.scope,
        key=key,
        classroom=classroom,
        tries=limit.most - 1,
        started=timezone.now(),
    )


def sign_in(page, username: str, password: str) -> None:
    page.goto(reverse("login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_a_teacher_sees_the_pause_message_after_too_many_wrong_passwords(
    open_page, django_user_model
):
    django_user_model.objects.create_user("mr.cole", password="cole-pass-2026")
    almost_full(TEACHER_ACCOUNT, "mr.cole")
    page = open_page(TABLET)
    sign_in(page, "mr.cole", "not-my-password")
    page.get_by_text("Please enter a correct username and password").wait_for()
    sign_in(page, "mr.cole", "cole-pass-2026")
    page.get_by_text("Too many wrong passwords for this account.").wait_for()
    shot(page, "50-tablet-teacher-sign-in-paused")
    assert page.url.endswith(reverse("login"))


def test_the_teacher_lets_a_paused_class_sign_in_again(open_page, django_user_model):
    teacher = django_user_model.objects.create_user("ms.lee", password="lee-pass-2026")
    classroom = Classroom.objects.create(teacher=teacher, name="Room 12")
    ana = SignInCard.objects.create(student=make_student(classroom, name="Ana Ruiz"))
    SignInCard.objects.create(student=make_student(classroom, name="Ben Ode"))
    almost_full(CLASS_ADDRESS, f"{classroom.pk}:127.0.0.1", classroom)

    phone = open_page(PHONE, refusals=True)
    phone.goto(reverse("voice:class_code", args=[page_for(classroom).key]))
    phone.get_by_label("Code from your card").fill("AAAA AAAA")
    phone.get_by_role("button", name="Go").click()
    phone.get_by_text("That code did not work.").wait_for()
    phone.get_by_label("Code from your card").fill(ana.spaced_code)
    phone.get_by_role("button", name="Go").click()
    phone.get_by_text("Too many tries. Wait a few minutes, then ask your teacher.").wait_for()
    shot(phone, "51-phone-class-sign-in-paused")

    tablet = open_page(TABLET)
    sign_in(tablet, "ms.lee", "lee-pass-2026")
    tablet.goto(reverse("voice_teacher:cards", args=[classroom.pk]))
    tablet.get_by_text("Sign-in is paused on this class's page: 20 wrong codes").wait_for()
    shot(tablet, "52-tablet-cards-sign-in-paused")
    tablet.get_by_role("button", name="Let students sign in again").click()
    tablet.get_by_text("Students can sign in on this class's page again.").wait_for()
    assert tablet.get_by_text("Sign-in is paused").count() == 0
    tablet.get_by_text("This class's sign-in page").click()
    shot(tablet, "53-tablet-cards-sign-in-page")

    tablet.goto(reverse("voice_teacher:sheet", args=[classroom.pk]))
    tablet.get_by_text(f"/s/c/{page_for(classroom).key}/").first.wait_for()
    shot(tablet, "55-tablet-card-sheet-with-the-class-page")

    phone.get_by_label("Code from your card").fill(ana.spaced_code)
    phone.get_by_role("button", name="Go").click()
    phone.get_by_role("heading", name="Hi, Ana!").wait_for()
    shot(phone, "54-phone-signed-in-after-the-pause")
