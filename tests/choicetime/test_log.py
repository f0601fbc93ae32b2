"""Logging natural partnerships seen in choice time (choicetime:log, choicetime:delete)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerup.choicetime.models import ChoiceTimePartnership
from partnerup.choicetime.partners import choice_time_partners
from partnerup.workshop.models import WorkshopDay
from tests.classes.factories import make_classroom, make_student

pytestmark = pytest.mark.django_db


def pks(room, *names):
    return [room.students.get(name=n).pk for n in names]


def log(client, room, names, on=None):
    data = {"students": pks(room, *names), "date": (on or timezone.localdate()).isoformat()}
    return client.post(reverse("choicetime:log", args=[room.pk]), data, follow=True)


def entries(room):
    return [sorted(e.students.values_list("name", flat=True)) for e in room.choice_time.all()]


def test_the_teacher_logs_a_pair_and_sees_it_listed(alice_client, room):
    page = log(alice_client, room, ["Ana", "Ben"]).content.decode()
    assert entries(room) == [["Ana", "Ben"]]
    assert room.choice_time.get().date == timezone.localdate()
    assert "Ana and Ben chose to work together" in page and "Ana, Ben" in page


def test_a_three_is_kept_too(alice_client, room):
    log(alice_client, room, ["Ana", "Ben", "Cy"])
    assert entries(room) == [["Ana", "Ben", "Cy"]]


def test_a_double_tap_keeps_the_partnership_once(alice_client, room):
    log(alice_client, room, ["Ana", "Ben"])
    page = log(alice_client, room, ["Ben", "Ana"]).content.decode()
    assert entries(room) == [["Ana", "Ben"]] and "Already kept" in page


def test_the_same_pair_on_another_day_is_kept_again(alice_client, room):
    log(alice_client, room, ["Ana", "Ben"])
    log(alice_client, room, ["Ana", "Ben"], on=timezone.localdate() - timedelta(days=1))
    assert len(entries(room)) == 2


@pytest.mark.parametrize(
    "names, days_ahead, says",
    [
        (["Ana"], 0, "Tap two or three students; you tapped 1."),
        (["Ana", "Ben", "Cy", "Di"], 0, "Tap two or three students; you tapped 4."),
        ([], 0, "Tap two or three students."),
        (["Ana", "Ben"], 1, "That day has not come yet."),
        (["Ana", "Ben"], -400, "That day is more than a year ago."),
    ],
)
def test_a_wrong_entry_is_refused_plainly(alice_client, room, names, days_ahead, says):
    page = log(alice_client, room, names, on=timezone.localdate() + timedelta(days=days_ahead))
    assert page.status_code == 200 and says in page.content.decode()
    assert not ChoiceTimePartnership.objects.exists()


@pytest.mark.parametrize("day", ["tomorrow-ish", "2026-13-45", "\x00", "9" * 5000])
def test_a_day_that_is_not_a_date_is_refused(alice_client, room, day):
    url = reverse("choicetime:log", args=[room.pk])
    response = alice_client.post(url, {"students": pks(room, "Ana", "Ben"), "date": day})
    assert response.status_code == 200 and not ChoiceTimePartnership.objects.exists()


def test_a_student_of_another_class_is_refused(alice_client, alice, room):
    other = make_student(make_classroom(alice, name="Room 13"), name="Zed")
    url = reverse("choicetime:log", args=[room.pk])
    data = {"students": [pks(room, "Ana")[0], other.pk], "date": timezone.localdate()}
    page = alice_client.post(url, data).content.decode()
    assert "is not a student in this class" in page
    assert not ChoiceTimePartnership.objects.exists()


def test_students_away_today_are_not_offered_and_are_refused(alice_client, room):
    today = timezone.localdate()
    WorkshopDay.objects.create(classroom=room, date=today, absent=pks(room, "Cy"))
    page = alice_client.get(reverse("choicetime:log", args=[room.pk])).content.decode()
    assert "Ana" in page and "Cy" not in page
    refused = log(alice_client, room, ["Ana", "Cy"]).content.decode()
    assert "not a student in this class" in refused and not room.choice_time.exists()


def test_a_student_away_on_an_earlier_day_is_refused_for_that_day(alice_client, room):
    yesterday = timezone.localdate() - timedelta(days=1)
    WorkshopDay.objects.create(classroom=room, date=yesterday, absent=pks(room, "Ben"))
    page = log(alice_client, room, ["Ana", "Ben"], on=yesterday).content.decode()
    assert "Marked away that day: Ben." in page and not room.choice_time.exists()


def test_another_teacher_cannot_see_log_or_delete(client, charlie, alice_client, room):
    log(alice_client, room, ["Ana", "Ben"])
    entry = room.choice_time.get()
    client.force_login(charlie)
    assert client.get(reverse("choicetime:log", args=[room.pk])).status_code == 404
    assert client.post(reverse("choicetime:delete", args=[room.pk, entry.pk])).status_code == 404
    assert room.choice_time.exists()


def test_removing_a_student_or_the_class_removes_their_entries(alice_client, room):
    log(alice_client, room, ["Ana", "Ben", "Cy"])
    room.students.get(name="Cy").delete()
    assert entries(room) == [["Ana", "Ben"]]
    room.delete()
    assert not ChoiceTimePartnership.objects.exists()
    assert not ChoiceTimePartnership.students.through.objects.exists()


def test_an_entry_left_with_one_student_is_no_partnership(alice_client, room):
    log(alice_client, room, ["Ana", "Ben"])
    room.students.get(name="Ben").delete()
    assert choice_time_partners(room.pk) == {}


def test_today_and_the_class_page_link_to_choice_time(alice_client, room):
    page = alice_client.get(reverse("classes:detail", args=[room.pk])).content.decode()
    assert reverse("choicetime:log", args=[room.pk]) in page
    assert reverse("insights:class", args=[room.pk]) in page


def test_today_links_to_choice_time(alice_client, alice):
    from partnerup.demo import example_roster
    from partnerup.plans import services as plans
    from tests.classes.factories import load_class

    classroom = load_class(make_classroom(alice, name="Room 14"), *example_roster())
    plans.save_as_current(plans.generate(classroom, {}), "Unit 1", None, None)
    page = alice_client.get(reverse("workshop:today", args=[classroom.pk])).content.decode()
    assert reverse("choicetime:log", args=[classroom.pk]) in page
