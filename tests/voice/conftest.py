import pytest

from partnerup.voice.models import SignInCard
from tests.classes.factories import make_classroom, make_student


def class_with_cards(teacher, name: str, students: tuple[str, ...]):
    classroom = make_classroom(teacher, name=name)
    for student in students:
        SignInCard.objects.create(student=make_student(classroom, name=student))
    return classroom


@pytest.fixture
def room12(alice):
    return class_with_cards(alice, "Room 12", ("Ana Ruiz", "Ben Ode"))


@pytest.fixture
def room14(charlie):
    return class_with_cards(charlie, "Room 14", ("Di Lee", "Eva Sol"))
