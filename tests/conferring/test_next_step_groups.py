import pytest

from partnerup.conferring.services import next_step_groups
from tests.classes.factories import pks_of
from tests.conferring.helpers import note_for

pytestmark = pytest.mark.django_db


def test_students_sharing_the_next_step_of_their_latest_note_are_grouped(alice_client, room12):
    ana, ben, carlos, maya = pks_of(room12, "Ana", "Ben", "Carlos", "Maya")
    note_for(room12, [ana], days=1, next_step="dialogue")
    note_for(room12, [ben], days=2, next_step="dialogue")
    note_for(room12, [carlos], days=9, next_step="dialogue")
    note_for(room12, [carlos], days=1, next_step="ending")  # his latest: not dialogue
    note_for(room12, [maya], days=3, next_step="Ending ")
    groups = next_step_groups(room12)
    assert [(g.step, [name for _pk, name in g.students]) for g in groups] == [
        ("using dialogue", ["Ana", "Ben"]),
    ]


def test_a_typed_next_step_groups_whatever_its_case(room12):
    ana, ben, zoe = pks_of(room12, "Ana", "Ben", "Zoe")
    note_for(room12, [ana, ben], days=1, next_step="List poem")
    note_for(room12, [zoe], days=1, next_step="list poem")
    [group] = next_step_groups(room12)
    assert [name for _pk, name in group.students] == ["Ana", "Ben", "Zoe"]


def test_the_radar_page_shows_the_groups(alice_client, room12):
    from tests.conferring.helpers import url

    ana, ben = pks_of(room12, "Ana", "Ben")
    note_for(room12, [ana, ben], days=1, next_step="capitals")
    page = alice_client.get(url("radar", room12)).content.decode()
    assert "capital letters" in page.split("Group by next step")[1]
