"""Each want-ad trait reads one way for a student looking for it ("helps me find ideas")
and another for a student offering it ("I can help find ideas"), in every language."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from partnerup.classes.keys import key_pk, shown, student_key
from partnerup.classes.services import class_roster, names_of
from partnerup.voice.class_traits import traits_of
from partnerup.voice.models import Answers, ClassTrait, SignInCard
from partnerup.voice.traits import TRAITS
from tests.classes.factories import make_classroom, make_student
from tests.plans.test_plans import draft_of, generate


@pytest.fixture
def room(alice):
    classroom = make_classroom(alice)
    for name in ("Ana", "Ben", "Cy", "Di"):
        make_student(classroom, name=name)
    return classroom


def signed_in(student, language="en") -> Client:
    client = Client()
    card = SignInCard.objects.create(student=student, language=language)
    client.get(reverse("voice:card", args=[card.token]))
    return client


def options(page: str, select: str) -> list[str]:
    """The words a list on the no-JavaScript form offers, in order."""
    found = re.search(rf'<select id="{select}".*?</select>', page, re.S).group(0)
    return [
        w
        for w in re.findall(r"<option[^>]*>([^<]*)</option>", found)
        if w not in ("(choose)", "(elige)")
    ]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_starter_trait_has_its_own_offer_wording(language):
    for trait in TRAITS:
        wanted, offer = trait.wanted(language), trait.offer(language)
        assert wanted and offer and wanted != offer, trait.key
        assert offer.startswith("I can" if language == "en" else "Puedo"), offer


def test_the_ad_lists_wanted_words_for_looking_and_offer_words_for_offering(room):
    page = signed_in(room.students.get(name="Ana")).get(reverse("voice:ad")).content.decode()
    assert options(page, "want1") == [t.en for t in TRAITS]
    assert options(page, "offer1") == [t.offer_en for t in TRAITS]
    assert "I can help find ideas" in page and "What I can offer" in page
    assert "I can offer…" not in page


def test_the_spanish_ad_lists_the_spanish_offer_words(room):
    page = signed_in(room.students.get(name="Ana"), "es").get(reverse("voice:ad")).content.decode()
    assert options(page, "want2") == [t.es for t in TRAITS]
    assert options(page, "offer2") == [t.offer_es for t in TRAITS]
    assert "Lo que puedo ofrecer" in page and "Yo puedo ofrecer…" not in page


def test_the_poster_and_classmates_ads_use_the_offer_wording(room, alice_client):
    ana = signed_in(room.students.get(name="Ana"), "es")
    response = ana.post(
        reverse("voice:ad"), {"want1": "ideas", "offer1": "ideas", "sentence": "Hola"}
    )
    poster = response.content.decode().split('class="poster"')[1]
    assert "me ayuda a encontrar ideas" in poster and "Puedo ayudar a encontrar ideas" in poster
    ads = signed_in(room.students.get(name="Ben")).get(reverse("voice:ads")).content.decode()
    looking, offering = ads.split("What I can offer")
    assert "helps me find ideas" in looking and "I can help" not in looking
    assert "I can help find ideas" in offering and "helps me find ideas" not in offering
    wall = alice_client.get(reverse("voice_teacher:posters", args=[room.pk])).content.decode()
    assert "Puedo ayudar a encontrar ideas" in wall  # Ana's poster in the words she chose


def test_a_teachers_trait_needs_an_offer_wording_and_keeps_its_spanish(room, alice_client):
    url = reverse("voice_teacher:traits", args=[room.pk])
    response = alice_client.post(url, {"en": "reads my work aloud", "icon": "listens"}, follow=True)
    assert "Write how a partner offers it" in response.content.decode()
    assert not room.traits.filter(key="reads-my-work-aloud").exists()
    alice_client.post(
        url,
        {"en": "reads my work aloud", "es": "lee mi trabajo en voz alta", "icon": "listens",
         "offer_en": "I can read your work aloud", "offer_es": "Puedo leer tu trabajo en voz alta"},
    )  # fmt: skip
    trait = room.traits.get(key="reads-my-work-aloud")
    assert trait.offer_words("en") == "I can read your work aloud"
    assert trait.offer_words("es") == "Puedo leer tu trabajo en voz alta"
    page = signed_in(room.students.get(name="Ana"), "es").get(reverse("voice:ad")).content.decode()
    assert "lee mi trabajo en voz alta" in options(page, "want1")
    assert "Puedo leer tu trabajo en voz alta" in options(page, "offer1")


def test_the_teacher_rewords_a_trait_and_answers_keep_it(room, alice_client):
    ana = room.students.get(name="Ana")
    signed_in(ana).post(reverse("voice:ad"), {"offer1": "ideas", "sentence": "Hi"})
    ideas = traits_of(room)[2]
    assert ideas.key == "ideas"
    alice_client.post(
        reverse("voice_teacher:trait_edit", args=[room.pk, ideas.pk]),
        {"en": "helps me think of ideas", "es": "me ayuda a pensar ideas", "icon": "ideas",
         "offer_en": "I can help you think of ideas", "offer_es": "Puedo ayudarte a pensar ideas"},
    )  # fmt: skip
    ideas.refresh_from_db()
    assert (ideas.en, ideas.offer_es) == (
        "helps me think of ideas",
        "Puedo ayudarte a pensar ideas",
    )
    assert Answers.objects.get(student=ana).offered == ["ideas"]
    page = signed_in(room.students.get(name="Ben")).get(reverse("voice:ads")).content.decode()
    assert "I can help you think of ideas" in page


@pytest.mark.parametrize(
    "words, message",
    [
        ({"en": "", "offer_en": "I can x"}, "up to 80 letters"),
        ({"en": "x", "offer_en": ""}, "Write how a partner offers it"),
        ({"en": "is kind about my work", "offer_en": "I can x"}, "is already a trait"),
        ({"en": "x", "offer_en": "I can " + "x" * 80}, "up to 80 letters"),
    ],
)
def test_a_reworded_trait_is_refused_with_a_plain_message(room, alice_client, words, message):
    ideas = traits_of(room)[2]
    url = reverse("voice_teacher:trait_edit", args=[room.pk, ideas.pk])
    response = alice_client.post(url, {**words, "icon": "ideas"}, follow=True)
    assert message in response.content.decode()
    ideas.refresh_from_db()
    assert ideas.en == "helps me find ideas"


def test_a_starter_trait_saved_before_offer_wordings_reads_the_starters(room, alice_client):
    traits_of(room)
    ClassTrait.objects.filter(classroom=room).update(offer_en="", offer_es="")  # as migrated
    listens = room.traits.get(key="listens")
    assert listens.offer_words("en") == "I can listen to your writing"
    assert listens.offer_words("es") == "Puedo escuchar tu escritura"
    page = alice_client.get(reverse("voice_teacher:traits", args=[room.pk])).content.decode()
    assert "I can listen to your writing" in page and "no offer words yet" not in page


def test_a_teachers_trait_without_an_offer_wording_is_pointed_out(room, alice_client):
    ClassTrait.objects.create(classroom=room, key="neat", en="writes neatly", icon="kind")
    page = alice_client.get(reverse("voice_teacher:traits", args=[room.pk])).content.decode()
    assert "no offer words yet" in page


def test_planning_reasons_name_what_the_seeker_wants_in_its_wanted_words(room, alice_client):
    alice_client.post(
        reverse("voice_teacher:traits", args=[room.pk]),
        {"en": "reads my work aloud", "icon": "listens", "offer_en": "I can read your work aloud"},
    )
    ana, ben = (room.students.get(name=n) for n in ("Ana", "Ben"))
    signed_in(ana).post(reverse("voice:ad"), {"want1": "reads-my-work-aloud", "sentence": "Hi"})
    signed_in(ben).post(reverse("voice:ad"), {"offer1": "reads-my-work-aloud", "sentence": "Yo"})
    engine_ana = next(s for s in class_roster(room)[0] if s.name == student_key(ana.pk))
    assert engine_ana.wants == ("reads my work aloud",)
    generate(alice_client, room, threes="")
    names = names_of(room)
    reasons = {
        frozenset(map(key_pk, g["members"])): [shown(r, names) for r in g["reasons"]]
        for g in draft_of(room).arrangement["groups"]
    }
    assert "Ben offers what Ana wants: reads my work aloud" in reasons[frozenset({ana.pk, ben.pk})]
