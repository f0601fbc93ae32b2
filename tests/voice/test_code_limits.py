"""Guessing sign-in codes: limits counted in the database, per class page and address."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerup.accounts.limits import CLASS_ADDRESS, CODE_ADDRESS
from partnerup.accounts.models import SignInCounter
from partnerup.voice.guesses import page_for
from partnerup.voice.models import SignInCard

WRONG = "AAAAAAAA"


def code_of(classroom, name: str) -> str:
    return SignInCard.objects.get(student__classroom=classroom, student__name=name).code


def class_page(classroom) -> str:
    return reverse("voice:class_code", args=[page_for(classroom).key])


def guess(url: str, code: str):
    """A device without cookies: dropping the cookie must not reset any limit."""
    return Client().post(url, {"code": code})


def fill(limit, key: str, classroom=None, started=None) -> None:
    SignInCounter.objects.create(
        scope=limit.scope,
        key=key,
        classroom=classroom,
        tries=limit.most,
        started=started or timezone.now(),
    )


def test_a_wrong_code_leaves_no_session_row(room12):
    assert guess(reverse("voice:code"), WRONG).status_code == 400
    assert guess(class_page(room12), WRONG).status_code == 400
    assert Session.objects.count() == 0


def test_guesses_without_cookies_are_stopped_on_the_code_page_by_address(room12):
    fill(CODE_ADDRESS, "127.0.0.1")
    response = guess(reverse("voice:code"), code_of(room12, "Ana Ruiz"))
    assert response.status_code == 429 and b"Too many tries" in response.content


def test_wrong_codes_on_a_class_page_pause_it_after_the_limit(room12):
    url = class_page(room12)
    for _ in range(CLASS_ADDRESS.most):
        assert guess(url, WRONG).status_code == 400
    response = guess(url, code_of(room12, "Ana Ruiz"))
    assert response.status_code == 429 and b"Too many tries" in response.content


def test_a_right_code_on_the_class_page_works_when_the_school_address_is_paused_elsewhere(
    room12, room14
):
    fill(CODE_ADDRESS, "127.0.0.1")
    fill(CLASS_ADDRESS, f"{room14.pk}:127.0.0.1", room14)
    response = guess(class_page(room12), code_of(room12, "Ana Ruiz"))
    assert response.status_code == 302 and response.url == reverse("voice:home")


def test_a_class_page_opens_only_its_own_classes_cards(room12, room14):
    assert guess(class_page(room12), code_of(room14, "Di Lee")).status_code == 400


def test_a_class_page_address_may_be_typed_in_small_letters(room12):
    url = reverse("voice:class_code", args=[page_for(room12).key.lower()])
    assert guess(url, code_of(room12, "Ben Ode")).status_code == 302


def test_an_unknown_class_page_says_it_does_not_work(room12):
    response = Client().get(reverse("voice:class_code", args=["ACDEFGHJKM"]))
    assert response.status_code == 404 and b"This sign-in page does not work" in response.content


def test_a_right_code_gives_its_try_back(room12):
    url = class_page(room12)
    guess(url, WRONG)
    guess(url, code_of(room12, "Ana Ruiz"))
    assert SignInCounter.objects.get(scope=CLASS_ADDRESS.scope).tries == 1


def test_a_paused_page_says_so_before_anything_is_typed(room12):
    fill(CLASS_ADDRESS, f"{room12.pk}:127.0.0.1", room12)
    response = Client().get(class_page(room12))
    assert response.status_code == 429 and b"Too many tries" in response.content


def test_a_pause_ends_by_itself_when_its_window_has_passed(room12):
    long_ago = timezone.now() - CLASS_ADDRESS.window - timedelta(seconds=1)
    fill(CLASS_ADDRESS, f"{room12.pk}:127.0.0.1", room12, started=long_ago)
    assert guess(class_page(room12), code_of(room12, "Ana Ruiz")).status_code == 302


def test_a_right_card_link_works_from_a_paused_address(room12):
    fill(CODE_ADDRESS, "127.0.0.1")
    token = SignInCard.objects.get(student__name="Ana Ruiz").token
    assert Client().get(reverse("voice:card", args=[token])).status_code == 302


def test_a_wrong_card_link_is_counted_and_then_paused(room12):
    assert Client().get(reverse("voice:card", args=["not-a-real-token"])).status_code == 404
    assert SignInCounter.objects.get(scope=CODE_ADDRESS.scope).tries == 1
    SignInCounter.objects.update(tries=CODE_ADDRESS.most)
    assert Client().get(reverse("voice:card", args=["not-a-real-token"])).status_code == 429


def test_behind_a_proxy_each_school_address_counts_on_its_own(room12, settings):
    settings.PARTNERUP_TRUSTED_PROXIES = 1
    fill(CODE_ADDRESS, "203.0.113.7")
    other_school = Client(HTTP_X_FORWARDED_FOR="198.51.100.2")
    response = other_school.post(reverse("voice:code"), {"code": code_of(room12, "Ana Ruiz")})
    assert response.status_code == 302
    paused_school = Client(HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert paused_school.post(reverse("voice:code"), {"code": WRONG}).status_code == 429
