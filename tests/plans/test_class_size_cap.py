import pytest

from partnerup import demo
from tests.classes.factories import make_classroom
from tests.plans.test_plans import generate

pytestmark = pytest.mark.django_db


def test_generate_refuses_a_class_above_the_cap_and_makes_nothing(alice_client, alice, settings):
    classroom = make_classroom(alice)
    demo.fill_with_example(classroom)
    settings.PARTNERUP_MAX_CLASS_SIZE = classroom.students.count() - 1
    response = generate(alice_client, classroom)
    assert "the web plans classes of up to" in response.content.decode()
    assert not classroom.plans.exists()


def test_generate_plans_a_class_at_the_cap(alice_client, alice, settings):
    classroom = make_classroom(alice)
    demo.fill_with_example(classroom)
    settings.PARTNERUP_MAX_CLASS_SIZE = classroom.students.count()
    generate(alice_client, classroom)
    assert classroom.plans.filter(is_draft=True).count() == 1
