from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerup.reflections import services
from partnerup.reflections.models import ClosedFlag, Reflection

TODAY = timezone.localdate()


def reflection(student, days_ago=0, comfortable=3, helped=3, talk=False, sentence=""):
    partners = [
        pk for pk in (student.classroom.ana.pk, student.classroom.ben.pk) if pk != student.pk
    ]
    return Reflection.objects.create(
        student=student,
        on=TODAY - timedelta(days=days_ago),
        partners=partners,
        comfortable=comfortable,
        partner_helped=helped,
        wants_talk=talk,
        sentence=sentence,
    )


@pytest.fixture
def flagged(room):
    """Ana gave a low answer twice in a row and asked to talk."""
    reflection(room.ana, days_ago=1, comfortable=1, sentence="He grabs my paper")
    reflection(room.ana, comfortable=1, talk=True)
    return room


@pytest.mark.django_db
def test_open_flags_name_students_by_id_with_a_true_reason(flagged):
    flags = services.open_flags(flagged)
    assert [(f.kind, f.student, f.partners) for f in flags] == [
        ("asks_to_talk", flagged.ana.pk, (flagged.ben.pk,)),
        ("low_twice", flagged.ana.pk, (flagged.ben.pk,)),
    ]
    assert flags[1].reason == "Ana Ruiz did not feel comfortable 2 times in a row."
    assert flags[0].reason == "Ana Ruiz asked to talk with you about their partnership."


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["classes:detail", "workshop:today", "reflections:overview"])
def test_the_teacher_sees_flags_with_the_reflections_quoted(alice_client, flagged, page):
    body = alice_client.get(reverse(page, args=[flagged.pk])).content.decode()
    assert "2 partnerships need attention" in body or "Needs attention" in body
    assert "did not feel comfortable 2 times in a row" in body
    assert "He grabs my paper" in body
    assert "Talked with them" in body


@pytest.mark.django_db
def test_closing_a_flag_keeps_it_in_history_and_it_is_not_raised_again(alice_client, flagged):
    low = next(f for f in services.open_flags(flagged) if f.kind == "low_twice")
    close = reverse("reflections:close", args=[flagged.pk])
    sent = {"kind": "low_twice", "reflections": low.token, "note": "Moved seats."}
    for _ in range(2):  # a double tap closes once
        response = alice_client.post(close, {**sent, "next": f"/classes/{flagged.pk}/"})
        assert response.status_code == 302 and response.url == f"/classes/{flagged.pk}/"
    assert ClosedFlag.objects.count() == 1
    assert [f.kind for f in services.open_flags(flagged)] == ["asks_to_talk"]
    page = alice_client.get(reverse("reflections:overview", args=[flagged.pk])).content.decode()
    assert "Moved seats." in page
    # The same reflections raise nothing new; a third sad day alone does not either.
    reflection(flagged.ana, days_ago=-1, comfortable=1)
    assert [f.kind for f in services.open_flags(flagged)] == ["asks_to_talk"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "bad",
    [
        {"kind": "nope"},
        {"reflections": "1,x"},
        {"reflections": ""},
        {"reflections": "999999"},
        {"note": "x" * 1001},
        {"note": "a\x00b"},
    ],
)
def test_odd_closes_change_nothing(alice_client, flagged, bad):
    low = next(f for f in services.open_flags(flagged) if f.kind == "low_twice")
    sent = {"kind": "low_twice", "reflections": low.token, "note": "", **bad}
    response = alice_client.post(reverse("reflections:close", args=[flagged.pk]), sent)
    assert response.status_code == 302
    assert not ClosedFlag.objects.exists()


@pytest.mark.django_db
def test_another_teacher_can_neither_see_nor_close_a_flag(client, charlie, flagged):
    client.force_login(charlie)
    assert client.get(reverse("reflections:overview", args=[flagged.pk])).status_code == 404
    low = services.open_flags(flagged)[1]
    sent = {"kind": low.kind, "reflections": low.token}
    assert client.post(reverse("reflections:close", args=[flagged.pk]), sent).status_code == 404
    assert not ClosedFlag.objects.exists()


@pytest.mark.django_db
def test_partners_who_disagree_sharply_are_flagged_for_the_teacher(room):
    reflection(room.ana, helped=3)
    reflection(room.ben, helped=1)
    (flag,) = services.open_flags(room)
    assert (
        flag.reason == "Ana Ruiz says Ben Ode helped a lot, but Ben Ode says Ana Ruiz did not help."
    )


@pytest.mark.django_db
def test_the_flag_page_answers_in_few_queries_for_a_big_class(
    alice_client, room, django_assert_max_num_queries
):
    for days_ago in range(60):
        reflection(room.ana, days_ago=days_ago, comfortable=1 + days_ago % 3)
        reflection(room.ben, days_ago=days_ago, helped=1 + days_ago % 2)
    with django_assert_max_num_queries(25):
        alice_client.get(reverse("reflections:overview", args=[room.pk]))


@pytest.mark.django_db
def test_removing_a_student_leaves_no_id_of_theirs_in_classmates_reflections(alice_client, flagged):
    low = next(f for f in services.open_flags(flagged) if f.kind == "low_twice")
    services.close_flag(flagged, "low_twice", low.reflections, "")
    url = reverse("classes:student_remove", args=[flagged.pk, flagged.ben.pk])
    assert alice_client.post(url).status_code == 302
    assert all(r.partners == [] for r in Reflection.objects.all())
    assert ClosedFlag.objects.get().partners == []
    assert alice_client.get(reverse("reflections:overview", args=[flagged.pk])).status_code == 200


def test_every_flag_sentence_of_the_engine_can_be_translated():
    from partnerup import engine

    assert set(services.REASON_WORDS) == set(engine.FLAG_REASONS)


@pytest.mark.django_db
def test_a_spanish_speaking_teacher_reads_the_reason_in_spanish(alice_client, flagged):
    url = reverse("reflections:overview", args=[flagged.pk])
    page = alice_client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Ana Ruiz no se sintió a gusto 2 veces seguidas." in page


@pytest.mark.django_db
def test_the_class_page_shows_the_newest_flags_and_links_to_the_rest(alice_client, room):
    for days_ago in range(7):
        reflection(room.ana, days_ago=days_ago, talk=True)
    body = alice_client.get(reverse("classes:detail", args=[room.pk])).content.decode()
    assert "7 partnerships need attention" in body
    assert body.count("Talked with them</button>") == services.ATTENTION_MOST
    assert "2 more on Goals and reflections" in body
