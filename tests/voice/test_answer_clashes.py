"""Student answers that clash with the class's hard rules are shown to the teacher in
plain words; the answers table and the profile show the words the student saw; the
student's home ticks the tasks they finished."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from partnerup import demo
from partnerup.classes.models import Classroom
from partnerup.voice.clashes import answer_clashes
from partnerup.voice.models import SignInCard
from tests.classes.factories import make_rule, pk_of, pks_of


@pytest.fixture
def room(alice):
    """The example class: Ben and Jayden kept apart by a rule, Zoe avoids Jayden, Ana's
    reading partner is Sofia, Linh and Amara are kept together."""
    classroom = Classroom.objects.create(teacher=alice, name="Room 12")
    demo.fill_with_example(classroom)
    return classroom


def signed_in(room, name, language="en") -> Client:
    client = Client()
    card = SignInCard.objects.create(student=room.students.get(name=name), language=language)
    client.get(reverse("voice:card", args=[card.token]))
    return client


def choose(room, name, *classmates, language="en") -> Client:
    client = signed_in(room, name, language)
    picks = {f"choice{i}": pk for i, pk in enumerate(pks_of(room, *classmates), start=1)}
    assert client.post(reverse("voice:three"), picks).status_code == 200  # not refused
    return client


def responses(alice_client, room) -> str:
    return alice_client.get(reverse("voice_teacher:responses", args=[room.pk])).content.decode()


def profile(alice_client, room, name) -> str:
    url = reverse("classes:student", args=[room.pk, pk_of(room, name)])
    return alice_client.get(url).content.decode()


def row(page: str, name: str) -> str:
    """The answers table's row of one student, as text."""
    found = re.search(rf"<tr[^>]*><td><a [^>]*>{name}</a>.*?</tr>", page, re.S).group(0)
    return re.sub(r"<[^>]+>", " ", found)


def test_choosing_a_classmate_kept_apart_by_a_rule_is_flagged(room, alice_client):
    choose(room, "Ben", "Jayden", "Liam", "Noah")
    sentence = "Ben chose Jayden, but they are kept apart (rule)."
    assert answer_clashes(room) == {pk_of(room, "Ben"): [sentence]}
    assert sentence in responses(alice_client, room)
    assert sentence in profile(alice_client, room, "Ben")
    assert "clashes with a rule" in row(responses(alice_client, room), "Ben")


def test_an_avoid_list_and_a_reading_partner_are_named_in_plain_words(room, alice_client):
    choose(room, "Zoe", "Jayden", "Maya", "Grace")
    choose(room, "Ana", "Sofia", "Lucia", "Camila")
    page = responses(alice_client, room)
    assert "Zoe chose Jayden, but they are kept apart (Zoe&#x27;s avoid list)." in page
    assert "Ana chose Sofia, but they are kept apart (reading partners)." in page


def test_answering_the_ad_of_a_classmate_kept_apart_is_flagged(room, alice_client):
    signed_in(room, "Jayden").post(reverse("voice:ad"), {"want1": "ideas", "sentence": "Hi"})
    ben = signed_in(room, "Ben")
    ben.post(reverse("voice:answer_ad", args=[pk_of(room, "Jayden")]))
    sentence = "Ben answered Jayden&#x27;s want ad, but they are kept apart (rule)."
    assert sentence in responses(alice_client, room)
    assert sentence in profile(alice_client, room, "Ben")


def test_choices_the_rules_allow_are_not_flagged(room, alice_client):
    choose(room, "Ben", "Liam", "Marco", "Noah")
    choose(room, "Linh", "Grace", "Ella", "Zoe")  # kept with Amara, but may join a three
    choose(room, "Ana", "Mateo", "Lucia", "Camila")  # both learning English: a three works
    assert answer_clashes(room) == {}
    assert "clash" not in responses(alice_client, room)


def test_the_teachers_own_choices_are_not_the_students_answers(room):
    ben = room.students.get(name="Ben")
    ben.choices = pks_of(room, "Jayden")
    ben.save(update_fields=["choices"])
    signed_in(room, "Ben").post(reverse("voice:ad"), {"want1": "ideas", "sentence": "Hi"})
    assert answer_clashes(room) == {}


def test_a_rule_added_after_the_answer_flags_it_and_removing_it_clears_it(room):
    choose(room, "Maya", "Zoe", "Grace", "Hana")
    assert answer_clashes(room) == {}
    rule = make_rule(room, kind="keep_apart", students=pks_of(room, "Maya", "Grace"))
    assert answer_clashes(room) == {
        pk_of(room, "Maya"): ["Maya chose Grace, but they are kept apart (rule)."]
    }
    rule.delete()
    assert answer_clashes(room) == {}


def test_a_removed_classmate_in_old_answers_is_skipped(room, alice_client):
    choose(room, "Ben", "Jayden", "Liam", "Noah")
    room.students.get(name="Jayden").delete()
    assert answer_clashes(room) == {}
    assert responses(alice_client, room)  # the page still opens


def test_the_answers_table_shows_the_words_the_student_saw(room, alice_client):
    ben = choose(room, "Ben", "Liam", "Marco", "Noah")
    ben.post(reverse("voice:ad"), {"want1": "ideas", "offer1": "funny", "sentence": "Go"})
    ben.post(reverse("voice:goal"), {"goal": "ending"})
    ana = choose(room, "Ana", "Lucia", "Camila", "Valeria", language="es")
    ana.post(reverse("voice:ad"), {"want1": "listens", "offer1": "kind", "sentence": "Hola"})
    ana.post(reverse("voice:goal"), {"goal": "dialogue"})
    ana.post(reverse("voice:answer_ad", args=[pk_of(room, "Ben")]))
    page = responses(alice_client, room)
    bens = row(page, "Ben")
    for words in ("helps me find ideas", "I can make writing fun", "a strong ending"):
        assert words in bens
    assert "Liam, Marco, Noah" in bens
    anas = row(page, "Ana")
    assert "escucha mi escritura (listens to my writing)" in anas
    assert "Puedo ser amable con tu trabajo (I can be kind about your work)" in anas
    assert "usar diálogo (using dialogue)" in anas
    assert "Lucia, Camila, Valeria" in anas and " Ben " in anas
    for code in ("funny", "dialogue ", *map(str, pks_of(room, "Lucia", "Ben"))):
        assert code not in re.sub(r"\(.*?\)", "", anas + bens).replace("Ana", ""), code


def test_the_profile_shows_the_words_the_student_saw(room, alice_client):
    ben = choose(room, "Ben", "Liam", "Marco", "Noah")
    ben.post(reverse("voice:ad"), {"want1": "ideas", "offer1": "funny", "sentence": "Go"})
    ben.post(reverse("voice:goal"), {"goal": "ending"})
    page = profile(alice_client, room, "Ben")
    section = page.split("In Ben's own words")[1].split("<h2>Support</h2>")[0]
    for words in ("helps me find ideas", "I can make writing fun", "a strong ending"):
        assert words in section
    assert "Liam, Marco, Noah" in section
    assert ">funny<" not in section and ">ending<" not in section


def test_the_students_home_ticks_the_tasks_they_finished(room):
    client = choose(room, "Ben", "Liam", "Marco", "Noah")

    def ticked() -> list[str]:
        page = client.get(reverse("voice:home")).content.decode()
        tiles = re.findall(r'<a class="kid-tile( finished)?" href="([^"]+)">', page)
        return [href for finished, href in tiles if finished]

    assert ticked() == [reverse("voice:three")]
    client.post(reverse("voice:ad"), {"want1": "ideas", "sentence": "Go"})
    client.post(reverse("voice:tchart"), {"like": "ideas", "offer": "jokes"})
    client.post(reverse("voice:goal"), {"goal": "ending"})
    assert ticked() == [
        reverse(p) for p in ("voice:ad", "voice:three", "voice:tchart", "voice:goal")
    ]
    room.survey_questions.create(text="Why write?")
    questions = {f"q{q.pk}": "fun" for q in room.survey_questions.all()}
    client.post(reverse("voice:survey"), questions)
    assert len(ticked()) == 5
    assert client.get(reverse("voice:home")).content.decode().count("✓") == 5
