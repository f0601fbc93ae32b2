"""Delete my account (accounts:delete): the teacher confirms; they and their classes go."""

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from partnerup.classes.models import Classroom
from tests.classes.test_delete_class import row_counts
from tests.classes.test_export import make_rich_class

URL = reverse("accounts:delete")


def test_the_page_lists_the_classes_that_will_be_deleted(alice_client, alice):
    make_rich_class(alice_client, alice, name="Room 12")
    make_rich_class(alice_client, alice, name="Room 14")
    page = alice_client.get(URL).content.decode()
    assert "Room 12" in page and "Room 14" in page and "2 classes" in page
    assert "Type your username to confirm" in page and "Your password" in page


def test_a_wrong_username_or_password_deletes_nothing(alice_client, alice):
    make_rich_class(alice_client, alice)
    before = row_counts()
    for typed, says in (
        ({"username": "Alice", "password": "pw-alice-123!"}, "type alice exactly"),
        ({"username": "alice", "password": "wrong"}, "That is not your password."),
        ({"username": "alice"}, "This field is required"),
    ):
        response = alice_client.post(URL, typed)
        assert response.status_code == 400 and says in response.content.decode(), typed
    assert row_counts() == before
    assert get_user_model().objects.filter(username="alice").exists()


def test_deleting_the_account_removes_the_teacher_and_every_row_of_their_classes(
    alice_client, alice, charlie
):
    charlie_client = Client()
    charlie_client.force_login(charlie)
    theirs = make_rich_class(charlie_client, charlie)
    before = row_counts()
    make_rich_class(alice_client, alice, name="Room 12")
    make_rich_class(alice_client, alice, name="Room 14")
    response = alice_client.post(URL, {"username": "alice", "password": "pw-alice-123!"})
    assert response.status_code == 302 and response.url == reverse("home")
    assert row_counts() == before
    assert not get_user_model().objects.filter(username="alice").exists()
    assert list(Classroom.objects.all()) == [theirs] and theirs.students.count() == 24
    home = alice_client.get(reverse("home")).content.decode()
    assert "Your account and all its classes are deleted." in home
    assert alice_client.get(reverse("classes:list")).status_code == 302  # signed out
    assert charlie_client.get(reverse("classes:list")).status_code == 200


def test_an_account_without_a_password_confirms_with_the_username(client, django_user_model):
    demo = django_user_model.objects.create_user("demo")
    demo.set_unusable_password()
    demo.save()
    client.force_login(demo)
    assert "Your password" not in client.get(URL).content.decode()
    assert client.post(URL, {"username": "demo"}).status_code == 302
    assert not django_user_model.objects.filter(username="demo").exists()


def test_deleting_an_account_needs_signing_in(client):
    assert client.get(URL).status_code == 302
    assert client.post(URL, {"username": "alice"}).status_code == 302


def test_my_classes_links_to_delete_my_account(alice_client):
    page = alice_client.get(reverse("classes:list")).content.decode()
    assert URL in page and "Delete my account" in page


def test_deleting_a_co_teachers_account_keeps_the_class_they_co_taught(client, alice, charlie):
    room = Classroom.objects.create(teacher=alice, name="Room 12")
    room.co_teachers.add(charlie)
    client.force_login(charlie)
    page = client.get(URL).content.decode()
    assert "You stop co-teaching these classes" in page and "Room 12 (owner: alice)" in page
    client.post(URL, {"username": "charlie", "password": "pw-charlie-123!"})
    assert list(Classroom.objects.all()) == [room] and not room.co_teachers.exists()


def test_the_page_says_which_co_teachers_lose_an_owned_class(alice_client, alice, charlie):
    room = Classroom.objects.create(teacher=alice, name="Room 12")
    room.co_teachers.add(charlie)
    page = alice_client.get(URL).content.decode()
    assert "Its co-teachers (charlie) lose it too." in page
    assert reverse("teachers:index", args=[room.pk]) in page  # make one of them the owner
    alice_client.post(URL, {"username": "alice", "password": "pw-alice-123!"})
    assert not Classroom.objects.exists()
