"""A student posts "I need help with…" / "I can help with…" from their page."""

from django.urls import reverse

from partnerup.helpboard.models import HelpPost
from partnerup.voice.models import SignInCard
from tests.classes.factories import make_classroom, make_student

from .helpers import pk, post, signed_in


def test_a_student_posts_a_need_with_a_checklist_skill(room):
    ana = signed_in(room, "Ana")
    response = post(ana, "need", "punctuation")
    assert response.status_code == 302
    need = HelpPost.objects.get()
    assert (need.student_id, need.kind, need.skill, need.is_approved) == (
        pk(room, "Ana"),
        "need",
        "punctuation",
        True,
    )


def test_the_page_shows_the_class_skills_as_picture_buttons(room):
    page = signed_in(room, "Ana").get(reverse("helpboard_student:help"), {"kind": "offer"})
    assert page.status_code == 200
    assert page.content.count(b'class="help-skill"') == 10
    assert "I can help with…" in page.content.decode()


def test_a_class_tag_is_a_skill_of_that_class_only(room, alice):
    other = make_classroom(alice, name="Room 9")
    make_student(other, name="Zed", strengths=["poetry"])
    ana = signed_in(room, "Ana")
    response = post(ana, "offer", "poetry")
    assert response.status_code == 400 and b"Choose one thing from the list." in response.content
    make_student(room, name="Eve", goals=["poetry"])
    assert post(ana, "offer", "poetry").status_code == 302
    assert HelpPost.objects.get().skill == "poetry"


def test_odd_input_is_refused_with_a_plain_message(room):
    ana = signed_in(room, "Ana")
    for kind, skill in (("need", ""), ("need", "x" * 5000), ("help", "lead"), ("need", "le\x00ad")):
        response = post(ana, kind, skill)
        assert response.status_code == 400, (kind, skill)
        assert b'class="kid-problem"' in response.content
    assert not HelpPost.objects.exists()


def test_a_double_tap_posts_once(room):
    ana = signed_in(room, "Ana")
    post(ana, "need", "lead")
    post(ana, "need", "lead")
    assert HelpPost.objects.count() == 1


def test_a_fourth_open_need_is_refused(room):
    ana = signed_in(room, "Ana")
    for skill in ("lead", "ending", "spelling"):
        post(ana, "need", skill)
    response = post(ana, "need", "capitals")
    assert response.status_code == 400 and b"Close one first" in response.content
    assert HelpPost.objects.count() == 3


def test_a_spanish_card_reads_the_page_in_spanish(room):
    ana = signed_in(room, "Ana")
    SignInCard.objects.filter(student__name="Ana").update(language="es")
    page = ana.get(reverse("helpboard_student:help"), {"kind": "need"})
    assert "Necesito ayuda con…" in page.content.decode()


def test_without_a_card_the_page_shows_nothing(client, room):
    assert client.get(reverse("helpboard_student:help")).status_code == 403
    assert post(client, "need", "lead").status_code == 403
    assert not HelpPost.objects.exists()
