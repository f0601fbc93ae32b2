"""The student's pages after a session: a reflection on the partnership, a check-in on
each partner's goal, and their own goal (with what their partner says about it).
Kid-sized, English or Spanish, the signed-in student's own things only."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerup.classes.services import classmates_names_of
from partnerup.voice.checklist import CHECKLIST
from partnerup.voice.session import student_required

from . import services
from .forms import CheckInForm, GoalWordsForm, ReflectionForm
from .models import FACE_CHOICES, GOAL_LEVEL_CHOICES


def _page(request, card, template, status=200, **context):
    return render(request, f"reflections/{template}", {"card": card, **context}, status=status)


@student_required
def reflect(request, card):
    student, today = card.student, timezone.localdate()
    mine = services.reflection_of(student, today)
    form = ReflectionForm(request.POST or None, initial=_initial(mine))
    saved = False
    if request.method == "POST" and form.is_valid():
        mine = services.reflect(student, today, form.cleaned_data)
        saved = True
    names = classmates_names_of(student.classroom)
    partners = [names[pk] for pk in services.partners_today(student, today) if pk in names]
    return _page(
        request, card, "reflect.html",
        status=400 if form.errors else 200,
        form=form, saved=saved, partners=partners, faces=FACE_CHOICES,
        skills=[(skill, _(words)) for _area, skill, words in CHECKLIST],
        chosen=_chosen(form, mine),
    )  # fmt: skip


def _initial(mine) -> dict:
    if mine is None:
        return {}
    fields = ("comfortable", "partner_helped", "helped_with", "sentence", "wants_talk")
    return {f: getattr(mine, f) for f in fields}


def _chosen(form, mine) -> dict:
    """What the page shows as picked: what was just sent, else today's reflection."""
    if form.is_bound:
        data = form.data
        return {
            "comfortable": data.get("comfortable", ""),
            "partner_helped": data.get("partner_helped", ""),
            "helped_with": data.getlist("helped_with"),
            "sentence": data.get("sentence", "")[:200],
            "wants_talk": bool(data.get("wants_talk")),
        }
    initial = _initial(mine)
    return {
        "comfortable": str(initial.get("comfortable", "")),
        "partner_helped": str(initial.get("partner_helped", "")),
        "helped_with": initial.get("helped_with", []),
        "sentence": initial.get("sentence", ""),
        "wants_talk": initial.get("wants_talk", False),
    }


@student_required
def checkin(request, card):
    student, today = card.student, timezone.localdate()
    partners = services.partners_today(student, today)
    problem, saved = None, False
    if request.method == "POST":
        form = CheckInForm(request.POST, partners=partners)
        if not form.is_valid():
            problem = form.first_error
        else:
            try:
                services.check_in(
                    student, form.cleaned_data["partner"], form.cleaned_data["level"], today
                )
                saved = True
            except services.NotPartnerToday:
                problem = _("Check in on your partner.")
    names = classmates_names_of(student.classroom)
    goals = services.goals_of(student.classroom)
    given = services.checkins_by(student, today)
    rows = [
        (pk, names[pk], goals[pk].shown() if goals.get(pk) else "", given.get(pk))
        for pk in partners
        if pk in names
    ]
    return _page(
        request, card, "checkin.html", status=400 if problem else 200,
        rows=rows, levels=GOAL_LEVEL_CHOICES, problem=problem, saved=saved,
    )  # fmt: skip


@student_required
def my_goal(request, card):
    student = card.student
    form = GoalWordsForm(request.POST or None, initial={"words": services.goal_of(student).words})
    saved = False
    if request.method == "POST" and form.is_valid():
        services.set_goal_words(student, form.cleaned_data["words"])
        saved = True
    latest = services.latest_about(student)
    return _page(
        request, card, "my_goal.html", status=400 if form.errors else 200,
        form=form, saved=saved, goal=services.goal_of(student),
        partner_says=latest.get_level_display() if latest else None,
        partner_level=latest.level if latest else None,
    )  # fmt: skip
