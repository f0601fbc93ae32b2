"""A card starts in the student's home language (Spanish → Español), and the teacher
sets every card of the class at once."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from partnerup.voice.models import SignInCard, language_from_home
from tests.classes.factories import make_classroom, make_student


@pytest.fixture
def room(alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Ana", home_language="Spanish")
    make_student(classroom, name="Ben", home_language="English")
    make_student(classroom, name="Cy", home_language="Tagalog")
    make_student(classroom, name="Di")
    return classroom


def languages(room) -> dict[str, str]:
    cards = SignInCard.objects.filter(student__classroom=room)
    return dict(cards.values_list("student__name", "language"))


@pytest.mark.parametrize(
    "home, language",
    [
        ("Spanish", "es"),
        (" spanish ", "es"),
        ("Español", "es"),
        ("ESPANOL", "es"),
        ("es", "es"),
        ("English", "en"),
        ("Tagalog", "en"),
        ("", "en"),
        ("Spanish and English", "en"),
    ],
)
def test_a_home_language_gives_the_card_language(home, language):
    assert language_from_home(home) == language


def test_cards_made_for_the_class_start_in_the_home_language(room, alice_client):
    page = alice_client.get(reverse("voice_teacher:cards", args=[room.pk])).content.decode()
    assert languages(room) == {"Ana": "es", "Ben": "en", "Cy": "en", "Di": "en"}
    assert "home: Spanish" in page
    client = Client()
    client.get(reverse("voice:card", args=[SignInCard.objects.get(student__name="Ana").token]))
    assert "¡Hola, Ana!" in client.get(reverse("voice:home")).content.decode()


def test_a_card_made_one_at_a_time_starts_in_the_home_language_too(room, alice_client):
    ana = room.students.get(name="Ana")
    alice_client.post(reverse("voice_teacher:reissue", args=[room.pk, ana.pk]), {"confirm": "yes"})
    assert SignInCard.objects.get(student=ana).language == "es"
    assert SignInCard.objects.create(student=room.students.get(name="Cy")).language == "en"


def test_a_language_the_teacher_chose_is_kept(room):
    card = SignInCard.objects.create(student=room.students.get(name="Ana"), language="en")
    card.reissue()
    card.refresh_from_db()
    assert card.language == "en"


def test_every_card_is_set_to_one_language_then_back_to_home_languages(room, alice_client):
    url = reverse("voice_teacher:language_all", args=[room.pk])
    response = alice_client.post(url, {"language": "es"}, follow=True)
    assert "Every card is set to: Español." in response.content.decode()
    assert set(languages(room).values()) == {"es"}
    alice_client.post(url, {"language": "en"})
    assert set(languages(room).values()) == {"en"}
    alice_client.post(url, {"language": "home"})
    assert languages(room) == {"Ana": "es", "Ben": "en", "Cy": "en", "Di": "en"}


@pytest.mark.parametrize("choice", ["fr", "", "home\x00", "ES"])
def test_a_class_wide_language_not_offered_changes_nothing(room, alice_client, choice):
    alice_client.get(reverse("voice_teacher:cards", args=[room.pk]))
    before = languages(room)
    url = reverse("voice_teacher:language_all", args=[room.pk])
    response = alice_client.post(url, {"language": choice}, follow=True)
    assert "Choose English, Español or from home language." in response.content.decode()
    assert languages(room) == before


def test_the_class_wide_setting_shows_what_the_cards_are_now(room, alice_client):
    url = reverse("voice_teacher:cards", args=[room.pk])

    def selected() -> str:
        page = alice_client.get(url).content.decode()
        setting = re.search(r'id="id_language">(.*?)</select>', page, re.S).group(1)
        chosen = re.search(r'value="(\w*)" selected', setting)
        return chosen.group(1) if chosen else ""

    assert selected() == "home"
    alice_client.post(reverse("voice_teacher:language_all", args=[room.pk]), {"language": "es"})
    assert selected() == "es"
    ben = room.students.get(name="Ben")
    alice_client.post(reverse("voice_teacher:language", args=[room.pk, ben.pk]), {"language": "en"})
    assert selected() == ""  # mixed by hand


def test_another_teacher_cannot_set_the_cards_language(room, client, charlie):
    client.force_login(charlie)
    response = client.post(
        reverse("voice_teacher:language_all", args=[room.pk]), {"language": "es"}
    )
    assert response.status_code == 404
    assert not SignInCard.objects.filter(student__classroom=room, language="es").exists()
