"""Archive a class (classes:archive) and bring it back: the retention clock starts and
stops, the teacher is told in advance what will go, and the class page says when."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerup.upkeep.retention import remove_expired_student_data

from .factories import make_classroom

pytestmark = pytest.mark.django_db


def toggle(client, classroom):
    response = client.post(reverse("classes:archive", args=[classroom.pk]), follow=True)
    classroom.refresh_from_db()
    return response.content.decode()


def test_archiving_starts_the_clock_and_bringing_back_stops_it(alice_client, alice):
    room = make_classroom(alice)
    toggle(alice_client, room)
    assert room.is_archived and room.archived_at is not None
    assert timezone.now() - room.archived_at < dt.timedelta(minutes=5)
    toggle(alice_client, room)
    assert not room.is_archived and room.archived_at is None


def test_archiving_tells_the_teacher_what_will_be_deleted_and_when(alice_client, alice, settings):
    settings.PARTNERUP_RETENTION_DAYS = 45
    page = toggle(alice_client, make_classroom(alice))
    assert (
        "This school&#x27;s PartnerUp deletes student answers, reflections, days and notes "
        "45 days after a class is archived. Download everything (on the class page) first "
        "if you want to keep them."
    ) in page


def test_bringing_a_class_back_warns_of_nothing(alice_client, alice):
    room = make_classroom(alice, is_archived=True, archived_at=timezone.now())
    assert "deletes student answers" not in toggle(alice_client, room)


def test_an_archived_class_page_says_when_its_answers_will_be_removed(alice_client, alice):
    archived_at = dt.datetime(2027, 1, 1, 15, tzinfo=dt.UTC)
    room = make_classroom(alice, is_archived=True, archived_at=archived_at)
    page = alice_client.get(reverse("classes:detail", args=[room.pk])).content.decode()
    assert "will be removed on 2 March 2027, 60 days after it was archived" in page


def test_the_class_page_says_what_was_removed_and_when(alice_client, alice):
    archived_at = dt.datetime(2027, 1, 1, 15, tzinfo=dt.UTC)
    room = make_classroom(alice, is_archived=True, archived_at=archived_at)
    remove_expired_student_data(dt.datetime(2027, 3, 2, 15, tzinfo=dt.UTC))
    page = alice_client.get(reverse("classes:detail", args=[room.pk])).content.decode()
    assert (
        "Student answers, reflections, days and notes were removed on 2 March 2027, 60 days "
        "after this class was archived, as your school&#x27;s PartnerUp keeps them."
    ) in page


def test_a_class_in_use_says_nothing_of_removal(alice_client, alice):
    room = make_classroom(alice)
    page = alice_client.get(reverse("classes:detail", args=[room.pk])).content.decode()
    assert "removed on" not in page and "will be removed" not in page


def test_the_class_page_is_in_spanish_for_a_spanish_browser(alice_client, alice):
    archived_at = dt.datetime(2027, 1, 1, 15, tzinfo=dt.UTC)
    room = make_classroom(alice, is_archived=True, archived_at=archived_at)
    url = reverse("classes:detail", args=[room.pk])
    page = alice_client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "2 de marzo de 2027" in page


def test_another_teacher_cannot_archive_a_class(client, charlie, alice):
    room = make_classroom(alice)
    client.force_login(charlie)
    assert client.post(reverse("classes:archive", args=[room.pk])).status_code == 404
    room.refresh_from_db()
    assert not room.is_archived and room.archived_at is None
