from django.test import Client
from django.urls import reverse

from partnerup.classes.keys import student_key
from partnerup.classes.services import class_roster
from partnerup.voice.models import SignInCard
from tests.classes.factories import make_classroom, make_student


def test_cards_are_made_for_every_student_and_printed_eight_per_page(alice_client, alice):
    classroom = make_classroom(alice)
    for i in range(10):
        make_student(classroom, name=f"Kid {i}")
    page = alice_client.get(reverse("voice_teacher:cards", args=[classroom.pk])).content.decode()
    cards = SignInCard.objects.filter(student__classroom=classroom)
    assert cards.count() == 10
    assert all(card.spaced_code in page for card in cards)
    sheet = alice_client.get(reverse("voice_teacher:sheet", args=[classroom.pk])).content.decode()
    assert sheet.count('class="card-sheet"') == 2 and sheet.count("<svg") == 10
    assert all(card.token not in page for card in cards)  # the long token is only in the QR
    SignInCard.objects.filter(student__name="Kid 3").update(is_revoked=True)
    sheet = alice_client.get(reverse("voice_teacher:sheet", args=[classroom.pk])).content.decode()
    assert sheet.count("<svg") == 9 and "Kid 3" not in sheet


def test_a_language_that_is_not_offered_is_refused(alice_client, alice):
    classroom = make_classroom(alice)
    student = make_student(classroom, name="Ana")
    url = reverse("voice_teacher:language", args=[classroom.pk, student.pk])
    response = alice_client.post(url, {"language": "fr"}, follow=True)
    assert b"Choose English or Espa" in response.content
    assert SignInCard.objects.get(student=student).language == "en"


def test_responses_list_who_has_not_answered(alice_client, alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Ana")
    make_student(classroom, name="Ben")
    alice_client.get(reverse("voice_teacher:cards", args=[classroom.pk]))
    student = Client()
    student.get(reverse("voice:card", args=[SignInCard.objects.get(student__name="Ana").token]))
    student.post(reverse("voice:ad"), {"want1": "kind", "offer1": "ideas", "sentence": "Hi"})
    page = alice_client.get(reverse("voice_teacher:responses", args=[classroom.pk])).content
    page = page.decode()
    assert "No want ad yet:</strong> Ben" in page
    assert "No 3 classmates yet:</strong> Ana, Ben" in page
    assert "kind" in page and "Hi" in page


def test_teacher_switches_traits_and_adds_their_own(alice_client, alice):
    classroom = make_classroom(alice)
    ana = make_student(classroom, name="Ana")
    url = reverse("voice_teacher:traits", args=[classroom.pk])
    assert b"listens to my writing" in alice_client.get(url).content
    spelling = classroom.traits.get(key="spelling")
    alice_client.post(reverse("voice_teacher:trait_switch", args=[classroom.pk, spelling.pk]))
    alice_client.post(
        url,
        {"en": "reads my work aloud", "es": "lee mi trabajo", "icon": "listens",
         "offer_en": "I can read your work aloud"},
    )  # fmt: skip
    again = {"en": "Reads my work aloud", "offer_en": "I can read aloud", "icon": "x"}
    response = alice_client.post(url, again, follow=True)
    assert b"is already a trait" in response.content
    response = alice_client.post(url, {"en": "  "}, follow=True)
    assert b"up to 80 letters" in response.content
    student = Client()
    student.get(reverse("voice:card", args=[SignInCard.objects.create(student=ana).token]))
    ad = student.get(reverse("voice:ad")).content.decode()
    assert "reads my work aloud" in ad and "helps with spelling" not in ad
    student.post(reverse("voice:ad"), {"want1": "reads-my-work-aloud", "offer1": "spelling"})
    answers = ana.answers
    assert answers.wanted == ["reads-my-work-aloud"] and answers.offered == []
    engine_ana = next(s for s in class_roster(classroom)[0] if s.name == student_key(ana.pk))
    assert engine_ana.wants == ("reads my work aloud",)
