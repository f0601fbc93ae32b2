from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from partnerup.jobs.models import JobChoice
from partnerup.jobs.services import roles_in_use
from tests.classes.factories import make_classroom

from .conftest import choose, role


def in_use_today(classroom):
    today = timezone.localdate()
    return [r.key for r in roles_in_use(classroom, classroom.current_plan.pk, today).roles]


def test_the_page_offers_the_starter_roles(alice_client, room):
    page = alice_client.get(reverse("jobs:index", args=[room.pk])).content.decode()
    for words in ("Cheerleader", "Thought partner", "Accountability partner", "Editor"):
        assert words in page
    assert "Listener and talker" in page


def test_roles_chosen_for_the_unit_are_in_use_on_every_day_of_it(alice_client, room):
    response = choose(alice_client, room, "editor", "cheerleader")
    assert response.status_code == 302
    assert in_use_today(room) == ["editor", "cheerleader"]
    choice = JobChoice.objects.get(classroom=room)
    assert choice.plan == room.current_plan and choice.day is None
    later = timezone.localdate() + timedelta(days=3)
    assert [r.key for r in roles_in_use(room, room.current_plan.pk, later).roles] == [
        "editor",
        "cheerleader",
    ]


def test_roles_chosen_for_today_replace_the_units_today_only(alice_client, room):
    choose(alice_client, room, "editor")
    choose(alice_client, room, "listener-talker", length="today")
    assert in_use_today(room) == ["listener-talker"]
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert [r.key for r in roles_in_use(room, room.current_plan.pk, tomorrow).roles] == ["editor"]


def test_choosing_twice_keeps_one_choice(alice_client, room):
    choose(alice_client, room, "editor")
    choose(alice_client, room, "editor")
    choose(alice_client, room, "cheerleader", length="today")
    choose(alice_client, room, "cheerleader", length="today")
    assert JobChoice.objects.filter(classroom=room).count() == 2


def test_ticking_nothing_means_no_jobs(alice_client, room):
    choose(alice_client, room, "editor")
    choose(alice_client, room)
    assert in_use_today(room) == []


def test_a_role_of_another_class_is_refused(alice_client, alice, room):
    other = make_classroom(alice, name="Room 13")
    alice_client.get(reverse("jobs:index", args=[other.pk]))
    foreign = role(other, "editor").pk
    response = alice_client.post(
        reverse("jobs:choose", args=[room.pk]), {"roles": [foreign], "length": "unit"}, follow=True
    )
    assert "Choose jobs from the list." in response.content.decode()
    assert not JobChoice.objects.filter(classroom=room).exists()


def test_odd_input_is_refused_with_a_plain_message(alice_client, room):
    url = reverse("jobs:choose", args=[room.pk])
    for data in ({"roles": ["x"], "length": "unit"}, {"roles": [], "length": "year"}, {}):
        response = alice_client.post(url, data, follow=True)
        assert response.status_code == 200
        assert 'class="message error"' in response.content.decode()
    assert not JobChoice.objects.filter(classroom=room).exists()


def test_a_class_without_a_plan_can_choose_for_today_only(alice_client, alice):
    classroom = make_classroom(alice, name="Empty")
    alice_client.get(reverse("jobs:index", args=[classroom.pk]))
    response = choose(alice_client, classroom, "editor")
    assert not JobChoice.objects.filter(classroom=classroom).exists()
    assert response.status_code == 302
    choose(alice_client, classroom, "editor", length="today")
    assert JobChoice.objects.get(classroom=classroom).day == timezone.localdate()


def test_another_teacher_cannot_choose(client, charlie, room):
    client.force_login(charlie)
    response = choose(client, room, "editor")
    assert response.status_code == 404
    assert not JobChoice.objects.filter(classroom=room).exists()
