from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from partnerup.schools.models import School, SchoolTeacher

from .factories import make_teacher


def school(*arguments) -> str:
    out = StringIO()
    call_command("school", *arguments, stdout=out)
    return out.getvalue()


@pytest.fixture
def rivera(db):
    return make_teacher("ms_rivera")


def test_create_makes_the_school_and_its_first_admin(rivera):
    said = school("create", "Lincoln Elementary", "--admin", "ms_rivera")
    assert "Created Lincoln Elementary" in said
    place = SchoolTeacher.objects.get(user=rivera)
    assert place.school.name == "Lincoln Elementary" and place.is_admin


def test_add_and_remove_a_teacher_by_email(rivera):
    school("create", "Lincoln Elementary", "--admin", "ms_rivera")
    lee = make_teacher("mr_lee")
    school("add-teacher", "Lincoln Elementary", "mr_lee@example.org")
    assert not SchoolTeacher.objects.get(user=lee).is_admin
    school("remove-teacher", "Lincoln Elementary", "mr_lee")
    assert not SchoolTeacher.objects.filter(user=lee).exists()


def test_list_shows_each_school_with_its_teachers(rivera):
    school("create", "Lincoln Elementary", "--admin", "ms_rivera")
    assert school("list") == "Lincoln Elementary\n  ms_rivera (admin)\n"


@pytest.mark.parametrize(
    "arguments, message",
    [
        (("create", "Lincoln Elementary", "--admin", "nobody"), "no account"),
        (("add-teacher", "Nowhere", "ms_rivera"), "There is no school named 'Nowhere'"),
        (("create", "Bad\x00name", "--admin", "ms_rivera"), "type it again"),
        (("create", "  ", "--admin", "ms_rivera"), "1 to 120 characters"),
    ],
)
def test_mistakes_get_a_plain_error(rivera, arguments, message):
    with pytest.raises(CommandError, match=message):
        school(*arguments)
    assert not SchoolTeacher.objects.exists()


def test_a_teacher_of_one_school_cannot_be_added_to_another(rivera):
    school("create", "Lincoln Elementary", "--admin", "ms_rivera")
    with pytest.raises(CommandError, match="ms_rivera already belongs to Lincoln Elementary"):
        school("create", "Washington Elementary", "--admin", "ms_rivera")
    assert list(School.objects.values_list("name", flat=True)) == ["Lincoln Elementary"]
