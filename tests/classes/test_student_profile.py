from django.urls import reverse

from .factories import make_classroom, make_student


def profile_page(client, student):
    url = reverse("classes:student", args=[student.classroom.pk, student.pk])
    return client.get(url).content.decode()


def full_profile(classroom):
    ben = make_student(classroom, name="Ben")
    cy = make_student(classroom, name="Cy")
    di = make_student(classroom, name="Di")
    return make_student(
        classroom, name="Nia", level=2, interests=["horses", "soccer"], goals=["lead"],
        strengths=["dialogue"], home_language="Spanish", english_level="2.5", talk="quiet",
        often_absent=True, social_support=True, floater=False, new_student=True,
        reading_partner=di, choices=[cy.pk, ben.pk], avoid=[ben.pk], past_partners=[cy.pk],
        teacher_notes="Loves to draw first.",
    )  # fmt: skip


def test_the_profile_shows_every_roster_field_in_plain_words(alice_client, alice):
    html = profile_page(alice_client, full_profile(make_classroom(alice)))
    for words in (
        "Level 2", "horses", "soccer", "lead", "dialogue", "Quiet", "Spanish", "WIDA 2.5",
        "always partnered with a proficient English speaker",
        "<dt>Often absent</dt><dd>Yes</dd>", "<dt>Needs social support</dt><dd>Yes</dd>",
        "<dt>Floater (joins where needed)</dt><dd>No</dd>", "<dt>New to the class</dt><dd>Yes</dd>",
        "Loves to draw first.",
    ):  # fmt: skip
        assert words in html, words


def test_the_profile_ranks_choices_and_links_each_classmate(alice_client, alice):
    classroom = make_classroom(alice)
    nia = full_profile(classroom)
    html = profile_page(alice_client, nia)
    ben, cy, di = (classroom.students.get(name=n) for n in ("Ben", "Cy", "Di"))
    cy_link = f'<a href="{reverse("classes:student", args=[classroom.pk, cy.pk])}">Cy</a>'
    ben_link = f'<a href="{reverse("classes:student", args=[classroom.pk, ben.pk])}">Ben</a>'
    di_link = f'<a href="{reverse("classes:student", args=[classroom.pk, di.pk])}">Di</a>'
    assert f'<ol class="ranked"><li>{cy_link}</li><li>{ben_link}</li></ol>' in html
    assert f"<dt>Avoid (never partnered with)</dt><dd>{ben_link}</dd>" in html
    assert f"<dt>Reading partner (kept apart in writing)</dt><dd>{di_link}</dd>" in html
    assert f"<dt>Past partners</dt><dd>{cy_link}</dd>" in html


def test_a_classmate_who_left_is_left_out_without_a_broken_link(alice_client, alice):
    classroom = make_classroom(alice)
    ben = make_student(classroom, name="Ben")
    gone = make_student(classroom, name="Gone")
    gone_pk = gone.pk
    nia = make_student(classroom, name="Nia", choices=[gone_pk, ben.pk], avoid=[gone_pk])
    gone.delete()  # not through removal: Nia's lists still hold the old id
    response = alice_client.get(reverse("classes:student", args=[classroom.pk, nia.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    ben_link = f'<a href="{reverse("classes:student", args=[classroom.pk, ben.pk])}">Ben</a>'
    assert f'<ol class="ranked"><li>{ben_link}</li></ol>' in html
    assert '<dt>Avoid (never partnered with)</dt><dd><span class="muted">Nobody</span>' in html
    assert f"/students/{gone_pk}/" not in html and "Gone" not in html


def test_private_notes_are_labelled_private(alice_client, alice):
    html = profile_page(alice_client, full_profile(make_classroom(alice)))
    assert 'Private notes <span class="badge">only you see these</span>' in html


def test_an_empty_profile_says_what_is_not_set(alice_client, alice):
    html = profile_page(alice_client, make_student(make_classroom(alice), name="Ana"))
    for words in ("Not set", "None yet", "Not given (fluent in English)", "No choices", "Nobody"):
        assert words in html, words


def test_names_tags_and_notes_are_shown_as_text(alice_client, alice):
    classroom = make_classroom(alice)
    bold = make_student(classroom, name="<b>Bold</b>")
    evil = make_student(
        classroom,
        name="<script>alert(1)</script>",
        interests=["<img src=x onerror=alert(2)>"],
        choices=[bold.pk],
        teacher_notes="<script>alert(3)</script>",
    )
    html = profile_page(alice_client, evil)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "&lt;b&gt;Bold&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Bold" not in html


def test_the_profile_has_edit_and_remove_buttons(alice_client, alice):
    classroom = make_classroom(alice)
    ana = make_student(classroom, name="Ana")
    html = profile_page(alice_client, ana)
    assert reverse("classes:student_edit", args=[classroom.pk, ana.pk]) in html
    assert reverse("classes:student_remove", args=[classroom.pk, ana.pk]) in html


def test_names_in_the_class_list_link_to_the_profile(alice_client, alice):
    classroom = make_classroom(alice)
    ana = make_student(classroom, name="Ana")
    html = alice_client.get(reverse("classes:detail", args=[classroom.pk])).content.decode()
    assert f'<a href="{reverse("classes:student", args=[classroom.pk, ana.pk])}">Ana</a>' in html


def test_saving_the_edit_form_returns_to_the_profile(alice_client, alice):
    classroom = make_classroom(alice)
    ana = make_student(classroom, name="Ana")
    response = alice_client.post(
        reverse("classes:student_edit", args=[classroom.pk, ana.pk]),
        {"name": "Ana", "talk": "quiet"},
    )
    assert response.url == reverse("classes:student", args=[classroom.pk, ana.pk])


def test_remove_asks_first_and_removes_only_on_post(alice_client, alice):
    classroom = make_classroom(alice)
    ana = make_student(classroom, name="Ana")
    url = reverse("classes:student_remove", args=[classroom.pk, ana.pk])
    page = alice_client.get(url).content.decode()
    assert "Remove Ana from Room 12?" in page and 'method="post"' in page
    assert classroom.students.filter(pk=ana.pk).exists()
    response = alice_client.post(url)
    assert response.url == reverse("classes:detail", args=[classroom.pk])
    assert not classroom.students.exists()


def test_the_want_ads_a_student_answered_are_named(alice_client, alice):
    from django.utils import timezone

    from partnerup.voice.models import Answers

    classroom = make_classroom(alice)
    ben = make_student(classroom, name="Ben")
    cy = make_student(classroom, name="Cy")
    ana = make_student(classroom, name="Ana")
    Answers.objects.create(student=ana, ad_at=timezone.now(), answered_ads=[cy.pk, ben.pk])
    html = profile_page(alice_client, ana)
    assert "<dt>Answered the want ads of</dt><dd>Cy, Ben</dd>" in html
