"""Two tablets, one class: requests sent truly at the same time against a live server.

Each scenario starts its requests together (a barrier), on separate threads with their
own database connections (SQLite in a file, or PostgreSQL), and checks that no update
was lost, nothing answered 500 and nothing was counted twice.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerup.classes.keys import key_pk
from partnerup.demo import example_roster
from partnerup.plans import services as plans
from partnerup.plans.models import Plan
from partnerup.voice.models import SignInCard
from partnerup.workshop import services as workshop
from partnerup.workshop.models import LeadTurn
from tests.classes.factories import load_class, make_classroom

pytestmark = pytest.mark.django_db(transaction=True)
ROUNDS = 6


class Tablet:
    """A signed-in teacher's device: its own session cookie and CSRF token."""

    def __init__(self, base: str, user) -> None:
        client = Client()
        client.force_login(user)
        self.base = base
        self.cookies = {"sessionid": client.cookies["sessionid"].value}
        self.get(reverse("classes:list"))
        self.csrf = self.cookies["csrftoken"]

    def get(self, path: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, data: dict | list, htmx: bool = True) -> tuple[int, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        headers = {"HX-Request": "true"} if htmx else {}
        return self.send(path, body, headers)

    def send(self, path: str, body: bytes, headers: dict) -> tuple[int, str]:
        headers = {**headers, "X-CSRFToken": self.csrf, "Referer": self.base + path}
        return self._open(urllib.request.Request(self.base + path, body, headers))

    def _open(self, request) -> tuple[int, str]:
        cookie = SimpleCookie()
        for name, value in self.cookies.items():
            cookie[name] = value
        request.add_header("Cookie", cookie.output(header="", sep=";").strip())
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                self._keep(response.headers)
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def _keep(self, headers) -> None:
        for header in headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value


def at_once(*calls):
    """Run the calls on their own threads, released together; their results."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


@pytest.fixture
def room(alice):
    """The demo class with a saved current plan and today's workshop day."""
    classroom = load_class(make_classroom(alice), *example_roster())
    draft = plans.generate(classroom, {})
    plans.save_as_current(draft, "Unit 1", None, None)
    workshop.day_for(classroom, timezone.localdate())
    return classroom


@pytest.fixture
def tablets(live_server, alice):
    return Tablet(live_server.url, alice), Tablet(live_server.url, alice)


def test_two_tablets_marking_different_students_absent_lose_nothing(room, tablets):
    url = reverse("workshop:absent", args=[room.pk])
    pks = list(room.students.order_by("pk").values_list("pk", flat=True))
    for round_ in range(ROUNDS):
        a, b = pks[2 * round_], pks[2 * round_ + 1]
        answers = at_once(
            lambda a=a: tablets[0].post(url, {"student": a, "absent": "yes"}),
            lambda b=b: tablets[1].post(url, {"student": b, "absent": "yes"}),
        )
        assert [status for status, _ in answers] == [200, 200]
    day = room.days.get()
    assert sorted(day.absent) == sorted(pks[: 2 * ROUNDS])


def test_two_swaps_on_one_draft_board_both_land(room, tablets):
    draft = plans.draft_from(room.current_plan)
    url = reverse("plans:move", args=[room.pk, draft.pk])
    for _ in range(ROUNDS):
        groups = Plan.objects.get(pk=draft.pk).arrangement["groups"]
        first, second = (
            [key_pk(k) for k in groups[i]["members"][:1] + groups[i + 1]["members"][:1]]
            for i in (0, 2)
        )
        answers = at_once(
            lambda f=first: tablets[0].post(url, {"student": f[0], "with": f[1], "confirm": "yes"}),
            lambda s=second: tablets[1].post(
                url, {"student": s[0], "with": s[1], "confirm": "yes"}
            ),
        )
        assert [status for status, _ in answers] == [200, 200]
        after = Plan.objects.get(pk=draft.pk).arrangement["groups"]
        members = [{key_pk(k) for k in g["members"]} for g in after]
        assert first[1] in members[0] and first[0] in members[1]
        assert second[1] in members[2] and second[0] in members[3]


def test_a_lock_and_a_swap_at_once_keep_both(room, tablets):
    draft = plans.draft_from(room.current_plan)
    for _ in range(ROUNDS):
        groups = Plan.objects.get(pk=draft.pk).arrangement["groups"]
        a, b = key_pk(groups[2]["members"][0]), key_pk(groups[3]["members"][0])
        locked = not groups[0]["locked"]
        answers = at_once(
            lambda locked=locked: tablets[0].post(
                reverse("plans:lock", args=[room.pk, draft.pk, 0]),
                {"locked": "yes" if locked else "no"},
            ),
            lambda a=a, b=b: tablets[1].post(
                reverse("plans:move", args=[room.pk, draft.pk]),
                {"student": a, "with": b, "confirm": "yes"},
            ),
        )
        assert [status for status, _ in answers] == [200, 200]
        after = Plan.objects.get(pk=draft.pk).arrangement["groups"]
        assert after[0]["locked"] is locked
        assert b in {key_pk(k) for k in after[2]["members"]}


def test_two_generates_at_once_leave_one_draft(room, tablets):
    url = reverse("plans:generate", args=[room.pk])
    form = {"strategy": "purposeful", "level": "similar", "talk": "complement", "floaters": "0"}
    form.update({f"w_{name}": "2" for name in plans.WEIGHT_NAMES})
    for _ in range(3):
        answers = at_once(*(lambda t=t: t.post(url, form, htmx=False) for t in tablets))
        assert all(status == 200 for status, _ in answers), [s for s, _ in answers]
        assert room.plans.filter(is_draft=True).count() == 1


def test_double_click_save_saves_once_and_shows_the_plan(room, tablets):
    for round_ in range(3):
        draft = plans.draft_from(room.current_plan)
        url = reverse("plans:save", args=[room.pk, draft.pk])
        answers = at_once(
            *(
                lambda t=t, u=url, n=round_: t.post(u, {"name": f"Unit {n + 2}"}, htmx=False)
                for t in tablets
            )
        )
        assert [status for status, _ in answers] == [200, 200]
        assert room.plans.filter(name=f"Unit {round_ + 2}", is_draft=False).count() == 1
        assert room.plans.filter(is_current=True).count() == 1


def test_double_tap_on_turn_and_talk_records_one_turn(room, tablets):
    url = reverse("workshop:turn", args=[room.pk])
    day = room.days.get()
    partnerships = sum(len(g["members"]) > 1 for g in day.arrangement["groups"])
    for round_ in range(ROUNDS):
        seen = room.days.get().turns_done
        answers = at_once(*(lambda t=t, n=seen: t.post(url, {"turns_seen": n}) for t in tablets))
        assert [status for status, _ in answers] == [200, 200]
        assert LeadTurn.objects.filter(day=day).count() == partnerships * (round_ + 1)


def test_undo_tapped_on_two_tablets_at_once_undoes_one_step_of_today(room, tablets):
    absent, undo = (reverse(f"workshop:{name}", args=[room.pk]) for name in ("absent", "undo"))
    pks = list(room.students.order_by("pk").values_list("pk", flat=True))
    for pk in pks[: 2 * ROUNDS]:
        tablets[0].post(absent, {"student": pk, "absent": "yes"})
    for round_ in range(ROUNDS):
        seen = room.days.get().version
        answers = at_once(*(lambda t=t, v=seen: t.post(undo, {"version": v}) for t in tablets))
        assert [status for status, _ in answers] == [200, 200]
        assert sum(plans.BOARD_CHANGED in body for _, body in answers) == 1
        assert sorted(room.days.get().absent) == sorted(pks[: 2 * ROUNDS - round_ - 1])


def test_undo_tapped_on_two_tablets_at_once_undoes_one_step_of_the_board(room, tablets):
    draft = plans.draft_from(room.current_plan)
    undo = reverse("plans:undo", args=[room.pk, draft.pk])
    states = [Plan.objects.get(pk=draft.pk).arrangement]
    for card in range(ROUNDS):  # a different card each time: every state differs
        tablets[0].post(reverse("plans:flip", args=[room.pk, draft.pk, card]), {})
        states.append(Plan.objects.get(pk=draft.pk).arrangement)
    for round_ in range(ROUNDS):
        seen = Plan.objects.get(pk=draft.pk).version
        answers = at_once(*(lambda t=t, v=seen: t.post(undo, {"version": v}) for t in tablets))
        assert [status for status, _ in answers] == [200, 200]
        assert sum(plans.BOARD_CHANGED in body for _, body in answers) == 1
        assert Plan.objects.get(pk=draft.pk).arrangement == states[ROUNDS - round_ - 1]


def test_cards_page_opened_in_two_tabs_makes_one_card_each(room, tablets):
    url = reverse("voice_teacher:cards", args=[room.pk])
    answers = at_once(*(lambda t=t: t.get(url) for t in tablets))
    assert [status for status, _ in answers] == [200, 200]
    assert SignInCard.objects.filter(student__classroom=room).count() == room.students.count()


def test_two_imports_confirmed_at_once_merge_one_after_the_other(alice, tablets):
    classroom = make_classroom(alice)
    rosters = ["name,level\nAna,1\nBen,2\nCy,3\n", "name,level\nAna,2\nDi,3\nEd,1\n"]
    upload, confirm = (
        reverse(name, args=[classroom.pk]) for name in ("classes:import", "classes:import_confirm")
    )
    for tablet, text in zip(tablets, rosters, strict=True):
        status, body = _upload(tablet, upload, text)
        assert status == 200 and "Import 3 students" in body
    answers = at_once(*(lambda t=t: t.post(confirm, {}, htmx=False) for t in tablets))
    assert [status for status, _ in answers] == [200, 200]
    names = sorted(classroom.students.values_list("name", flat=True))
    assert names == ["Ana", "Ben", "Cy", "Di", "Ed"]


def _upload(tablet: Tablet, path: str, text: str) -> tuple[int, str]:
    boundary = "----partnerup-test"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="roster"; filename="r.csv"\r\n'
        f"Content-Type: text/csv\r\n\r\n{text}\r\n--{boundary}--\r\n"
    ).encode()
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    return tablet.send(path, body, headers)


def test_the_same_rule_added_from_two_tablets_at_once_is_added_once(room, tablets):
    url = reverse("classes:rules", args=[room.pk])
    pks = list(room.students.order_by("pk").values_list("pk", flat=True))
    before = room.rules.count()
    for round_ in range(3):
        pair = [str(pks[2 * round_ + 10]), str(pks[2 * round_ + 11])]
        form = {"kind": "keep_apart", "students": pair}
        answers = at_once(*(lambda t=t, f=form: t.post(url, f, htmx=False) for t in tablets))
        assert [status for status, _ in answers] == [200, 200]
        assert room.rules.count() == before + round_ + 1
