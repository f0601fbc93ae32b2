"""Monday headline partners: the weeks, a week on the projector, its printable card,
and each student's "two pluses and a wish"."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from partnerup.classes.models import classroom_or_404
from partnerup.engine import InfeasibleError

from . import headlines

NOTE_LIMIT = 200


def _week(request, pk, week_pk):
    classroom = classroom_or_404(request.user, pk)
    return classroom, get_object_or_404(classroom.headlines, pk=week_pk)


@login_required
def week_list(request, pk):
    classroom = classroom_or_404(request.user, pk)
    return render(
        request,
        "workshop/headlines.html",
        {
            "classroom": classroom,
            "weeks": classroom.headlines.all(),
            "this_monday": headlines.monday_of(timezone.localdate()),
            "partners": sorted(headlines.headline_partners_of(classroom).items()),
        },
    )


@login_required
@require_POST
def week_make(request, pk):
    classroom = classroom_or_404(request.user, pk)
    try:
        monday = date.fromisoformat(request.POST.get("monday", ""))
    except ValueError:
        messages.error(request, "Choose the week's Monday as a date.")
        return redirect("workshop:headlines", pk=pk)
    if monday.weekday() != 0:
        messages.error(request, f"{monday:%A, %B} {monday.day} is not a Monday: choose a Monday.")
        return redirect("workshop:headlines", pk=pk)
    exists = classroom.headlines.filter(monday=monday).exists()
    if exists and request.POST.get("replace") != "yes":
        messages.error(
            request,
            f"The week of {monday:%B} {monday.day} already has headline partners: "
            "tick “Make them again” to replace them.",
        )
        return redirect("workshop:headlines", pk=pk)
    try:
        week = headlines.make_week(classroom, monday)
    except InfeasibleError as error:
        messages.error(request, "No headline partners: " + "; ".join(error.conflicts))
        return redirect("workshop:headlines", pk=pk)
    return redirect("workshop:headline_week", pk=pk, week_pk=week.pk)


@login_required
def week_show(request, pk, week_pk):
    classroom, week = _week(request, pk, week_pk)
    notes = {note.student: note for note in week.notes.all()}
    rows = [(group, [(name, notes.get(name)) for name in group]) for group in week.groups]
    return render(
        request, "workshop/headline_week.html", {"classroom": classroom, "week": week, "rows": rows}
    )


@login_required
def week_print(request, pk, week_pk):
    classroom, week = _week(request, pk, week_pk)
    return render(request, "workshop/headline_print.html", {"classroom": classroom, "week": week})


@login_required
@require_POST
def week_note(request, pk, week_pk):
    classroom, week = _week(request, pk, week_pk)
    student = request.POST.get("student", "")
    if not any(student in group for group in week.groups):
        messages.error(request, f"{student or 'That student'} has no headline partner this week.")
        return redirect("workshop:headline_week", pk=pk, week_pk=week_pk)
    fields = [request.POST.get(k, "").strip() for k in ("plus_one", "plus_two", "wish")]
    if any(len(f) > NOTE_LIMIT for f in fields):
        messages.error(request, f"Keep each plus and the wish under {NOTE_LIMIT} letters.")
        return redirect("workshop:headline_week", pk=pk, week_pk=week_pk)
    headlines.save_note(week, student, *fields)
    messages.success(request, f"Saved {student}'s two pluses and a wish.")
    return redirect("workshop:headline_week", pk=pk, week_pk=week_pk)
