"""A small class for help-board tests: four students with cards, Ben and Cy kept apart."""

import pytest

from partnerup.voice.models import SignInCard
from tests.classes.factories import make_classroom, make_rule, make_student

from .helpers import pk


@pytest.fixture
def room(alice):
    classroom = make_classroom(alice, name="Room 4")
    for name in ("Ana", "Ben", "Cy", "Di"):
        SignInCard.objects.create(student=make_student(classroom, name=name), language="en")
    make_rule(classroom, students=[pk(classroom, "Ben"), pk(classroom, "Cy")])
    return classroom
