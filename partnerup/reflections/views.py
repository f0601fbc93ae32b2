"""The teacher's page for the class's goals, check-ins, reflections and flags.

Every view finds the class through the signed-in teacher (classroom_or_404): another
teacher's class is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerup.classes.models import classroom_or_404
from partnerup.voice.checklist import CHECKLIST

from . import services
from .forms import CloseFlagForm, TeacherGoalForm

SHOWN_FLAGS = 30  # the newest; closing them brings the older ones up


@login_required
def overview(request, pk):
    classroom = classroom_or_404(request.user, pk)
    return render(request, "reflections/overview.html", _context(classroom))


def _context(classroom, **extra) -> dict:
    today = timezone.localdate()
    names = services.names_of(classroom)
    flags = services.open_flags(classroom)
    return {
        "classroom": classroom,
        "flags": flags[:SHOWN_FLAGS],
        "more_flags": max(len(flags) - SHOWN_FLAGS, 0),
        "closed": services.closed_flags(classroom),
        "progress": services.goal_progress(classroom, today),
        "stalled": [(names[s.student], s.reason) for s in services.stalled_goals(classroom, today)],
        "names": names,
        "skills": [(skill, _(words)) for _area, skill, words in CHECKLIST],
        **extra,
    }


@login_required
@require_POST
def close_flag(request, pk):
    classroom = classroom_or_404(request.user, pk)
    form = CloseFlagForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.first_error)
    else:
        data = form.cleaned_data
        if services.close_flag(classroom, data["kind"], data["reflections"], data["note"]):
            messages.success(request, _("Closed: you talked with them. It is kept in the history."))
        else:
            messages.info(request, _("That flag is not open any more."))
    return redirect(_back(request, classroom))


def _back(request, classroom) -> str:
    """Back to the page the teacher closed the flag from (Today, the class, or here)."""
    from django.urls import reverse

    allowed = {
        reverse(name, args=[classroom.pk])
        for name in ("classes:detail", "workshop:today", "reflections:overview")
    }
    back = request.POST.get("next", "")
    return back if back in allowed else reverse("reflections:overview", args=[classroom.pk])


@login_required
@require_POST
def set_goal(request, pk):
    classroom = classroom_or_404(request.user, pk)
    students = list(classroom.students.values_list("pk", flat=True))
    form = TeacherGoalForm(request.POST, students=students)
    if not form.is_valid():
        messages.error(request, form.first_error)
        return redirect("reflections:overview", pk=pk)
    data = form.cleaned_data
    services.set_goal(classroom.students.get(pk=data["student"]), data["skill"], data["words"])
    messages.success(request, _("Goal saved."))
    return redirect("reflections:overview", pk=pk)
