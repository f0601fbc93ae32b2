"""Sign-in cards carry an address students' devices can open."""

import pytest
from django.urls import reverse

from partnerup.voice.models import SignInCard
from tests.voice.test_student_pages import room  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_cards_use_the_configured_public_address(alice_client, room, settings):  # noqa: F811
    settings.PARTNERUP_PUBLIC_URL = "https://partnerup.school.example"
    sheet = alice_client.get(reverse("voice_teacher:sheet", args=[room.pk])).content.decode()
    assert "https://partnerup.school.example/s/" in sheet
    assert "only this computer" not in sheet


def test_cards_warn_when_the_address_only_works_on_this_computer(alice_client, room, settings):  # noqa: F811
    settings.PARTNERUP_PUBLIC_URL = ""
    for page in ("voice_teacher:cards", "voice_teacher:sheet"):
        text = alice_client.get(reverse(page, args=[room.pk]), SERVER_NAME="127.0.0.1").content
        assert "only this computer can open" in text.decode(), page


def test_cards_do_not_warn_for_an_address_the_school_network_reaches(alice_client, room, settings):  # noqa: F811
    settings.PARTNERUP_PUBLIC_URL = ""
    settings.ALLOWED_HOSTS = ["partnerup.lan"]
    page = alice_client.get(
        reverse("voice_teacher:cards", args=[room.pk]), SERVER_NAME="partnerup.lan"
    )
    assert "only this computer" not in page.content.decode()
    assert SignInCard.objects.filter(student__classroom=room).exists()


def test_a_public_address_without_a_scheme_is_refused_at_start():
    import os
    import subprocess
    import sys

    env = {**os.environ, "PARTNERUP_PUBLIC_URL": "partnerup.school.example"}
    done = subprocess.run(
        [sys.executable, "-c", "import partnerup.settings"], env=env, capture_output=True, text=True
    )
    assert done.returncode != 0 and "PARTNERUP_PUBLIC_URL must start with http" in done.stderr
