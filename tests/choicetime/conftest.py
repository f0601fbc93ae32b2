import pytest

from tests.classes.factories import make_classroom, make_student


@pytest.fixture
def room(alice):
    """A class of five with nothing else between them."""
    classroom = make_classroom(alice)
    for name in ("Ana", "Ben", "Cy", "Di", "Eva"):
        make_student(classroom, name=name)
    return classroom
