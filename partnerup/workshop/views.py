"""The Today screen: attendance, today's repaired partnerships, leads, and history.

Actions answer an htmx request with the Today board alone; without htmx they
redirect back to the Today page.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from partnerup.classes.models import classroom_or_404
from partnerup.engine import InfeasibleError
from partnerup.engine.board import BoardError
from partnerup.plans.services import move_or_swap, step_arrangement

from . import services

MAX_OBSERVE_DAYS = 30


def _today(request, pk):
    classroom = classroom_or_404(request.user, pk)
    return classroom, services.day_for(classroom, timezone.localdate())


def _context(classroom, day, **extra) -> dict:
    students = list(classroom.students.select_related("support"))
    return {
        "classroom": classroom,
        "day": day,
        "cards": services.cards(day),
        "floaters": day.arrangement.get("floaters", []),
        "students": students,
        "absent": set(day.absent),
        "with_teacher": [s for s in students if _has(s) and s.support.with_teacher],
        "observers": [s for s in students if _has(s) and s.support.observe_until],
        "quiet_first": services.quiet_first(classroom),
        "temporary": services.active_temporary(classroom, day.date),
        "half": _every_other_partner(day),
        **extra,
    }


def _every_other_partner(day) -> set[str]:
    """The default choosers: partner B (and C) of each partnership — half the class."""
    return {
        name
        for group in day.arrangement.get("groups", [])
        for name, role in group.get("roles", {}).items()
        if role != "A"
    }


def _has(student) -> bool:
    return hasattr(student, "support")


@login_required
def today(request, pk):
    classroom, day = _today(request, pk)
    if day is None:
        return render(request, "workshop/no_plan.html", {"classroom": classroom})
    template = "workshop/_today.html" if request.htmx else "workshop/today.html"
    return render(request, template, _context(classroom, day))


def _respond(request, classroom, day, **extra):
    if request.htmx:
        return render(request, "workshop/_today.html", _context(classroom, day, **extra))
    for problem in [extra.get("error"), *extra.get("pending", {}).get("broken", ())]:
        if problem:
            messages.error(request, problem)
    return redirect("workshop:today", pk=classroom.pk)


def _day_or_404(request, pk):
    classroom, day = _today(request, pk)
    if day is None:
        raise Http404("This class has no current plan yet.")
    return classroom, day


@login_required
@require_POST
def mark_absent(request, pk):
    classroom, day = _day_or_404(request, pk)
    name = request.POST.get("student", "")
    if not classroom.students.filter(name=name).exists():
        return _respond(
            request, classroom, day, error=f"{name or 'That student'} is not in this class."
        )
    services.set_absent(day, name, request.POST.get("absent") == "yes")
    return _respond(request, classroom, day)


@login_required
@require_POST
def adjust(request, pk):
    """Move or swap by hand (a broken rule must be confirmed): for today only, or
    while temporary partners last, for every day they last."""
    classroom, day = _day_or_404(request, pk)
    chosen = day.plan.settings if day.plan else {}
    confirmed = request.POST.get("confirm") == "yes"
    try:
        step, asked = move_or_swap(request.POST)
        arrangement, outcome = step_arrangement(classroom, day.arrangement, chosen, step, confirmed)
    except BoardError as error:
        return _respond(request, classroom, day, error=str(error))
    if arrangement is None:
        return _respond(
            request, classroom, day, pending={"broken": outcome.needs_confirming, **asked}
        )
    temporary = services.active_temporary(classroom, day.date)
    if temporary is not None:
        services.adjust_temporary(day, temporary, asked)
    else:
        day.arrangement, day.is_accepted = arrangement, False
        day.save(update_fields=["arrangement", "is_accepted"])
    return _respond(request, classroom, day, moved=asked["student"])


@login_required
@require_POST
def accept(request, pk):
    classroom, day = _day_or_404(request, pk)
    day.is_accepted = True
    day.save(update_fields=["is_accepted"])
    return _respond(request, classroom, day)


@login_required
@require_POST
def start_again(request, pk):
    classroom, day = _day_or_404(request, pk)
    day.plan = classroom.current_plan
    services.remake(day)
    return _respond(request, classroom, day)


@login_required
@require_POST
def turn_done(request, pk):
    classroom, day = _day_or_404(request, pk)
    services.record_turn(day)
    return _respond(request, classroom, day, turn_recorded=True)


@login_required
@require_POST
def quiet_first(request, pk):
    classroom, day = _day_or_404(request, pk)
    services.set_quiet_first(classroom, request.POST.get("on") == "yes")
    return _respond(request, classroom, day)


@login_required
@require_POST
def teacher_partner(request, pk):
    classroom, day = _day_or_404(request, pk)
    student = get_object_or_404(classroom.students, name=request.POST.get("student", ""))
    services.set_support(student, with_teacher=request.POST.get("on") == "yes")
    services.remake(day)
    return _respond(request, classroom, day)


@login_required
@require_POST
def observe(request, pk):
    """A new student observes a partnership for N days (until placed in a plan)."""
    classroom, day = _day_or_404(request, pk)
    student = get_object_or_404(classroom.students, name=request.POST.get("student", ""))
    raw = request.POST.get("days", "")
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_OBSERVE_DAYS:
        return _respond(request, classroom, day, error=f"Observe for 1 to {MAX_OBSERVE_DAYS} days.")
    services.set_support(student, observe_until=day.date + timedelta(days=int(raw)))
    return _respond(request, classroom, day)


@login_required
@require_POST
def temporary(request, pk):
    """Half the class assigned, the other half choose — for today or this week."""
    classroom, day = _day_or_404(request, pk)
    choosers = request.POST.getlist("choosers")
    names = set(classroom.students.values_list("name", flat=True))
    unknown = [n for n in choosers if n not in names]
    if unknown:
        return _respond(request, classroom, day, error=f"{unknown[0]} is not in this class.")
    if not choosers:
        return _respond(request, classroom, day, error="Tick the students who choose a partner.")
    days = 0 if request.POST.get("length") == "day" else 6 - day.date.weekday()
    try:
        services.start_temporary(day, choosers, day.date + timedelta(days=max(days, 0)))
    except InfeasibleError as error:
        problem = "The assigned half cannot be partnered: " + "; ".join(error.conflicts)
        return _respond(request, classroom, day, error=problem)
    return _respond(request, classroom, day)


@login_required
@require_POST
def temporary_end(request, pk):
    classroom, day = _day_or_404(request, pk)
    services.end_temporary(day)
    return _respond(request, classroom, day)


@login_required
def projector(request, pk):
    classroom, day = _day_or_404(request, pk)
    return render(request, "workshop/projector.html", _context(classroom, day))


@login_required
def history(request, pk):
    classroom = classroom_or_404(request.user, pk)
    days = classroom.days.all()[:60]
    names = classroom.students.values_list("name", flat=True)
    partners = services.partners_by_student(classroom)
    together = [(name, partners.get(name, [])) for name in names]
    return render(
        request,
        "workshop/history.html",
        {"classroom": classroom, "days": days, "together": together},
    )
