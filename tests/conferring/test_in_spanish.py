import pytest

from tests.classes.factories import pk_of
from tests.conferring.helpers import HTMX, note_for, url

pytestmark = pytest.mark.django_db


def test_the_conferring_page_reads_in_spanish(alice_client, room12):
    note_for(room12, [pk_of(room12, "Ana")], days=12, next_step="dialogue")
    note_for(room12, [pk_of(room12, "Ben")], days=12, next_step="dialogue")
    page = alice_client.get(url("radar", room12), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    for words in ("A quién ver hoy", "Radar de conferencias", "hace 12 días", "usar diálogo"):
        assert words in page, words
    panel = alice_client.get(
        f"{url('note', room12)}?students={pk_of(room12, 'Ana')}", HTTP_ACCEPT_LANGUAGE="es", **HTMX
    ).content.decode()
    assert "Guardar la nota" in panel and "Conferencia con Ana" in panel
