import pytest

from tests.classes.factories import make_classroom, make_student

from .factories import add_co_teacher, make_school, make_teacher


@pytest.fixture
def room(alice):
    """Alice's class with two students."""
    classroom = make_classroom(alice, name="Room 12")
    make_student(classroom, name="Ana")
    make_student(classroom, name="Ben")
    return classroom


@pytest.fixture
def bob(db):
    """Co-teaches nothing until a test says so."""
    return make_teacher("bob")


@pytest.fixture
def bob_client(client, bob):
    client.force_login(bob)
    return client


@pytest.fixture
def co_taught(room, bob):
    """Room 12 with bob as its co-teacher."""
    add_co_teacher(room, bob)
    return room


@pytest.fixture
def lincoln(alice, bob):
    """Sam is Lincoln's admin; alice and bob teach there."""
    return make_school(admins=[make_teacher("sam")], teachers=[alice, bob])


@pytest.fixture
def sam(lincoln):
    return lincoln.teachers.get(is_admin=True).user


@pytest.fixture
def sam_client(client, sam):
    client.force_login(sam)
    return client
