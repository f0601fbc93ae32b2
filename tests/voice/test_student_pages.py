import re
import time

import pytest
from django.test import Client
from django.urls import reverse

from partnerup.voice.models import Answers, SignInCard, SurveyQuestion
from partnerup.voice.session import IDLE_SECONDS, SESSION_KEY
from tests.classes.factories import make_classroom, make_student, pk_of, pks_of

SECRETS = ("Secret goal", "Secret note", "Zed Avoided", "level 4", "WIDA")


@pytest.fixture
def room(alice):
    classroom = make_classroom(alice)
    make_student(classroom, name="Ana Ruiz", goals=["Secret goal"], teacher_notes="Secret note")
    ben = make_student(classroom, name="Ben Ode", level=4)
    cy = make_student(classroom, name="Cy Park", english_level="2.5", home_language="Tagalog")
    ben.avoid, ben.choices = [cy.pk], [cy.pk]
    ben.save()
    make_student(classroom, name="Di Lee")
    for student in classroom.students.all():
        SignInCard.objects.create(student=student)
    return classroom


def card(room, name) -> SignInCard:
    return SignInCard.objects.get(student__classroom=room, student__name=name)


def signed_in(room, name) -> Client:
    client = Client()
    response = client.get(reverse("voice:card", args=[card(room, name).token]))
    assert response.status_code == 302 and response.url == reverse("voice:home")
    return client


def picks(room, *names) -> dict[str, str]:
    """The three-classmates form as the page sends it: student numbers, not names."""
    numbers = {s.name: str(s.pk) for s in room.students.all()}
    return {f"choice{i}": numbers.get(n, n) for i, n in enumerate(names, start=1)}


STUDENT_PAGES = (
    "voice:home",
    "voice:three",
    "voice:ad",
    "voice:ads",
    "voice:tchart",
    "voice:goal",
    "voice:survey",
)


def test_scanning_a_card_opens_the_students_own_home(room):
    client = signed_in(room, "Ana Ruiz")
    page = client.get(reverse("voice:home")).content.decode()
    assert "Hi, Ana!" in page and "I'm done" in page


def test_typing_the_code_works_with_spaces_and_small_letters(room):
    code = card(room, "Ben Ode").code
    client = Client()
    response = client.post(reverse("voice:code"), {"code": f" {code[:4].lower()} {code[4:]} "})
    assert response.url == reverse("voice:home")
    assert "Hi, Ben!" in client.get(reverse("voice:home")).content.decode()


def test_revoking_a_card_ends_its_session_and_its_link(room, alice_client):
    client = signed_in(room, "Ana Ruiz")
    ana = card(room, "Ana Ruiz")
    alice_client.post(
        reverse("voice_teacher:revoke", args=[room.pk, ana.student.pk]), {"confirm": "yes"}
    )
    for page in STUDENT_PAGES:
        response = client.get(reverse(page))
        assert response.status_code == 403 and b"Ana" not in response.content
    assert Client().get(reverse("voice:card", args=[ana.token])).status_code == 404


def test_a_reissued_card_replaces_the_old_one(room, alice_client):
    client = signed_in(room, "Ana Ruiz")
    old = card(room, "Ana Ruiz")
    alice_client.post(
        reverse("voice_teacher:reissue", args=[room.pk, old.student.pk]), {"confirm": "yes"}
    )
    new = card(room, "Ana Ruiz")
    assert new.token != old.token and new.code != old.code
    assert client.get(reverse("voice:home")).status_code == 403
    assert Client().get(reverse("voice:card", args=[old.token])).status_code == 404
    signed_in(room, "Ana Ruiz")
    alice_client.post(reverse("voice_teacher:reissue_all", args=[room.pk]), {"confirm": "yes"})
    assert card(room, "Ana Ruiz").token != new.token


@pytest.mark.parametrize("action", ["reissue_all", "reissue", "revoke"])
def test_a_card_action_asks_first_and_changes_nothing_until_confirmed(room, alice_client, action):
    ana = card(room, "Ana Ruiz")
    args = [room.pk] if action == "reissue_all" else [room.pk, ana.student.pk]
    page = alice_client.post(reverse(f"voice_teacher:{action}", args=args))
    assert page.status_code == 200
    text = page.content.decode()
    assert "stop" in text.lower() and 'name="confirm" value="yes"' in text
    after = card(room, "Ana Ruiz")
    assert (after.token, after.code, after.is_revoked) == (ana.token, ana.code, ana.is_revoked)


def test_a_session_ends_after_inactivity_and_with_im_done(room):
    client = signed_in(room, "Ana Ruiz")
    session = client.session
    session[SESSION_KEY] = {**session[SESSION_KEY], "seen": time.time() - IDLE_SECONDS - 1}
    session.save()
    assert client.get(reverse("voice:home")).status_code == 403
    client = signed_in(room, "Ana Ruiz")
    response = client.post(reverse("voice:done"))
    assert b"Next writer" in response.content
    assert client.get(reverse("voice:home")).status_code == 403


def test_signing_in_a_student_signs_the_teacher_out_of_that_device(room, alice_client):
    alice_client.get(reverse("voice:card", args=[card(room, "Ana Ruiz").token]))
    assert alice_client.get(reverse("classes:detail", args=[room.pk])).status_code == 302


def test_three_classmates_become_the_students_choices(room):
    client = signed_in(room, "Ana Ruiz")
    page = client.get(reverse("voice:three")).content.decode()
    assert "work partner, not only a friend" in page
    response = client.post(reverse("voice:three"), picks(room, "Di Lee", "Ben Ode", "Cy Park"))
    assert b"Saved!" in response.content
    ana = room.students.get(name="Ana Ruiz")
    assert ana.choices == pks_of(room, "Di Lee", "Ben Ode", "Cy Park")
    assert Answers.objects.get(student=ana).chose_at is not None
    page = client.get(reverse("voice:three")).content.decode()
    for place, name in enumerate(("Di Lee", "Ben Ode", "Cy Park"), start=1):
        chosen = re.search(rf'name="choice{place}".*?</select>', page, re.S).group(0)
        assert f'value="{pk_of(room, name)}" selected' in chosen, name


@pytest.mark.parametrize(
    "picked, message",
    [
        (("Di Lee", "Di Lee", "Cy Park"), b"3 different classmates"),
        (("Di Lee", "", "Cy Park"), b"3 different classmates"),
        (("Di Lee", "Zed Nobody", "Cy Park"), b"from the list"),
        (("Ana Ruiz", "Ben Ode", "Cy Park"), b"from the list"),
    ],
)
def test_bad_choices_are_refused_and_nothing_changes(room, picked, message):
    client = signed_in(room, "Ana Ruiz")
    response = client.post(reverse("voice:three"), picks(room, *picked))
    assert response.status_code == 400 and message in response.content
    assert room.students.get(name="Ana Ruiz").choices == []


def test_a_want_ad_is_saved_shown_as_a_poster_and_answered_by_classmates(room):
    ana = signed_in(room, "Ana Ruiz")
    response = ana.post(
        reverse("voice:ad"),
        {"want1": "listens", "want2": "ideas", "want3": "", "offer1": "spelling", "offer2": "kind",
         "sentence": "I love dragons"},
    )  # fmt: skip
    assert b"Writing partner wanted" in response.content and b"I love dragons" in response.content
    answers = Answers.objects.get(student__name="Ana Ruiz")
    assert answers.wanted == ["listens", "ideas"] and answers.offered == ["spelling", "kind"]
    ben = signed_in(room, "Ben Ode")
    ads = ben.get(reverse("voice:ads")).content.decode()
    assert "Ana" in ads and "Ruiz" not in ads and "I love dragons" in ads
    ben.post(reverse("voice:answer_ad", args=[answers.student.pk]))
    assert Answers.objects.get(student__name="Ben Ode").answered_ads == [answers.student.pk]
    assert "You answered this ad" in ben.get(reverse("voice:ads")).content.decode()


def test_an_answered_ad_stays_answered_when_its_writer_is_renamed(room):
    signed_in(room, "Ana Ruiz").post(reverse("voice:ad"), {"want1": "listens", "sentence": "Hi"})
    ben = signed_in(room, "Ben Ode")
    ana = room.students.get(name="Ana Ruiz")
    ben.post(reverse("voice:answer_ad", args=[ana.pk]))
    assert "You answered this ad" in ben.get(reverse("voice:ads")).content.decode()
    ana.set_name("Anabel Ruiz")
    ana.save()
    ads = ben.get(reverse("voice:ads")).content.decode()
    assert "Anabel" in ads and "You answered this ad" in ads
    assert Answers.objects.get(student__name="Ben Ode").answered_ads == [ana.pk]


def test_an_empty_ad_is_refused_and_repeats_count_once(room):
    client = signed_in(room, "Ana Ruiz")
    response = client.post(reverse("voice:ad"), {"sentence": "x"})
    assert response.status_code == 400 and b"at least one" in response.content
    assert not Answers.objects.get(student__name="Ana Ruiz").ad_at
    client.post(reverse("voice:ad"), {"offer1": "kind", "offer2": "kind", "offer3": "nonsense"})
    assert Answers.objects.get(student__name="Ana Ruiz").offered == ["kind"]


def test_students_see_no_levels_goals_avoid_lists_notes_or_others_choices(room):
    signed_in(room, "Ana Ruiz").post(reverse("voice:ad"), {"want1": "kind", "sentence": "hi"})
    client = signed_in(room, "Di Lee")
    for page in STUDENT_PAGES:
        body = client.get(reverse(page)).content.decode()
        for secret in (*SECRETS, "Tagalog", "Avoid", "Level"):
            assert secret not in body, (page, secret)
    three = client.get(reverse("voice:three")).content.decode()
    assert ">Cy</option>" in three  # classmates are offered by first name...
    assert "Park" not in three and "selected>Cy" not in three  # ...not Ben's choice of Cy


def test_a_student_cannot_answer_their_own_ad_or_another_classes_ad(room, alice):
    other = make_student(make_classroom(alice, name="Room 14"), name="Eve")
    client = signed_in(room, "Ana Ruiz")
    ana = room.students.get(name="Ana Ruiz")
    assert client.post(reverse("voice:answer_ad", args=[ana.pk])).status_code == 404
    assert client.post(reverse("voice:answer_ad", args=[other.pk])).status_code == 404


def test_every_student_page_refuses_without_a_card_and_with_a_revoked_one(room):
    revoked = signed_in(room, "Ben Ode")
    SignInCard.objects.filter(student__name="Ben Ode").update(is_revoked=True)
    for client in (Client(), revoked):
        for page in STUDENT_PAGES:
            response = client.get(reverse(page))
            assert response.status_code == 403, page
            assert b"Ben" not in response.content and b"Ana" not in response.content
        response = client.post(reverse("voice:answer_ad", args=[room.students.first().pk]))
        assert response.status_code == 403


def test_spanish_for_every_page_and_the_student_can_switch(room, alice_client):
    ana = card(room, "Ana Ruiz")
    alice_client.post(
        reverse("voice_teacher:language", args=[room.pk, ana.student.pk]), {"language": "es"}
    )
    client = signed_in(room, "Ana Ruiz")
    assert "¡Hola, Ana!" in client.get(reverse("voice:home")).content.decode()
    assert "compañero de trabajo" in client.get(reverse("voice:three")).content.decode()
    assert "Busco un compañero" in client.get(reverse("voice:ad")).content.decode()
    assert 'lang="es"' in client.get(reverse("voice:ads")).content.decode()
    client.post(reverse("voice:language"), {"next": "/s/ad/"})
    assert "Hi, Ana!" in client.get(reverse("voice:home")).content.decode()


def test_no_student_page_refers_to_anything_outside_the_app(room):
    client = signed_in(room, "Ana Ruiz")
    for page in STUDENT_PAGES:
        body = client.get(reverse(page)).content.decode()
        assert "http://" not in body and "https://" not in body and "//cdn" not in body


def test_tchart_goal_and_survey_are_saved_and_reach_the_teacher(room, alice_client):
    alice_client.post(reverse("voice_teacher:survey", args=[room.pk]), {"starter": ["0", "1"]})
    alice_client.post(reverse("voice_teacher:survey", args=[room.pk]), {"own": "Who inspires you?"})
    questions = list(SurveyQuestion.objects.filter(classroom=room))
    assert [q.text for q in questions][2] == "Who inspires you?" and len(questions) == 3
    client = signed_in(room, "Ana Ruiz")
    client.post(reverse("voice:tchart"), {"like": "Someone who listens", "offer": "Good ideas"})
    response = client.post(reverse("voice:goal"), {"goal": "dialogue"})
    assert b"Saved!" in response.content
    data = {f"q{q.pk}": f"answer {i}" for i, q in enumerate(questions)}
    client.post(reverse("voice:survey"), data)
    ana = room.students.get(name="Ana Ruiz")
    assert ana.goals[0] == "dialogue" and "Secret goal" in ana.goals
    answers = Answers.objects.get(student=ana)
    assert answers.tchart_like == "Someone who listens" and answers.survey_at
    profile = alice_client.get(reverse("classes:student", args=[room.pk, ana.pk])).content.decode()
    for text in ("Someone who listens", "Good ideas", "dialogue", "Who inspires you?", "answer 2"):
        assert text in profile
    page = alice_client.get(reverse("voice_teacher:responses", args=[room.pk])).content.decode()
    assert "No survey yet:</strong> Ben Ode, Cy Park, Di Lee" in page


def test_bad_goal_long_answers_and_spanish_questions(room, alice_client):
    alice_client.post(reverse("voice_teacher:survey", args=[room.pk]), {"starter": ["0"]})
    client = signed_in(room, "Ana Ruiz")
    response = client.post(reverse("voice:goal"), {"goal": "flying"})
    assert response.status_code == 400 and b"from the list" in response.content
    response = client.post(reverse("voice:tchart"), {"like": "x" * 1001})
    assert response.status_code == 400 and b"a lot of words" in response.content
    SignInCard.objects.filter(student__name="Ana Ruiz").update(language="es")
    assert "¿Qué tipo de escritura" in client.get(reverse("voice:survey")).content.decode()
    assert "Ortografía" not in client.get(reverse("voice:goal")).content.decode()
    assert "ortografía" in client.get(reverse("voice:goal")).content.decode()
    assert not Answers.objects.get(student__name="Ana Ruiz").goal


def test_survey_questions_can_be_deleted_and_long_ones_refused(room, alice_client):
    url = reverse("voice_teacher:survey", args=[room.pk])
    response = alice_client.post(url, {"own": "x" * 201}, follow=True)
    assert b"under 200 letters" in response.content
    alice_client.post(url, {"own": "Why write?"})
    question = room.survey_questions.get()
    alice_client.post(reverse("voice_teacher:survey_delete", args=[room.pk, question.pk]))
    assert not room.survey_questions.exists()


def test_want_ad_posters_print_every_ad(room, alice_client):
    signed_in(room, "Ana Ruiz").post(reverse("voice:ad"), {"want1": "kind", "sentence": "Dragons!"})
    page = alice_client.get(reverse("voice_teacher:posters", args=[room.pk])).content.decode()
    assert "Writing partner wanted!" in page and "Dragons!" in page and "Ana Ruiz" in page


ENTRY_PAGES = ("voice:card", "voice:code", "voice:class_code", "voice:done")


def every_student_url(room):
    from tests.test_scoping import every_named_url

    ana = room.students.get(name="Ana Ruiz")
    values = {"student_pk": ana.pk, "token": card(room, "Ana Ruiz").token}
    for name, arguments in every_named_url():
        if name.startswith("voice:") and name not in ENTRY_PAGES:
            yield name, reverse(name, kwargs={a: values[a] for a in arguments})


def test_every_student_url_keeps_anas_answers_from_others(room, alice_client):
    ana_client = signed_in(room, "Ana Ruiz")
    ana_client.post(reverse("voice:tchart"), {"like": "PRIVATE-LIKE", "offer": "PRIVATE-OFFER"})
    ana_client.post(reverse("voice:goal"), {"goal": "dialogue"})
    ana_client.post(reverse("voice:three"), picks(room, "Di Lee", "Ben Ode", "Cy Park"))
    revoked = signed_in(room, "Cy Park")
    SignInCard.objects.filter(student__name="Cy Park").update(is_revoked=True)
    ben = signed_in(room, "Ben Ode")
    walked = 0
    for name, url in every_student_url(room):
        outsiders = (403, 405)  # 405: a POST-only URL refuses a GET before anything else
        for client, allowed in (
            (ben, (200, 404, 405)),
            (revoked, outsiders),
            (Client(), outsiders),
        ):
            response = client.get(url)
            assert response.status_code in allowed, (name, response.status_code)
            body = response.content.decode()
            for secret in ("PRIVATE-LIKE", "PRIVATE-OFFER", "Ruiz", "selected>Di"):
                assert secret not in body, (name, secret)
        walked += 1
    assert walked >= 8
    ana = room.students.get(name="Ana Ruiz")
    assert ana.choices == pks_of(room, "Di Lee", "Ben Ode", "Cy Park")
