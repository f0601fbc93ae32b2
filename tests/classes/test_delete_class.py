"""Delete a class (classes:delete): the teacher types its name; every row of it goes."""

from django.apps import apps
from django.test import Client
from django.urls import reverse

from partnerup.classes.models import Classroom

CLASS_APPS = (
    "classes",
    "plans",
    "workshop",
    "voice",
    "jobs",
    "helpboard",
    "conferring",
    "choicetime",
    "reflections",
)


def row_counts() -> dict[str, int]:
    """How many rows every model of the class apps holds."""
    return {
        model._meta.label: model.objects.count()
        for label in CLASS_APPS
        for model in apps.get_app_config(label).get_models()
    }


def rich_class(client, teacher, name):
    from tests.classes.test_export import make_rich_class

    return make_rich_class(client, teacher, name=name)


def test_the_page_says_what_deleting_the_class_deletes(alice_client, alice):
    room12 = rich_class(alice_client, alice, "Room 12")
    page = alice_client.get(reverse("classes:delete", args=[room12.pk])).content.decode()
    for what in ("24 students", "4 rules", "1 plan", "1 workshop day", "1 week of headline",
                 "1 student&#x27;s answers", "1 sign-in card"):  # fmt: skip
        assert what in page, what
    assert "Type the class name to confirm" in page


def test_a_wrong_name_deletes_nothing(alice_client, alice):
    room12 = rich_class(alice_client, alice, "Room 12")
    before = row_counts()
    url = reverse("classes:delete", args=[room12.pk])
    for typed, says in (
        ("Room 1", "That is not the class name: type Room 12 exactly to delete it."),
        ("room 12", "That is not the class name"),
        ("", "This field is required"),
    ):
        response = alice_client.post(url, {"name": typed})
        assert response.status_code == 400 and says in response.content.decode(), typed
    assert row_counts() == before


def test_deleting_a_class_leaves_no_row_of_it_and_spares_other_classes(
    alice_client, alice, charlie
):
    charlie_client = Client()
    charlie_client.force_login(charlie)
    theirs = rich_class(charlie_client, charlie, "Room 12")
    theirs_before = theirs.students.count(), theirs.plans.count(), theirs.days.count()
    before = row_counts()
    room12 = rich_class(alice_client, alice, "Room 12")
    assert row_counts() != before
    response = alice_client.post(reverse("classes:delete", args=[room12.pk]), {"name": "Room 12"})
    assert response.status_code == 302 and response.url == reverse("classes:list")
    assert row_counts() == before
    assert not Classroom.objects.filter(teacher=alice).exists()
    theirs.refresh_from_db()
    assert (theirs.students.count(), theirs.plans.count(), theirs.days.count()) == theirs_before
    page = alice_client.get(response.url).content.decode()
    assert "Deleted Room 12 and everything in it." in page


def test_another_teacher_cannot_see_or_delete_a_class(alice_client, alice, client, charlie):
    room12 = rich_class(alice_client, alice, "Room 12")
    before = row_counts()
    client.force_login(charlie)
    url = reverse("classes:delete", args=[room12.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "Room 12"}).status_code == 404
    assert row_counts() == before
