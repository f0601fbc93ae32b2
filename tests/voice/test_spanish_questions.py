"""The teacher writes a survey question in English and Spanish; a Spanish card reads
the Spanish, an English card the English, and a question without Spanish in English."""

import pytest
from django.test import Client
from django.urls import reverse

from partnerup.voice.models import SignInCard
from tests.classes.factories import make_classroom, make_student


@pytest.fixture
def room(alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Ana", home_language="Spanish")
    make_student(classroom, name="Ben", home_language="English")
    return classroom


def survey_page(room, name) -> str:
    client = Client()
    card = SignInCard.objects.create(student=room.students.get(name=name))
    client.get(reverse("voice:card", args=[card.token]))
    return client.get(reverse("voice:survey")).content.decode()


def test_the_survey_form_offers_a_spanish_field(room, alice_client):
    page = alice_client.get(reverse("voice_teacher:survey", args=[room.pk])).content.decode()
    assert 'name="own"' in page and 'name="own_es"' in page


def test_a_teachers_question_in_spanish_reaches_spanish_pages(room, alice_client):
    alice_client.post(
        reverse("voice_teacher:survey", args=[room.pk]),
        {"own": "Who helps you write?", "own_es": "¿Quién te ayuda a escribir?"},
    )
    question = room.survey_questions.get()
    assert (question.text, question.text_es) == (
        "Who helps you write?",
        "¿Quién te ayuda a escribir?",
    )
    spanish, english = survey_page(room, "Ana"), survey_page(room, "Ben")
    assert "¿Quién te ayuda a escribir?" in spanish and "Who helps you write?" not in spanish
    assert "Who helps you write?" in english and "¿Quién" not in english


def test_a_question_without_spanish_is_shown_in_english_and_flagged_to_the_teacher(
    room, alice_client
):
    alice_client.post(reverse("voice_teacher:survey", args=[room.pk]), {"own": "Why write?"})
    assert "Why write?" in survey_page(room, "Ana")
    page = alice_client.get(reverse("voice_teacher:survey", args=[room.pk])).content.decode()
    assert "no Spanish yet" in page


def test_the_teacher_adds_spanish_to_a_question_later(room, alice_client):
    alice_client.post(reverse("voice_teacher:survey", args=[room.pk]), {"own": "Why write?"})
    question = room.survey_questions.get()
    alice_client.post(
        reverse("voice_teacher:survey_edit", args=[room.pk, question.pk]),
        {"text": "Why do you write?", "text_es": "¿Por qué escribes?"},
    )
    question.refresh_from_db()
    assert (question.text, question.text_es) == ("Why do you write?", "¿Por qué escribes?")
    assert "¿Por qué escribes?" in survey_page(room, "Ana")


@pytest.mark.parametrize(
    "url_name, data, message",
    [
        ("voice_teacher:survey", {"own_es": "¿Por qué?"}, "Write the question in English too."),
        ("voice_teacher:survey", {"own": "Why?", "own_es": "x" * 201}, "under 200 letters"),
        ("voice_teacher:survey_edit", {"text": "", "text_es": "¿Por qué?"}, "Write the question."),
        ("voice_teacher:survey_edit", {"text": "Why?", "text_es": "a\u202eb"}, "please type it"),
    ],
)
def test_a_bad_question_is_refused_with_a_plain_message(
    room, alice_client, url_name, data, message
):
    alice_client.post(reverse("voice_teacher:survey", args=[room.pk]), {"own": "Why write?"})
    question = room.survey_questions.get()
    args = [room.pk] if url_name == "voice_teacher:survey" else [room.pk, question.pk]
    response = alice_client.post(reverse(url_name, args=args), data, follow=True)
    assert message in response.content.decode()
    assert [(q.text, q.text_es) for q in room.survey_questions.all()] == [("Why write?", "")]
