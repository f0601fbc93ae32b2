import pytest

from partnerup import demo
from tests.classes.factories import make_classroom
from tests.workshop.test_today import save_current_plan


@pytest.fixture
def room12(alice_client, alice):
    """The demo class of 24 with a current plan ("Unit 1")."""
    classroom = make_classroom(alice, name="Room 12")
    demo.fill_with_example(classroom)
    save_current_plan(alice_client, classroom)
    return classroom
