"""The radar: every student and current partnership by days since their last
conference, coloured by the class's thresholds, the longest first."""

import pytest
from django.utils import timezone

from partnerup.conferring import services
from partnerup.conferring.models import ConferringSettings
from tests.classes.factories import pk_of, pks_of
from tests.conferring.helpers import HTMX, note_for, partnerships, url

pytestmark = pytest.mark.django_db


def rows_by_label(classroom):
    found = services.radar(classroom, timezone.localdate())
    return {row.label: row for row in found.students + found.partnerships}, found


def test_colours_follow_the_default_thresholds_and_days_are_written(alice_client, room12):
    ana, ben, carlos = pks_of(room12, "Ana", "Ben", "Carlos")
    note_for(room12, [ana], days=10)
    note_for(room12, [ben], days=11)
    note_for(room12, [carlos], days=25)
    rows, _ = rows_by_label(room12)
    assert (rows["Ana"].colour, rows["Ben"].colour, rows["Carlos"].colour) == (
        "green",
        "yellow",
        "red",
    )
    assert rows["Maya"].colour == "red" and rows["Maya"].days is None
    page = alice_client.get(url("radar", room12)).content.decode()
    assert "10 days ago" in page and "25 days ago" in page and "no conference yet" in page


def test_the_teacher_sets_the_thresholds_of_the_class(alice_client, room12):
    note_for(room12, [pk_of(room12, "Ana")], days=5)
    alice_client.post(url("colours", room12), {"green_days": 3, "yellow_days": 4}, **HTMX)
    assert ConferringSettings.objects.get(classroom=room12).green_days == 3
    rows, found = rows_by_label(room12)
    assert rows["Ana"].colour == "red" and (found.green_days, found.yellow_days) == (3, 4)


@pytest.mark.parametrize(
    "sent, says",
    [
        ({"green_days": 20, "yellow_days": 10}, "Green must end before yellow"),
        ({"green_days": 0, "yellow_days": 10}, "greater than or equal to 1"),
        ({"green_days": "ten", "yellow_days": 10}, "Enter a whole number."),
        ({"green_days": 5, "yellow_days": 9999}, "less than or equal to 365"),
    ],
)
def test_thresholds_that_make_no_sense_are_refused(alice_client, room12, sent, says):
    answer = alice_client.post(url("colours", room12), sent, **HTMX)
    assert says in answer.content.decode()
    assert not ConferringSettings.objects.exists()


def test_the_longest_since_a_conference_comes_first_never_first_of_all(room12):
    ana, ben = pks_of(room12, "Ana", "Ben")
    note_for(room12, [ana], days=2)
    note_for(room12, [ben], days=30)
    _, found = rows_by_label(room12)
    labels = [row.label for row in found.students]
    assert labels[-2:] == ["Ben", "Ana"]
    assert all(row.days is None for row in found.students[:-2])
    never = labels[:-2]
    assert never == sorted(never, key=str.casefold)


def test_every_current_partnership_is_on_the_radar_and_a_partnership_note_colours_it(room12):
    pair = partnerships(room12)[0]
    note_for(room12, list(pair), days=1)
    _, found = rows_by_label(room12)
    assert sorted(row.pks for row in found.partnerships) == sorted(partnerships(room12))
    assert found.partnerships[-1].pks == pair and found.partnerships[-1].colour == "green"
    assert all(row.days is None for row in found.partnerships[:-1])


def test_not_seen_this_unit_counts_from_when_the_plan_started(room12):
    ana, ben = pks_of(room12, "Ana", "Ben")
    plan = room12.current_plan
    plan.starts = timezone.localdate() - timezone.timedelta(days=7)
    plan.save()
    note_for(room12, [ana], days=9)
    note_for(room12, [ben], days=6)
    rows, _ = rows_by_label(room12)
    assert rows["Ana"].not_this_unit and not rows["Ben"].not_this_unit
    assert rows["Maya"].not_this_unit


def test_the_radar_names_students_by_their_current_name(alice_client, room12):
    ana = room12.students.get(name="Ana")
    note_for(room12, [ana.pk], days=1)
    ana.name = "Anabel"
    ana.save()
    page = alice_client.get(url("radar", room12)).content.decode()
    assert "Anabel" in page


def test_today_and_the_class_page_link_to_conferring(alice_client, room12):
    from django.urls import reverse

    for page in (
        reverse("workshop:today", args=[room12.pk]),
        reverse("classes:detail", args=[room12.pk]),
    ):
        assert f'href="{url("radar", room12)}"' in alice_client.get(page).content.decode()
