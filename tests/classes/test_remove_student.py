"""Removing a student leaves no trace: not their id in any classmate's list, rule,
plan, workshop day, lead turn, temporary partners, headline week or answers, and not
their name anywhere in the database."""

import json
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import serializers
from django.urls import reverse
from django.utils import timezone

from partnerup import demo
from partnerup.classes.keys import KEY_CLOSE, KEY_OPEN, student_key
from partnerup.classes.models import Rule, Student
from partnerup.plans.models import Plan
from partnerup.reflections.models import CheckIn, Reflection
from partnerup.voice.models import Answers, SignInCard
from partnerup.workshop import services as workshop
from partnerup.workshop.models import (
    HeadlineNote,
    HeadlineWeek,
    LeadTurn,
    Support,
    TemporaryPartners,
    WorkshopDay,
)

from .factories import load_class, make_classroom, pk_of

GONE = "Jayden"  # in a rule, classmates' choices, avoid and past partners, Theo's reading partner
APPS = ("classes", "plans", "workshop", "voice")


def post(client, name, classroom, data=None, **kwargs):
    response = client.post(reverse(name, args=[classroom.pk, *kwargs.values()]), data or {})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def generate_and_save_a_plan(client, classroom):
    settings = {
        "strategy": "purposeful",
        "level": "similar",
        "talk": "complement",
        "threes": "on",
        "floaters": 0,
        **{f"w_{n}": 2 for n in ("choices", "interests", "same_goal", "strength_meets_goal")},
        **{f"w_{n}": 2 for n in ("level", "talk", "language")},
    }
    post(client, "plans:generate", classroom, settings)
    draft = classroom.plans.get(is_draft=True)
    post(client, "plans:save", classroom, {"name": "Unit 1"}, plan_pk=draft.pk)


@pytest.fixture
def room12(alice, alice_client):
    """The demo class after some weeks of use, with Jayden in every corner of it."""
    classroom = load_class(make_classroom(alice), *demo.example_roster())
    client = alice_client
    gone, ben, zoe = (pk_of(classroom, n) for n in (GONE, "Ben", "Zoe"))
    generate_and_save_a_plan(client, classroom)
    today = timezone.localdate()
    workshop.day_for(classroom, today - timedelta(days=1))  # yesterday, Jayden there
    assert client.get(reverse("workshop:today", args=[classroom.pk])).status_code == 200
    for turns_seen in range(3):  # each of a three leads once, so Jayden leads a turn
        post(client, "workshop:turn", classroom, {"turns_seen": turns_seen})
    post(client, "workshop:teacher_partner", classroom, {"student": gone, "on": "yes"})
    post(client, "workshop:temporary", classroom, {"choosers": [gone, zoe], "length": "day"})
    post(client, "workshop:absent", classroom, {"student": gone, "absent": "yes"})
    post(client, "workshop:absent", classroom, {"student": zoe, "absent": "yes"})
    monday = today - timedelta(days=today.weekday())
    post(client, "workshop:headline_make", classroom, {"monday": monday.isoformat()})
    week = classroom.headlines.get()
    for student in (gone, ben):
        note = {"student": student, "plus_one": "Bright opening", "wish": "More detail"}
        post(client, "workshop:headline_note", classroom, note, week_pk=week.pk)
    Answers.objects.create(
        student_id=ben, ad_at=timezone.now(), wanted=["kind"], answered_ads=[gone, zoe]
    )
    Answers.objects.create(student_id=gone, ad_at=timezone.now(), answered_ads=[ben])
    SignInCard.objects.create(student_id=gone)
    SignInCard.objects.create(student_id=ben)
    return classroom


def every_row():
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            yield from model.objects.all()


def rows_per_model() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for label in APPS
        for model in apps.get_app_config(label).get_models()
    }


def serialized(row) -> str:
    return serializers.serialize("json", [row], ensure_ascii=False)


def student_foreign_keys(row):
    return [
        getattr(row, field.attname)
        for field in row._meta.fields
        if field.is_relation and field.related_model is Student
    ]


def everywhere(classroom, pk) -> dict[str, bool]:
    """Whether the student's id is in each place a student is referred to."""
    key = student_key(pk)
    students = Student.objects.exclude(pk=pk)
    return {
        "choices": any(pk in s.choices for s in students),
        "avoid": any(pk in s.avoid for s in students),
        "past partners": any(pk in s.past_partners for s in students),
        "reading partner": students.filter(reading_partner_id=pk).exists(),
        "rules": any(pk in r.students for r in Rule.objects.all()),
        "plans": any(
            key in json.dumps(p.arrangement, ensure_ascii=False) for p in Plan.objects.all()
        ),
        "days": any(
            key in json.dumps(d.arrangement, ensure_ascii=False) for d in WorkshopDay.objects.all()
        ),
        "temporary partners": any(
            key in json.dumps(t.arrangement, ensure_ascii=False)
            for t in TemporaryPartners.objects.all()
        ),
        "absent": any(pk in d.absent for d in WorkshopDay.objects.all()),
        "choosers": any(pk in t.choosers for t in TemporaryPartners.objects.all()),
        "headline weeks": any(pk in g for w in HeadlineWeek.objects.all() for g in w.groups),
        "headline notes": HeadlineNote.objects.filter(student_id=pk).exists(),
        "answered ads": any(pk in a.answered_ads for a in Answers.objects.all()),
        "lead turn members": any(str(pk) in t.members.split("|") for t in LeadTurn.objects.all()),
        "lead turn leaders": LeadTurn.objects.filter(leader_id=pk).exists(),
        "support": Support.objects.filter(student_id=pk).exists(),
        "card": SignInCard.objects.filter(student_id=pk).exists(),
        "answers": Answers.objects.filter(student_id=pk).exists(),
    }


def test_before_removal_the_student_is_everywhere(room12):
    gone = pk_of(room12, GONE)
    places = everywhere(room12, gone)
    assert all(places.values()), [place for place, found in places.items() if not found]
    # Everything refers to them by id: their name is in their own row alone.
    assert [row for row in every_row() if GONE in serialized(row)] == [Student.objects.get(pk=gone)]


def test_the_remove_page_says_what_goes_with_the_student(alice_client, room12):
    gone = pk_of(room12, GONE)
    page = alice_client.get(reverse("classes:student_remove", args=[room12.pk, gone]))
    html = page.content.decode()
    assert f"Remove {GONE} from Room 12?" in html
    for what in (
        "their answers (want ad, classmates, goal, survey)",
        "their sign-in card",
        "1 rule naming them",
        # Yesterday's day; today they are away, so in no partnership.
        "their place in 1 plan(s) and 1 workshop day(s) of history",
        "3 turn-and-talks of their partnerships in the lead ledger",
        "their two pluses and a wish from 1 headline week(s)",
    ):
        assert f"<li>{what}</li>" in html, what
    assert room12.students.filter(pk=gone).exists()


def test_the_remove_page_counts_notes_reflections_check_ins_and_help_posts(alice_client, room12):
    gone = pk_of(room12, GONE)
    other = room12.students.exclude(pk=gone).first()
    url = reverse("classes:student_remove", args=[room12.pk, gone])
    assert "conference note" not in alice_client.get(url).content.decode()
    today = timezone.localdate()
    for days in (1, 2):
        room12.conference_notes.create(student_id=gone, date=today, skill="lead", once=str(days))
    Reflection.objects.create(
        student_id=gone, on=today, partners=[other.pk], comfortable=3, partner_helped=3
    )
    CheckIn.objects.create(student_id=other.pk, partner_id=gone, on=today, level=2)
    room12.help_posts.create(student_id=gone, kind="need", skill="lead")
    html = alice_client.get(url).content.decode()
    for what in (
        "2 conference notes",
        "1 reflection of theirs",
        "1 goal check-in",
        "1 help board post",
    ):
        assert f"<li>{what}</li>" in html, what


def test_removing_a_student_leaves_no_trace_of_their_id_or_name(alice_client, room12):
    gone = pk_of(room12, GONE)
    rows_before = rows_per_model()
    response = alice_client.post(reverse("classes:student_remove", args=[room12.pk, gone]))
    assert response.url == reverse("classes:detail", args=[room12.pk])
    places = everywhere(room12, gone)
    assert not any(places.values()), [place for place, found in places.items() if found]
    key = student_key(gone)
    for row in every_row():
        text = serialized(row)
        assert GONE not in text, text
        assert key not in text, text
        assert gone not in student_foreign_keys(row), text
    # Only their own rows went: their profile, card, answers, support, note, the
    # rule of Ben and them (it binds nobody else), their partnership's lead turns.
    gone_rows = {"Student": 1, "SignInCard": 1, "Answers": 1, "Support": 1,
                 "HeadlineNote": 1, "Rule": 1, "LeadTurn": 3}  # fmt: skip
    assert rows_per_model() == {
        model: count - gone_rows.get(model, 0) for model, count in rows_before.items()
    }
    assert Answers.objects.get(student__name="Ben").answered_ads == [pk_of(room12, "Zoe")]
    assert WorkshopDay.objects.get(date=timezone.localdate()).absent == [pk_of(room12, "Zoe")]
    assert TemporaryPartners.objects.get().choosers == [pk_of(room12, "Zoe")]


def test_after_removal_the_pages_show_neither_the_student_nor_a_key(alice_client, room12):
    gone = pk_of(room12, GONE)
    alice_client.get(reverse("classes:detail", args=[room12.pk]))  # the setup's messages
    response = alice_client.post(reverse("classes:student_remove", args=[room12.pk, gone]))
    said = alice_client.get(response.url).content.decode()
    assert f"Removed {GONE}." in said
    plan = room12.current_plan
    week = room12.headlines.get()
    urls = [
        reverse("classes:detail", args=[room12.pk]),
        reverse("classes:rules", args=[room12.pk]),
        reverse("classes:student", args=[room12.pk, pk_of(room12, "Theo")]),
        reverse("classes:student", args=[room12.pk, pk_of(room12, "Ben")]),
        reverse("plans:show", args=[room12.pk, plan.pk]),
        reverse("workshop:today", args=[room12.pk]),
        reverse("workshop:history", args=[room12.pk]),
        reverse("workshop:headline_week", args=[room12.pk, week.pk]),
    ]
    for url in urls:
        response = alice_client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert GONE not in html, url
        assert KEY_OPEN not in html and KEY_CLOSE not in html, url
