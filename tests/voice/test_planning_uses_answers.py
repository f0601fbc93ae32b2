from django.test import Client
from django.urls import reverse

from partnerup.classes.keys import key_pk, shown
from partnerup.classes.services import names_of
from partnerup.voice.models import SignInCard
from tests.classes.factories import make_classroom, make_student
from tests.plans.test_plans import draft_of, generate


def student_client(student) -> Client:
    client = Client()
    card = SignInCard.objects.create(student=student)
    client.get(reverse("voice:card", args=[card.token]))
    return client


def test_ads_answered_and_offers_that_meet_wants_shape_the_plan(alice_client, alice):
    classroom = make_classroom(alice)
    ana, ben, cy, di = (make_student(classroom, name=n) for n in ("Ana", "Ben", "Cy", "Di"))
    student_client(ben).post(reverse("voice:ad"), {"want1": "listens", "sentence": "Hi"})
    ana_client = student_client(ana)
    ana_client.post(reverse("voice:answer_ad", args=[ben.pk]))
    student_client(cy).post(reverse("voice:ad"), {"want1": "spelling", "sentence": "Hello"})
    student_client(di).post(reverse("voice:ad"), {"offer1": "spelling", "sentence": "Hey"})
    generate(alice_client, classroom, threes="")
    assert ana.answers.answered_ads == [ben.pk]
    groups = draft_of(classroom).arrangement["groups"]
    names = names_of(classroom)
    reasons = {
        frozenset(map(key_pk, g["members"])): [shown(r, names) for r in g["reasons"]]
        for g in groups
    }
    assert "Ana answered Ben's want ad" in reasons[frozenset({ana.pk, ben.pk})]
    assert "Di offers what Cy wants: helps with spelling" in reasons[frozenset({cy.pk, di.pk})]
