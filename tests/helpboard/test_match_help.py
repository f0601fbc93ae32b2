"""Students see their own posts and their match; the board keeps matches it made."""

from django.urls import reverse
from django.utils import timezone

from partnerup.helpboard.models import HelpPost
from partnerup.workshop.models import WorkshopDay
from tests.classes.factories import make_rule

from .helpers import pk, post, signed_in


def test_a_need_is_matched_and_both_students_see_it(room):
    ana, ben = signed_in(room, "Ana"), signed_in(room, "Ben")
    post(ben, "offer", "punctuation")
    post(ana, "need", "punctuation")
    assert HelpPost.objects.get(kind="need").helper_id == pk(room, "Ben")
    assert (
        "Ben can help you with punctuation."
        in ana.get(reverse("helpboard_student:help")).content.decode()
    )
    assert (
        "You are helping Ana with punctuation."
        in ben.get(reverse("helpboard_student:help")).content.decode()
    )


def test_a_student_sees_nothing_of_other_students_posts(room):
    ana, cy, di = (signed_in(room, n) for n in ("Ana", "Cy", "Di"))
    post(ana, "need", "spelling")
    post(cy, "offer", "dialogue")
    page = di.get(reverse("helpboard_student:help")).content.decode()
    assert "Ana" not in page and "Cy" not in page and "spelling" not in page


def test_kept_apart_students_are_not_matched(room):
    ben, cy = signed_in(room, "Ben"), signed_in(room, "Cy")
    post(ben, "offer", "lead")
    post(cy, "need", "lead")
    assert HelpPost.objects.get(kind="need").helper is None
    assert "Waiting for a helper." in cy.get(reverse("helpboard_student:help")).content.decode()


def test_an_absent_helper_is_not_matched(room, alice_client):
    WorkshopDay.objects.create(classroom=room, date=timezone.localdate(), absent=[pk(room, "Di")])
    post(signed_in(room, "Di"), "offer", "lead")
    post(signed_in(room, "Ana"), "need", "lead")
    assert HelpPost.objects.get(kind="need").helper is None


def test_i_got_help_closes_the_need_and_counts_the_helping(room):
    ana, ben = signed_in(room, "Ana"), signed_in(room, "Ben")
    post(ben, "offer", "lead")
    post(ana, "need", "lead")
    need = HelpPost.objects.get(kind="need")
    for _tap in range(2):  # a double tap closes once
        response = ana.post(reverse("helpboard_student:close"), {"post": need.pk})
        assert response.status_code == 302
    need.refresh_from_db()
    assert need.closed is not None and need.helper_id == pk(room, "Ben")
    assert "I got help!" not in ana.get(reverse("helpboard_student:help")).content.decode()


def test_a_student_cannot_close_a_classmates_need(room):
    post(signed_in(room, "Ana"), "need", "lead")
    need = HelpPost.objects.get()
    response = signed_in(room, "Di").post(reverse("helpboard_student:close"), {"post": need.pk})
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.closed is None


def test_a_made_match_stays_when_another_helper_offers(room):
    ana = signed_in(room, "Ana")
    post(signed_in(room, "Ben"), "offer", "lead")
    post(ana, "need", "lead")
    post(signed_in(room, "Di"), "offer", "lead")
    ana.get(reverse("helpboard_student:help"))
    assert HelpPost.objects.get(kind="need").helper_id == pk(room, "Ben")


def test_a_withdrawn_offer_passes_the_need_to_another_helper(room):
    ben, di = signed_in(room, "Ben"), signed_in(room, "Di")
    post(ben, "offer", "lead")
    post(signed_in(room, "Ana"), "need", "lead")
    post(di, "offer", "lead")
    offer = HelpPost.objects.get(kind="offer", student__name="Ben")
    ben.post(reverse("helpboard_student:close"), {"post": offer.pk})
    assert HelpPost.objects.get(kind="need").helper_id == pk(room, "Di")


def test_a_keep_apart_rule_made_after_the_match_undoes_it(room, alice_client):
    post(signed_in(room, "Di"), "offer", "lead")
    ana = signed_in(room, "Ana")
    post(ana, "need", "lead")
    assert HelpPost.objects.get(kind="need").helper_id == pk(room, "Di")
    make_rule(room, students=[pk(room, "Ana"), pk(room, "Di")])
    assert "Waiting for a helper." in ana.get(reverse("helpboard_student:help")).content.decode()
    assert HelpPost.objects.get(kind="need").helper is None


def test_removing_a_helper_deletes_their_posts_and_frees_the_need(room):
    post(signed_in(room, "Di"), "offer", "lead")
    post(signed_in(room, "Ana"), "need", "lead")
    room.students.get(name="Di").delete()
    need = HelpPost.objects.get()
    assert need.kind == "need" and need.helper is None
