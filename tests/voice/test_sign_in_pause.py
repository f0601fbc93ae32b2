"""The teacher sees a paused class sign-in page on the cards page and clears it."""

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerup.accounts.limits import CLASS_ADDRESS, CODE_ADDRESS
from partnerup.accounts.models import SignInCounter
from partnerup.voice.guesses import page_for

PAUSED = "Sign-in is paused on this class's page: 20 wrong codes from one address in 10 minutes."


def pause(classroom, address="127.0.0.1") -> None:
    SignInCounter.objects.create(
        scope=CLASS_ADDRESS.scope,
        key=f"{classroom.pk}:{address}",
        classroom=classroom,
        tries=CLASS_ADDRESS.most,
        started=timezone.now(),
    )


def cards_page(client, classroom) -> str:
    return client.get(reverse("voice_teacher:cards", args=[classroom.pk])).content.decode()


def test_the_cards_page_shows_the_class_sign_in_page_address(alice_client, room12):
    page = cards_page(alice_client, room12)
    assert reverse("voice:class_code", args=[page_for(room12).key]) in page
    assert "Sign-in is paused" not in page


def test_the_printed_cards_carry_the_class_sign_in_page_address(alice_client, room12):
    url = reverse("voice_teacher:sheet", args=[room12.pk])
    sheet = alice_client.get(url).content.decode()
    assert reverse("voice:class_code", args=[page_for(room12).key]) in sheet


def test_the_cards_page_says_when_sign_in_is_paused(alice_client, room12):
    pause(room12)
    page = cards_page(alice_client, room12)
    assert PAUSED in page and "Let students sign in again" in page


def test_a_pause_on_another_class_is_not_shown(alice_client, room12, room14):
    pause(room14)
    assert "Sign-in is paused" not in cards_page(alice_client, room12)


def test_the_teacher_clears_the_pause_and_a_student_signs_in(alice_client, room12):
    pause(room12)
    response = alice_client.post(reverse("voice_teacher:resume_sign_in", args=[room12.pk]))
    assert response.status_code == 302
    assert "Students can sign in on this class" in cards_page(alice_client, room12)
    assert "Sign-in is paused" not in cards_page(alice_client, room12)
    code = room12.students.get(name="Ana Ruiz").card.code
    url = reverse("voice:class_code", args=[page_for(room12).key])
    assert Client().post(url, {"code": code}).status_code == 302


def test_clearing_keeps_the_pauses_of_other_classes_and_of_the_code_page(
    alice_client, room12, room14
):
    pause(room12)
    pause(room14)
    SignInCounter.objects.create(
        scope=CODE_ADDRESS.scope, key="127.0.0.1", tries=3, started=timezone.now()
    )
    alice_client.post(reverse("voice_teacher:resume_sign_in", args=[room12.pk]))
    left = set(SignInCounter.objects.values_list("scope", "classroom"))
    assert left == {(CLASS_ADDRESS.scope, room14.pk), (CODE_ADDRESS.scope, None)}


def test_another_teacher_cannot_clear_a_pause(client, charlie, room12):
    pause(room12)
    client.force_login(charlie)
    response = client.post(reverse("voice_teacher:resume_sign_in", args=[room12.pk]))
    assert response.status_code == 404
    assert SignInCounter.objects.filter(classroom=room12).exists()


def test_clearing_is_a_post_only(alice_client, room12):
    pause(room12)
    response = alice_client.get(reverse("voice_teacher:resume_sign_in", args=[room12.pk]))
    assert response.status_code == 405


def test_a_deleted_class_leaves_no_counter(alice_client, room12):
    pause(room12)
    room12.delete()
    assert not SignInCounter.objects.exists()
