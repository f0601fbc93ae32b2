"""A child's typed answers never carry a null byte or an invisible character into the
database: the page asks them, in their language, to type it again."""

import pytest
from django.urls import reverse

from partnerup.voice.models import Answers, SurveyQuestion
from tests.voice.test_student_pages import card, room, signed_in  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
ODD = ("Hi\x00there", "Hi\u200bthere", "\u202eereht")


@pytest.mark.parametrize("typed", ODD)
def test_a_want_ad_sentence_with_an_odd_character_is_asked_again(room, typed):  # noqa: F811
    response = signed_in(room, "Ana Ruiz").post(
        reverse("voice:ad"), {"want1": "listens", "sentence": typed}
    )
    assert response.status_code == 400
    assert "Something odd got typed in" in response.content.decode()
    assert not Answers.objects.filter(ad_at__isnull=False).exists()


@pytest.mark.parametrize("typed", ODD)
def test_a_tchart_or_survey_answer_with_an_odd_character_is_asked_again(room, typed):  # noqa: F811
    question = SurveyQuestion.objects.create(classroom=room, text="What do you write?")
    client = signed_in(room, "Ana Ruiz")
    tchart = client.post(reverse("voice:tchart"), {"like": typed, "offer": "ideas"})
    survey = client.post(reverse("voice:survey"), {f"q{question.pk}": typed})
    assert tchart.status_code == survey.status_code == 400
    assert not Answers.objects.filter(tchart_at__isnull=False).exists()
    assert not Answers.objects.filter(survey_at__isnull=False).exists()


def test_a_spanish_card_is_asked_again_in_spanish(room):  # noqa: F811
    spanish = card(room, "Ana Ruiz")
    spanish.language = "es"
    spanish.save()
    response = signed_in(room, "Ana Ruiz").post(reverse("voice:tchart"), {"like": "a\x00"})
    assert "Se escribió algo raro" in response.content.decode()


def test_line_breaks_in_an_answer_are_kept(room):  # noqa: F811
    signed_in(room, "Ana Ruiz").post(reverse("voice:tchart"), {"like": "one\ntwo", "offer": "x"})
    assert Answers.objects.get().tchart_like == "one\ntwo"
