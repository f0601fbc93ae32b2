import pytest

from partnerup.conferring.models import ConferenceNote, ConferringSettings
from tests.classes.factories import pks_of
from tests.conferring.helpers import note_for

pytestmark = pytest.mark.django_db


def test_removing_a_student_deletes_their_notes_and_keeps_their_partners(alice_client, room12):
    ana, ben = pks_of(room12, "Ana", "Ben")
    note_for(room12, [ana, ben], days=1)
    room12.students.get(pk=ana).delete()
    assert list(ConferenceNote.objects.values_list("student_id", flat=True)) == [ben]


def test_deleting_the_class_deletes_its_notes_and_colours(room12):
    note_for(room12, pks_of(room12, "Ana", "Ben"), days=1)
    ConferringSettings.objects.create(classroom=room12, green_days=5, yellow_days=9)
    room12.delete()
    assert not ConferenceNote.objects.exists() and not ConferringSettings.objects.exists()
