"""The school admin reads a class: roster as shown names, current partnerships, rules."""

from django.urls import reverse

from partnerup import demo
from partnerup.plans import services as plans
from tests.classes.factories import load_class, make_classroom, make_rule, pks_of


def test_the_overview_shows_roster_partnerships_and_rules_and_changes_nothing(
    sam_client, lincoln, alice
):
    classroom = load_class(make_classroom(alice, name="Room 14"), *demo.example_roster())
    plans.save_as_current(plans.generate(classroom, {}), "Unit 1", None, None)
    rules = classroom.rules.count()
    make_rule(classroom, students=pks_of(classroom, "Ana", "Ben"))
    page = sam_client.get(reverse("schools:class", args=[classroom.pk])).content.decode()
    assert "24 students" in page and "Ana" in page and "Unit 1" in page
    assert " &amp; " in page  # a partnership, "Ana &amp; Ben"
    assert f"{rules + 1} keep-apart or keep-together rules" in page
    forms = page.count("<form")
    assert forms == 1 and 'action="/accounts/logout/"' in page  # only the sign-out button


def test_the_admin_never_gets_the_class_pages_of_a_class_they_do_not_teach(
    sam_client, lincoln, room
):
    for page in ("classes:detail", "workshop:today", "classes:export"):
        assert sam_client.get(reverse(page, args=[room.pk])).status_code == 404, page


def test_a_class_of_another_school_is_404(sam_client, lincoln, django_user_model):
    outsider = django_user_model.objects.create_user("olga")
    classroom = make_classroom(outsider)
    assert sam_client.get(reverse("schools:class", args=[classroom.pk])).status_code == 404
