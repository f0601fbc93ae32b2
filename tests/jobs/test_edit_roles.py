from django.urls import reverse

from partnerup.jobs.models import JobChoice, PartnerRole
from tests.classes.factories import make_classroom

from .conftest import choose, role


def test_starter_roles_come_with_spanish_names_and_frames(room):
    cheerleader = role(room, "cheerleader")
    assert cheerleader.es == "Animador"
    frames = list(cheerleader.frames.all())
    assert frames[0].en == "I noticed that you…" and frames[0].es == "Noté que tú…"
    pair = role(room, "listener-talker")
    assert (pair.en, pair.pair_en, pair.pair_es) == ("Listener", "Talker", "Hablante")


def test_the_teacher_rewords_a_role(alice_client, room):
    editor = role(room, "editor")
    url = reverse("jobs:role", args=[room.pk, editor.pk])
    alice_client.post(url, {"en": "Fixer", "es": "Arreglador"})
    editor.refresh_from_db()
    assert (editor.en, editor.es) == ("Fixer", "Arreglador")
    assert "Fixer" in alice_client.get(url).content.decode()


def test_a_pair_role_keeps_two_halves(alice_client, room):
    pair = role(room, "listener-talker")
    url = reverse("jobs:role", args=[room.pk, pair.pk])
    response = alice_client.post(url, {"en": "Reader", "es": ""}, follow=True)
    assert "A pair job needs a name for each half." in response.content.decode()
    pair.refresh_from_db()
    assert pair.en == "Listener"


def test_the_teacher_adds_a_pair_role_of_the_classs_own(alice_client, room):
    url = reverse("jobs:role_add", args=[room.pk])
    response = alice_client.post(
        url, {"en": "Asker", "es": "Preguntón", "pair_en": "Answerer", "pair_es": "Respondón"}
    )
    added = room.partner_roles.get(en="Asker")
    assert response.url == reverse("jobs:role", args=[room.pk, added.pk])
    assert added.is_pair and added.pair_es == "Respondón"


def test_a_repeated_or_bad_role_name_is_refused(alice_client, room):
    url = reverse("jobs:role_add", args=[room.pk])
    before = room.partner_roles.count()
    for data, message in (
        ({"en": "editor"}, "“editor” is already a job."),
        ({"en": ""}, "Write the job&#x27;s name."),
        ({"en": "x" * 61}, "Write a job&#x27;s name in up to 60 letters."),
        ({"en": "Time\x07keeper"}, "please type it again"),
        (
            {"en": "Timekeeper", "pair_es": "Otro"},
            "Write the other half&#x27;s name in English too.",
        ),
    ):
        response = alice_client.post(url, data, follow=True)
        assert response.status_code == 200
        assert message in response.content.decode(), data
    assert room.partner_roles.count() == before


def test_the_teacher_adds_rewords_and_removes_frames(alice_client, room):
    editor = role(room, "editor")
    add = reverse("jobs:frame_add", args=[room.pk, editor.pk])
    alice_client.post(add, {"en": "I wonder why…", "es": "Me pregunto por qué…"})
    frame = editor.frames.get(en="I wonder why…")
    assert list(editor.frames.all())[-1] == frame
    edit = reverse("jobs:frame_edit", args=[room.pk, editor.pk, frame.pk])
    alice_client.post(edit, {"en": "I wonder how…", "es": "Me pregunto cómo…"})
    frame.refresh_from_db()
    assert (frame.en, frame.es) == ("I wonder how…", "Me pregunto cómo…")
    alice_client.post(reverse("jobs:frame_remove", args=[room.pk, editor.pk, frame.pk]))
    assert not editor.frames.filter(pk=frame.pk).exists()


def test_a_bad_frame_is_refused(alice_client, room):
    editor = role(room, "editor")
    count = editor.frames.count()
    add = reverse("jobs:frame_add", args=[room.pk, editor.pk])
    for data in (
        {"en": ""},
        {"en": "y" * 161},
        {"en": "Line\nbreak"},
        {"en": editor.frames.first().en},
    ):
        response = alice_client.post(add, data, follow=True)
        assert 'class="message error"' in response.content.decode(), data
    assert editor.frames.count() == count


def test_removing_a_role_asks_first_and_takes_it_out_of_use(alice_client, room):
    choose(alice_client, room, "editor", "cheerleader")
    editor = role(room, "editor")
    url = reverse("jobs:role_remove", args=[room.pk, editor.pk])
    alice_client.post(url)
    assert PartnerRole.objects.filter(pk=editor.pk).exists()
    alice_client.post(url, {"confirm": "yes"})
    assert not PartnerRole.objects.filter(pk=editor.pk).exists()
    assert JobChoice.objects.get(classroom=room).roles == [role(room, "cheerleader").pk]


def test_another_teachers_role_is_not_found(alice_client, alice, charlie, room, client):
    editor = role(room, "editor")
    client.force_login(charlie)
    mine = make_classroom(charlie, name="Charlie's")
    for url in (
        reverse("jobs:role", args=[room.pk, editor.pk]),
        reverse("jobs:role", args=[mine.pk, editor.pk]),
        reverse("jobs:role_print", args=[mine.pk, editor.pk]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, {"en": "Hacked"}).status_code in (404, 405)
    editor.refresh_from_db()
    assert editor.en == "Editor"
