"""Every URL of the app, walked as a second teacher: 404 (or 403/405) and no data;
walked as the owning teacher and a student of the class: no error and no student key;
walked as each role (owner, co-teacher, school admin, teachers of the same and of
another school, a student): let in where the view's access decorator says, else
404/403/405 and no data.

The URLs come from the URL configuration itself, so a new page is walked the day it
is added; a URL argument this test cannot fill makes it fail, not skip.
"""

from datetime import date

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from partnerup import demo
from partnerup.classes.keys import KEY_CLOSE, KEY_OPEN
from partnerup.classes.models import Classroom
from partnerup.jobs.services import roles_of
from partnerup.schools import access
from partnerup.schools.models import Invitation
from partnerup.voice.class_traits import traits_of
from partnerup.voice.models import SignInCard, SurveyQuestion
from partnerup.workshop.models import WorkshopDay
from tests.classes.factories import load_class, make_student, pks_of
from tests.plans.test_plans import HTMX, draft_of, generate
from tests.schools.factories import add_co_teacher, make_school, make_teacher

SECRET_CLASS = "Alice Secret Room"
OPEN_TO_EVERYONE = {"login", "logout", "signup", "demo_sign_in", "home", "healthz"}
ACCOUNT_PAGES = ("password_", "classes:list", "classes:create")
STUDENT_PAGES = ("voice:", "student_jobs:", "helpboard_student:")  # walked as a signed-in student


def every_named_url(patterns=None, namespace="", arguments=()):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        converters = tuple(getattr(entry.pattern, "converters", {}))
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from every_named_url(entry.url_patterns, inner, arguments + converters)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", arguments + converters


@pytest.fixture
def alice_world(alice_client, alice):
    classroom = Classroom.objects.create(teacher=alice, name=SECRET_CLASS)
    load_class(classroom, *demo.example_roster())
    generate(alice_client, classroom)
    draft = draft_of(classroom)
    saved_id = draft.pk
    alice_client.post(reverse("plans:save", args=[classroom.pk, saved_id]), {"name": "Unit 1"})
    generate(alice_client, classroom)
    seen = classroom.choice_time.create(date=date(2026, 9, 15))
    seen.students.set(classroom.students.filter(name__in=("Ana", "Ben")))
    people = _people_around(classroom)
    return {
        "people": people,
        "teacher_pk": people["co_teacher"].pk,
        "invitation_pk": Invitation.objects.get(classroom=classroom).pk,
        "pk": classroom.pk,
        "plan_pk": saved_id,
        "card": 0,
        "student_pk": classroom.students.get(name="Ana").pk,
        "rule_pk": classroom.rules.first().pk,
        "week_pk": _headline_week(classroom).pk,
        "question_pk": SurveyQuestion.objects.create(classroom=classroom, text="Why?").pk,
        "trait_pk": traits_of(classroom)[0].pk,
        "role_pk": roles_of(classroom)[0].pk,
        "frame_pk": roles_of(classroom)[0].frames.first().pk,
        "members": _first_partnership(classroom),
        "entry_pk": seen.pk,
        "uidb64": "MQ",
        "token": "set-password",
        "class_key": "NOSUCHPAGE",
    }


def _people_around(classroom) -> dict:
    """Bob co-teaches the class; alice (its owner) and sam are admins of Lincoln, where
    dana also teaches; erin teaches at another school (walt is its admin); frank is
    invited to co-teach and has not answered (walt and frank walk nothing)."""
    alice = classroom.teacher
    people = {
        "owner": alice,
        "co_teacher": add_co_teacher(classroom, make_teacher("bob")),
        "school_admin": make_teacher("sam"),
        "same_school_teacher": make_teacher("dana"),
        "other_school_teacher": make_teacher("erin"),
    }
    make_school(admins=[alice, people["school_admin"]], teachers=[people["same_school_teacher"]])
    make_school(
        "Washington Elementary",
        admins=[make_teacher("walt")],
        teachers=[people["other_school_teacher"]],
    )
    Invitation.objects.create(classroom=classroom, invitee=make_teacher("frank"), invited_by=alice)
    return people


def _first_partnership(classroom):
    """A current partnership as the conferring pages name it in a URL ("12-15")."""
    from partnerup.conferring.services import current_partnerships, url_token

    return url_token(current_partnerships(classroom.current_plan)[0])


def _headline_week(classroom):
    from partnerup.workshop.headlines import make_week

    return make_week(classroom, date(2026, 9, 14))


def test_another_teacher_sees_nothing_of_alices_classes(client, charlie, alice_world):
    client.force_login(charlie)
    walked = 0
    for name, arguments in every_named_url():
        if name in OPEN_TO_EVERYONE or name.startswith(ACCOUNT_PAGES) or not arguments:
            continue
        missing = [a for a in arguments if a not in alice_world]
        assert not missing, f"{name}: add a value for {missing} to this test"
        url = reverse(name, kwargs={a: alice_world[a] for a in arguments})
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code in (403, 404, 405), (name, method, response.status_code)
            body = response.content
            for secret in (SECRET_CLASS, "Ana", "Carlos", "Unit 1"):
                assert secret.encode() not in body, (name, method, secret)
        walked += 1
    assert walked >= 20
    classroom = Classroom.objects.get(name=SECRET_CLASS)
    assert classroom.plans.get(pk=alice_world["plan_pk"]).is_current
    assert classroom.students.count() == 24 and not classroom.is_archived


def test_every_class_page_needs_sign_in(alice_world):
    client = Client()
    for name, arguments in every_named_url():
        if not arguments or name.startswith(("password_reset_confirm", "voice:")):
            continue  # student pages answer "scan your card" instead: tests/voice
        url = reverse(name, kwargs={a: alice_world[a] for a in arguments})
        response = client.get(url)
        assert response.status_code in (302, 405), name
        if response.status_code == 302:
            assert response.url.startswith(reverse("login")), name


def test_every_post_needs_the_csrf_token(alice, alice_world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    ana = alice_world["student_pk"]
    posted = 0
    for name, arguments in every_named_url():
        if not arguments or name.startswith("password_reset_confirm"):
            continue
        url = reverse(name, kwargs={a: alice_world[a] for a in arguments})
        response = client.post(url, {"name": "x", "student": ana, "absent": "yes"})
        if response.status_code == 405:
            continue
        assert response.status_code == 403, (name, response.status_code)
        posted += 1
    assert posted >= 20
    classroom = Classroom.objects.get(name=SECRET_CLASS)
    assert all(not day.absent for day in classroom.days.all())
    assert classroom.name == SECRET_CLASS and classroom.students.count() == 24


def _a_busy_day(alice_client, alice_world):
    """Today opened and used: an absence, a turn-and-talk, temporary partners, a
    headline note, and a student who chose classmates and answered an ad."""
    classroom = Classroom.objects.get(pk=alice_world["pk"])
    ana, ben, carlos = alice_world["student_pk"], *pks_of(classroom, "Ben", "Carlos")
    at = {"pk": classroom.pk}
    assert alice_client.get(reverse("workshop:today", kwargs=at)).status_code == 200
    day = WorkshopDay.objects.get(classroom=classroom)
    steps = [
        ("workshop:absent", {"student": carlos, "absent": "yes"}),
        ("workshop:turn", {"turns_seen": day.turns_done}),
        ("workshop:place", {"student": lambda: make_student(classroom, name="Nia").pk}),
        ("workshop:observe", {"student": lambda: pks_of(classroom, "Nia")[0], "days": 3}),
        ("workshop:teacher_partner", {"student": ben, "on": "yes"}),
        ("workshop:temporary", {"choosers": [ana, ben], "length": "week"}),
    ]
    for name, values in steps:
        # A newcomer is added between taps, after Today was made, so Place has work to do.
        values = {k: v() if callable(v) else v for k, v in values.items()}
        response = alice_client.post(reverse(name, kwargs=at), values, **HTMX)
        assert response.status_code == 200 and b'class="problem"' not in response.content, name
    week = reverse("workshop:headline_note", kwargs={**at, "week_pk": alice_world["week_pk"]})
    alice_client.post(week, {"student": ana, "plus_one": "Bold verbs", "wish": "More dialogue"})
    day.refresh_from_db()
    assert day.absent == [carlos] and day.turns_done == 1
    assert classroom.headlines.get().notes.exists()
    student = Client()
    for pk in (ana, ben):
        token = SignInCard.objects.create(student_id=pk).token
        student.get(reverse("voice:card", args=[token]))
        student.post(reverse("voice:ad"), {"want1": "listens", "sentence": "Hi"})
    student.post(
        reverse("voice:three"),
        {"choice1": ana, "choice2": carlos, "choice3": pks_of(classroom, "Maya")[0]},
    )
    student.post(reverse("voice:answer_ad", args=[ana]))
    assert classroom.students.get(pk=ben).answers.answered_ads == [ana]
    return student  # signed in as Ben


def test_the_owner_walks_every_url_without_an_error_or_a_student_key(alice_client, alice_world):
    ben = _a_busy_day(alice_client, alice_world)
    classroom = Classroom.objects.get(pk=alice_world["pk"])
    draft = {**alice_world, "plan_pk": draft_of(classroom).pk}
    seen = {}
    for name, arguments in every_named_url():
        if name in ("logout", "demo_sign_in", "voice:card"):
            continue  # these end or switch the session: walked in their own tests
        client = ben if name.startswith(STUDENT_PAGES) else alice_client
        for world in (alice_world, draft) if "plan_pk" in arguments else (alice_world,):
            url = reverse(name, kwargs={a: world[a] for a in arguments})
            for headers in ({}, HTMX):
                response = client.get(url, **headers)
                assert response.status_code < 500, (name, url, response.status_code)
                body = response.content  # some are files (a CSV, a QR code)
                assert KEY_OPEN.encode() not in body and KEY_CLOSE.encode() not in body, (name, url)
                seen[url] = response.status_code
    assert sum(status == 200 for status in seen.values()) >= 40
    for page, world in (
        ("plans:board", draft),
        ("plans:show", alice_world),
        ("workshop:today", alice_world),
        ("workshop:history", alice_world),
        ("workshop:headline_week", alice_world),
        ("classes:student", alice_world),
        ("voice:ads", alice_world),
    ):
        arguments = dict(every_named_url())[page]
        assert seen[reverse(page, kwargs={a: world[a] for a in arguments})] == 200, page


# Each role walks every URL. Which roles a page lets in is read from its view's access
# decorator (partnerup/schools/access.py), never listed here a second time.
ROLES = (
    "owner",
    "co_teacher",
    "school_admin",
    "same_school_teacher",
    "other_school_teacher",
    "student",
)
LETS_IN = {
    access.CLASS: {"owner", "co_teacher"},
    access.OWNER: {"owner"},
    access.CO_TEACHER: {"co_teacher"},
    access.SCHOOL_ADMIN: {"owner", "school_admin"},  # alice is an admin of her school too
    access.INVITEE: set(),  # the world's invitation is frank's, who walks nothing
    access.STUDENT: {"student"},
}
# The card link signs a student in; a class's sign-in page is open to anyone with its key.
NOT_WALKED = OPEN_TO_EVERYONE | {"voice:card", "voice:class_code"}


def pages_by_access(world):
    """(url, access) for every URL that shows or changes a class or a school."""
    for name, arguments in every_named_url():
        if name in NOT_WALKED or name.startswith(ACCOUNT_PAGES):
            continue
        url = reverse(name, kwargs={a: world[a] for a in arguments})
        kind = access.access_of(resolve(url).func)
        if kind is None and arguments:
            kind = access.CLASS
        if kind is not None:
            yield url, kind


def _client_of(role, world):
    client = Client()
    if role != "student":
        client.force_login(world["people"][role])
        return client
    token = SignInCard.objects.create(student_id=world["student_pk"]).token
    client.get(reverse("voice:card", args=[token]))
    return client


@pytest.mark.parametrize("role", ROLES)
def test_each_role_is_let_in_where_the_page_says_and_sees_nothing_elsewhere(role, alice_world):
    client = _client_of(role, alice_world)
    let_in = refused = 0
    for url, kind in pages_by_access(alice_world):
        if role in LETS_IN[kind]:
            response = client.get(url)
            assert response.status_code < 500, (role, url, response.status_code)
            assert response.status_code not in (403, 404), (role, url, response.status_code)
            assert KEY_OPEN.encode() not in response.content, (role, url)
            let_in += 1
            continue
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert _refused(role, response), (role, url, method, response.status_code)
            for secret in (SECRET_CLASS, "Ana", "Carlos", "Unit 1"):
                assert secret.encode() not in response.content, (role, url, method, secret)
        refused += 1
    assert let_in + refused >= 60 and refused >= 3, (let_in, refused)
    assert let_in >= 3 or role in ("same_school_teacher", "other_school_teacher"), role
    _nothing_changed(alice_world)


def _refused(role, response) -> bool:
    if response.status_code in (403, 404, 405):
        return True
    # Someone signed in only as a student is sent to the teachers' sign-in.
    return role == "student" and response.status_code == 302 and "/login/" in response.url


def _nothing_changed(world):
    classroom = Classroom.objects.get(pk=world["pk"])
    assert classroom.teacher == world["people"]["owner"]
    assert list(classroom.co_teachers.all()) == [world["people"]["co_teacher"]]
    assert Invitation.objects.filter(pk=world["invitation_pk"]).exists()
    assert classroom.plans.get(pk=world["plan_pk"]).is_current
    assert classroom.students.count() == 24 and not classroom.is_archived


def test_the_co_teacher_opens_every_page_of_the_class_day(alice_world):
    client = _client_of("co_teacher", alice_world)
    at = {"pk": alice_world["pk"]}
    for page in ("classes:detail", "workshop:today", "plans:index", "classes:rules"):
        assert client.get(reverse(page, kwargs=at)).status_code == 200, page
