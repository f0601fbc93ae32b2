import pytest

from partnerup.demo import example_roster
from tests.classes.factories import load_class, make_classroom


@pytest.fixture
def room(alice):
    """Alice's class of the demo roster (Ana, Ben, Carlos, …)."""
    return load_class(make_classroom(alice, name="Room 12"), *example_roster())


@pytest.fixture
def bob(django_user_model):
    """Another teacher with a class of his own."""
    return django_user_model.objects.create_user("bob", "bob@example.org", "pw-bob-123!")


@pytest.fixture
def planned_room(room):
    """Room 12 with a current plan and today's workshop day."""
    from django.utils import timezone

    from partnerup.plans import services as plans
    from partnerup.workshop import services as workshop

    plans.save_as_current(plans.generate(room, {}), "Unit 1", None, None)
    workshop.day_for(room, timezone.localdate())
    return room
