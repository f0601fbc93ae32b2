from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from partnerup.classes.keys import key_pk
from partnerup.jobs.services import today_jobs
from partnerup.workshop.models import WorkshopDay

from .conftest import choose, signed_in


def pairs_today(classroom) -> list[tuple[int, int]]:
    """Today's partnerships of two as (A, B) student ids."""
    day = classroom.days.get(date=timezone.localdate())
    result = []
    for group in day.arrangement["groups"]:
        if len(group["members"]) == 2:
            letters = dict(group.get("roles", []))
            a, b = sorted(group["members"], key=lambda m: letters.get(m, ""))
            result.append((key_pk(a), key_pk(b)))
    return result


def open_today(client, classroom):
    response = client.get(reverse("workshop:today", args=[classroom.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_today_shows_each_letters_job_and_each_partnerships(alice_client, room):
    choose(alice_client, room, "cheerleader", "editor")
    page = open_today(alice_client, room)
    assert "Partner jobs today" in page
    names = dict(room.students.values_list("pk", "name"))
    for a, b in pairs_today(room):
        assert f"<b>A</b> {names[a]}: Cheerleader" in page
        assert f"<b>B</b> {names[b]}: Editor" in page


def test_jobs_pass_to_the_other_partner_on_the_next_workshop_day(alice_client, room):
    choose(alice_client, room, "cheerleader", "editor")
    yesterday = timezone.localdate() - timedelta(days=1)
    WorkshopDay.objects.create(classroom=room, date=yesterday, plan=room.current_plan)
    page = open_today(alice_client, room)
    names = dict(room.students.values_list("pk", "name"))
    for a, b in pairs_today(room):
        assert f"<b>A</b> {names[a]}: Editor" in page
        assert f"<b>B</b> {names[b]}: Cheerleader" in page


def test_a_pair_job_gives_each_partner_one_half(alice_client, room):
    choose(alice_client, room, "listener-talker", length="today")
    page = open_today(alice_client, room)
    names = dict(room.students.values_list("pk", "name"))
    a, b = pairs_today(room)[0]
    assert f"<b>A</b> {names[a]}: Listener" in page and f"<b>B</b> {names[b]}: Talker" in page


def test_today_without_jobs_links_to_choosing_them(alice_client, room):
    page = open_today(alice_client, room)
    assert "No partner jobs today." in page
    assert reverse("jobs:index", args=[room.pk]) in page


def test_the_projector_shows_the_jobs_in_large_type(alice_client, room):
    choose(alice_client, room, "cheerleader", "editor")
    open_today(alice_client, room)
    page = alice_client.get(reverse("workshop:projector", args=[room.pk])).content.decode()
    assert 'class="wall-jobs"' in page
    assert "<b>A</b> Cheerleader" in page and "<b>B</b> Editor" in page


def test_each_student_sees_their_own_job_on_their_home_page(alice_client, room):
    choose(alice_client, room, "cheerleader", "editor")
    open_today(alice_client, room)
    students = {s.pk: s for s in room.students.all()}
    a, b = pairs_today(room)[0]
    home_a = signed_in(students[a]).get(reverse("voice:home")).content.decode()
    assert "My job: Cheerleader" in home_a and "Editor" not in home_a
    page_b = signed_in(students[b]).get(reverse("student_jobs:mine")).content.decode()
    assert "Editor" in page_b and "Let&#x27;s check the spelling" in page_b
    assert "Cheerleader" not in page_b and students[a].name not in page_b


def test_a_spanish_card_reads_the_job_and_frames_in_spanish(alice_client, room):
    choose(alice_client, room, "cheerleader", "editor")
    open_today(alice_client, room)
    a, _ = pairs_today(room)[0]
    client = signed_in(room.students.get(pk=a), language="es")
    assert "Mi trabajo: Animador" in client.get(reverse("voice:home")).content.decode()
    page = client.get(reverse("student_jobs:mine")).content.decode()
    assert "¿Cuál es mi trabajo?" in page and "Noté que tú…" in page


def test_before_today_is_opened_a_student_has_no_job_yet(alice_client, room):
    choose(alice_client, room, "cheerleader", "editor")
    client = signed_in(room.students.first())
    assert "My job" not in client.get(reverse("voice:home")).content.decode()
    page = client.get(reverse("student_jobs:mine")).content.decode()
    assert "No partner job today." in page


def test_the_job_page_needs_a_card(client, alice, room):
    client.force_login(alice)
    response = client.get(reverse("student_jobs:mine"))
    assert response.status_code == 403


def test_todays_jobs_take_a_few_queries_whatever_the_class_size(
    alice_client, room, django_assert_max_num_queries
):
    choose(alice_client, room, "cheerleader", "editor", "listener-talker")
    open_today(alice_client, room)
    day = room.days.get()
    with django_assert_max_num_queries(7):
        jobs = today_jobs(day)
    assert len(jobs.rows) == len(day.arrangement["groups"])
