import pytest
from django.utils import timezone

from partnerup.reflections.models import Reflection

from .conftest import REFLECT, signed_in

GOOD = {"comfortable": "3", "partner_helped": "2", "helped_with": ["lead", "spelling"]}


@pytest.mark.django_db
def test_a_student_reflects_with_faces_tiles_a_sentence_and_asks_to_talk(room):
    client = signed_in(room.ana)
    page = client.get(REFLECT).content.decode()
    assert "Did you feel comfortable?" in page and "Your partner today: Ben<" in page
    sent = {**GOOD, "sentence": "Ben liked my lead.", "wants_talk": "yes"}
    response = client.post(REFLECT, sent)
    assert response.status_code == 200 and "Saved!" in response.content.decode()
    reflection = Reflection.objects.get(student=room.ana)
    assert reflection.on == timezone.localdate()
    assert (reflection.comfortable, reflection.partner_helped) == (3, 2)
    assert reflection.helped_with == ["lead", "spelling"] and reflection.wants_talk
    assert reflection.partners == [room.ben.pk]  # an id, never a name
    assert reflection.sentence == "Ben liked my lead."


@pytest.mark.django_db
def test_a_reflection_is_one_per_day_and_can_be_changed_that_day(room):
    client = signed_in(room.ana)
    client.post(REFLECT, GOOD)
    client.post(REFLECT, GOOD)  # a double tap
    client.post(REFLECT, {**GOOD, "comfortable": "1"})
    assert Reflection.objects.filter(student=room.ana).count() == 1
    assert Reflection.objects.get(student=room.ana).comfortable == 1
    assert 'value="1" checked' in client.get(REFLECT).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "bad",
    [
        {"comfortable": ""},
        {"comfortable": "4"},
        {"partner_helped": "-1"},
        {"helped_with": ["not-a-skill"]},
        {"sentence": "x" * 201},
        {"sentence": "a\x00b"},
        {"sentence": "\u202eAna"},
    ],
)
def test_bad_answers_are_refused_plainly_and_save_nothing(room, bad):
    response = signed_in(room.ana).post(REFLECT, {**GOOD, **bad})
    assert response.status_code == 400
    assert 'class="kid-problem"' in response.content.decode()
    assert not Reflection.objects.exists()


@pytest.mark.django_db
def test_without_a_card_the_reflection_page_shows_nothing(client, room):
    assert client.get(REFLECT).status_code == 403
    assert client.post(REFLECT, GOOD).status_code == 403
    assert not Reflection.objects.exists()


@pytest.mark.django_db
def test_the_reflection_page_is_in_spanish_for_a_spanish_card(room):
    room.ana.card.language = "es"
    room.ana.card.save()
    page = signed_in(room.ana).get(REFLECT).content.decode()
    assert "¿Te sentiste a gusto?" in page and "Toca una carita" not in page
