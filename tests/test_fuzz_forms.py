"""Odd input to every form of the app: a plain answer, never a server error.

Every page of the URL configuration is opened as its teacher; every form and htmx
action found on it is posted with each odd value in every field it has (and each
field twice). Nothing may raise or answer 5xx — on SQLite and on PostgreSQL, which
refuses a null byte in text outright.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse

from partnerup.classes.models import Classroom
from partnerup.voice.guesses import page_for
from tests.test_scoping import alice_world, every_named_url  # noqa: F401 (a fixture)

ODD_VALUES = (
    "\x00",
    "a\x00b",
    "x" * 10_000,
    "²",
    "٣",
    "-1",
    "1e999",
    "\u202eAna",
    "\u200b",
    "",
)
SKIPPED = {"logout"}  # signs the teacher out: nothing to fuzz, and the walk goes on


class Actions(HTMLParser):
    """Every POST target on a page (forms and htmx attributes) and every field name."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.page = page
        self.targets: set[str] = set()
        self.fields: set[str] = set()

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "form" and (found.get("method") or "").lower() == "post":
            self.targets.add(found.get("action") or self.page)
        if found.get("hx-post"):
            self.targets.add(found["hx-post"])
        if tag in ("input", "select", "textarea") and found.get("name"):
            self.fields.add(found["name"])
        if found.get("hx-vals"):  # a page whose hx-vals is not JSON fails here
            self.fields.update(json.loads(found["hx-vals"]))


def pages(world) -> list[str]:
    urls = []
    for name, arguments in every_named_url():
        if name in SKIPPED:
            continue
        try:
            urls.append(reverse(name, args=[world[a] for a in arguments]))
        except (KeyError, NoReverseMatch):
            continue
    return urls


@pytest.mark.django_db
def test_every_form_answers_odd_values_without_a_server_error(alice_client, alice_world):  # noqa: F811
    failures = []
    # Removing the co-teacher or handing them the class would change who may post what,
    # and deleting the class or the account would end the walk: they are posted last.
    by_teacher = [alice_world["pk"], alice_world["teacher_pk"]]
    last = [
        reverse("teachers:remove", args=by_teacher),
        reverse("teachers:transfer", args=by_teacher),
        reverse("classes:delete", args=[alice_world["pk"]]),
        reverse("accounts:delete"),
    ]
    posted = {reverse("logout"), *last}  # signing out would end the walk too
    fields: set[str] = set()
    for page in pages(alice_world):
        response = alice_client.get(page)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        actions = Actions(page)
        actions.feed(response.content.decode())
        fields |= actions.fields
        for target in sorted(actions.targets - posted):
            posted.add(target)
            failures += _fuzz(alice_client, target, sorted(actions.fields))
    for target in last:
        failures += _fuzz(alice_client, target, sorted(fields))
    assert len(posted) >= 20, f"the walk found only {len(posted)} forms: {sorted(posted)}"
    assert not failures, "\n".join(failures[:20])


def _fuzz(client: Client, target: str, fields: list[str]) -> list[str]:
    failures = []
    for value in ODD_VALUES:
        for data in ({f: value for f in fields}, {f: [value, value] for f in fields}):
            try:
                response = client.post(target, data, HTTP_HX_REQUEST="true")
            except Exception as error:  # a crash is what this test looks for
                failures.append(f"{target} {value[:12]!r}: {type(error).__name__}: {error}")
                continue
            if response.status_code >= 500:
                failures.append(f"{target} {value[:12]!r}: {response.status_code}")
    return failures


@pytest.mark.django_db
def test_student_code_and_card_link_answer_odd_values_without_a_server_error(client):
    for value in ODD_VALUES:
        response = client.post(reverse("voice:code"), {"code": value})
        assert response.status_code < 500
    assert client.get("/s/card/a%00b/").status_code == 404


@pytest.mark.django_db
def test_a_class_sign_in_page_answers_odd_codes_and_odd_addresses_without_a_server_error(
    client,
    alice_world,  # noqa: F811
):
    page = reverse("voice:class_code", args=[page_for(Classroom.objects.get()).key])
    for value in ODD_VALUES:
        assert client.post(page, {"code": value}).status_code < 500
        assert client.get(f"/s/c/{value.replace(chr(0), '%00')[:200]}x/").status_code == 404
