"""Often-absent writers are spread over partnerships, and the board says so when the
class leaves no other way (issue: at most one often-absent writer per partnership)."""

from django.urls import reverse

from partnerup.classes.keys import pks_of
from partnerup.classes.models import Classroom, Student

from .conftest import TABLET, shot
from .test_today import PASSWORD, sign_in

NAMES = ("Amara", "Ben", "Camila", "Diego", "Ella", "Farid", "Gus", "Hana")


def class_with(django_user_model, often_absent: set[str], names=NAMES) -> Classroom:
    teacher = django_user_model.objects.create_user("ms.lee", password=PASSWORD)
    classroom = Classroom.objects.create(teacher=teacher, name="Room 12")
    students = {n: Student.objects.create(classroom=classroom, name=n) for n in names}
    for name, student in students.items():
        student.often_absent = name in often_absent
        # Each often-absent writer chooses the others: only the rule keeps them apart.
        if student.often_absent:
            student.choices = [students[o].pk for o in sorted(often_absent) if o != name]
        student.save()
    return classroom


def make_partnerships(page, classroom: Classroom) -> list[set[int]]:
    page.goto(reverse("plans:index", args=[classroom.pk]))
    page.get_by_role("button", name="Make partnerships").click()
    page.locator("#board li.pcard").first.wait_for()
    draft = classroom.plans.get(is_draft=True)
    return [set(pks_of(g["members"])) for g in draft.arrangement["groups"]]


def test_often_absent_writers_land_in_different_partnerships(open_page, django_user_model):
    often = {"Amara", "Ben", "Camila", "Diego"}
    classroom = class_with(django_user_model, often)
    page = open_page(TABLET)
    sign_in(page)
    groups = make_partnerships(page, classroom)
    absent_pks = set(classroom.students.filter(often_absent=True).values_list("pk", flat=True))
    assert len(absent_pks) == 4
    assert all(len(g & absent_pks) == 1 for g in groups)
    assert "both often absent" not in page.locator("#board").inner_text()
    shot(page, "70-often-absent-spread")


def test_a_class_that_leaves_no_other_way_is_planned_and_the_card_says_so(
    open_page, django_user_model
):
    classroom = class_with(django_user_model, set(NAMES[:4]), names=NAMES[:4])
    page = open_page(TABLET)
    sign_in(page)
    groups = make_partnerships(page, classroom)
    assert len(groups) == 2
    warnings = page.locator("#board li.pcard .warning").all_inner_texts()
    names = dict(classroom.students.values_list("pk", "name"))
    for group in groups:
        together = " and ".join(sorted((names[pk] for pk in group), key=NAMES.index))
        assert any(f"{together} are both often absent" in w for w in warnings), warnings
    shot(page, "71-often-absent-no-other-way")
