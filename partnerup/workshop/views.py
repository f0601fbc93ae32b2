"""The Today screen: attendance, today's repaired partnerships, leads, and history.

Actions answer an htmx request with the Today board alone; without htmx they
redirect back to the Today page.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerup.classes.keys import pks_of, shown_all
from partnerup.classes.models import classroom_or_404
from partnerup.classes.services import names_of, with_shown_names
from partnerup.engine import BoardError, InfeasibleError
from partnerup.jobs.services import today_jobs
from partnerup.plans.forms import BoardStepForm, UndoForm
from partnerup.plans.history import undo_of
from partnerup.plans.services import (
    BOARD_CHANGED,
    in_words,
    member,
    move_or_swap,
    step_arrangement,
    step_kind,
)
from partnerup.reflections import services as reflections

from . import forms, services
from .models import WorkshopDay

FRIDAY = 4  # "the rest of this week" ends with the school week


def _today(request, pk):
    classroom = classroom_or_404(request.user, pk)
    return classroom, services.day_for(classroom, timezone.localdate())


def _context(classroom, day, **extra) -> dict:
    names = names_of(classroom)
    students = with_shown_names(classroom.students.select_related("support"), names)
    if extra.get("error"):
        extra["error"] = in_words(classroom, extra["error"])
    return {
        "classroom": classroom,
        "day": day,
        "cards": services.cards(day),
        # Floaters (or, during temporary partners, those still choosing) by name.
        "floaters": sorted(
            (member(key, "", names) for key in day.arrangement.get("floaters", [])),
            key=lambda m: m.name.casefold(),
        ),
        "students": students,
        "absent": set(day.absent),
        "with_teacher": [s for s in students if _has(s) and s.support.with_teacher],
        "observers": [s for s in students if _has(s) and s.support.observe_until],
        "newcomers": with_shown_names(services.newcomers(classroom), names),
        "unplaced": with_shown_names(services.unplaced(day), names),
        "quiet_first": services.quiet_first(classroom),
        "temporary": services.active_temporary(classroom, day.date),
        "half": services.default_choosers(day),
        "undo": undo_of(day, names),
        "jobs": today_jobs(day),  # partner jobs (jobs app)
        **extra,
    }


def _has(student) -> bool:
    return hasattr(student, "support")


@login_required
def today(request, pk):
    classroom, day = _today(request, pk)
    if day is None:
        return render(request, "workshop/no_plan.html", {"classroom": classroom})
    if request.htmx:
        return render(request, "workshop/_today.html", _context(classroom, day))
    attention = reflections.attention(classroom)  # partnerup/reflections: flags
    return render(request, "workshop/today.html", _context(classroom, day, attention=attention))


def _respond(request, classroom, day, **extra):
    if request.htmx:
        return render(request, "workshop/_today.html", _context(classroom, day, **extra))
    for problem in [extra.get("error"), *extra.get("pending", {}).get("broken", ())]:
        if problem:
            messages.error(request, problem)
    return redirect("workshop:today", pk=classroom.pk)


def _day_or_404(request, pk):
    """Today's day, its row locked until the request's transaction ends, so taps from
    two tablets run one after the other, each on the day as the other left it."""
    classroom, day = _today(request, pk)
    if day is None:
        raise Http404(_("This class has no current plan yet."))
    return classroom, WorkshopDay.objects.select_for_update().get(pk=day.pk)


@login_required
@require_POST
@transaction.atomic
def mark_absent(request, pk):
    classroom, day = _day_or_404(request, pk)
    form = forms.AbsentForm(request.POST, classroom=classroom)
    if not form.is_valid():
        return _respond(request, classroom, day, error=form.first_error)
    data, absent = form.cleaned_data, form.cleaned_data["absent"] == "yes"
    with services.recorded(day, "away" if absent else "back", [data["student"]]):
        services.set_absent(day, data["student"], absent)
    return _respond(request, classroom, day)


@login_required
@require_POST
@transaction.atomic
def adjust(request, pk):
    """Move or swap by hand (a broken rule must be confirmed): for today only, or
    while temporary partners last, for every day they last."""
    classroom, day = _day_or_404(request, pk)
    chosen = day.plan.settings if day.plan else {}
    form = BoardStepForm(request.POST, classroom=classroom)
    if not form.is_valid():
        return _respond(request, classroom, day, error=form.first_error)
    asked = form.cleaned_data
    try:
        step = move_or_swap(asked)
        arrangement, outcome = step_arrangement(
            classroom, day.arrangement, chosen, step, asked["confirm"] == "yes"
        )
    except BoardError as error:
        return _respond(request, classroom, day, error=str(error))
    if arrangement is None:
        return _respond(request, classroom, day, pending=form.pending(outcome.needs_confirming))
    temporary = services.active_temporary(classroom, day.date)
    with services.recorded(day, *step_kind(asked), temporary=temporary is not None):
        if temporary is not None:
            services.adjust_temporary(day, temporary, asked)
        else:
            day.arrangement, day.is_accepted = arrangement, False
            day.save(update_fields=["arrangement", "is_accepted"])
    return _respond(request, classroom, day, moved=asked["student"])


@login_required
@require_POST
@transaction.atomic
def accept(request, pk):
    classroom, day = _day_or_404(request, pk)
    with services.recorded(day, "accept"):
        day.is_accepted = True
        day.save(update_fields=["is_accepted"])
    return _respond(request, classroom, day)


@login_required
@require_POST
@transaction.atomic
def start_again(request, pk):
    classroom, day = _day_or_404(request, pk)
    with services.recorded(day, "start_again"):
        day.plan = classroom.current_plan
        services.remake(day)
    return _respond(request, classroom, day)


@login_required
@require_POST
@transaction.atomic
def turn_done(request, pk):
    classroom, day = _day_or_404(request, pk)
    form = forms.TurnForm(request.POST)
    if not form.is_valid():
        return _respond(request, classroom, day, error=_("Tap Turn-and-talk done again."))
    recorded = services.record_turn(day, form.cleaned_data["turns_seen"])
    return _respond(request, classroom, day, turn_recorded=True, turn_was_new=bool(recorded))


@login_required
@require_POST
@transaction.atomic
def quiet_first(request, pk):
    classroom, day = _day_or_404(request, pk)
    form = forms.QuietFirstForm(request.POST)
    if form.is_valid():
        services.set_quiet_first(classroom, form.cleaned_data["on"] == "yes")
    return _respond(request, classroom, day)


@login_required
@require_POST
@transaction.atomic
def teacher_partner(request, pk):
    classroom, day = _day_or_404(request, pk)
    form = forms.SupportForm(request.POST, classroom=classroom)
    if not form.is_valid():
        return _respond(request, classroom, day, error=form.first_error)
    student = classroom.students.get(pk=form.cleaned_data["student"])
    on = form.cleaned_data["on"] == "yes"
    with services.recorded(day, "with_teacher" if on else "ready", [student.pk], support=True):
        services.set_support(student, with_teacher=on)
        services.remake(day)
    return _respond(request, classroom, day)


@login_required
@require_POST
@transaction.atomic
def observe(request, pk):
    """A new student observes a partnership for N days (until placed in a plan)."""
    classroom, day = _day_or_404(request, pk)
    form = forms.ObserveForm(request.POST, classroom=classroom, among=services.newcomers(classroom))
    if not form.is_valid():
        return _respond(request, classroom, day, error=form.first_error)
    student = classroom.students.get(pk=form.cleaned_data["student"])
    until = day.date + timedelta(days=form.cleaned_data["days"])
    with services.recorded(day, "observe", [student.pk], support=True):
        services.set_support(student, observe_until=until)
    return _respond(request, classroom, day)


@login_required
@require_POST
@transaction.atomic
def observe_end(request, pk):
    """The student stops observing (placed in a plan, or observing no more)."""
    classroom, day = _day_or_404(request, pk)
    form = forms.StudentForm(request.POST, classroom=classroom)
    if not form.is_valid():
        return _respond(request, classroom, day, error=form.first_error)
    student = classroom.students.get(pk=form.cleaned_data["student"])
    with services.recorded(day, "observe_end", [student.pk], support=True):
        services.set_support(student, observe_until=None)
    return _respond(request, classroom, day)


@login_required
@require_POST
@transaction.atomic
def place(request, pk):
    """One tap: a student on no partnership today joins one (as a newcomer does)."""
    classroom, day = _day_or_404(request, pk)
    form = forms.StudentForm(request.POST, classroom=classroom, among=services.unplaced(day))
    if not form.is_valid():
        return _respond(request, classroom, day, error=_("That student already has a place today."))
    with services.recorded(day, "place", [form.cleaned_data["student"]]):
        services.place(day, form.cleaned_data["student"])
    return _respond(request, classroom, day, moved=form.cleaned_data["student"])


@login_required
@require_POST
@transaction.atomic
def temporary(request, pk):
    """Half the class assigned, the other half choose — for today or this week."""
    classroom, day = _day_or_404(request, pk)
    form = forms.TemporaryForm(request.POST, classroom=classroom)
    if not form.is_valid():
        return _respond(request, classroom, day, error=form.first_error)
    days = 0 if form.cleaned_data["length"] == "day" else FRIDAY - day.date.weekday()
    try:
        ends = day.date + timedelta(days=max(days, 0))
        with services.recorded(day, "temporary", temporary=True):
            made, kept = services.start_temporary(day, form.cleaned_data["choosers"], ends)
    except InfeasibleError as error:
        problem = _("The assigned half cannot be partnered: %(why)s") % {
            "why": "; ".join(error.conflicts)
        }
        return _respond(request, classroom, day, error=problem)
    note = _kept_together(classroom, made, kept)
    if note and not request.htmx:
        messages.info(request, note)
    return _respond(request, classroom, day, note=note)


def _kept_together(classroom, temporary, groups: list[tuple[str, ...]]) -> str:
    """What the page says when the ticks split a keep-together group (put whole on
    one side)."""
    names = names_of(classroom)
    notes = []
    for group in groups:
        together = get_text_list(shown_all(group, names), _("and"))
        if set(pks_of(group)) <= set(temporary.choosers):
            notes.append(_("%(names)s choose together") % {"names": together})
        else:
            notes.append(_("%(names)s are assigned together") % {"names": together})
    return _("Kept together: %(groups)s.") % {"groups": "; ".join(notes)} if notes else ""


@login_required
@require_POST
@transaction.atomic
def temporary_end(request, pk):
    classroom, day = _day_or_404(request, pk)
    with services.recorded(day, "temporary_end", temporary=True):
        services.end_temporary(day)
    return _respond(request, classroom, day)


@login_required
@require_POST
@transaction.atomic
def undo(request, pk):
    """Take back today's newest step (a "Do it anyway" one too)."""
    classroom, day = _day_or_404(request, pk)
    form = UndoForm(request.POST)
    if not form.is_valid():
        return _respond(request, classroom, day, error=BOARD_CHANGED)
    try:
        services.undo(day, form.cleaned_data["version"])
    except BoardError as error:
        return _respond(request, classroom, day, error=str(error))
    return _respond(request, classroom, day)


@login_required
def projector(request, pk):
    # Only reads: no row lock (select_for_update outside a transaction fails on PostgreSQL).
    classroom, day = _today(request, pk)
    if day is None:
        raise Http404(_("This class has no current plan yet."))
    return render(request, "workshop/projector.html", _context(classroom, day))


@login_required
def history(request, pk):
    classroom = classroom_or_404(request.user, pk)
    names = names_of(classroom)
    days = [
        (day, [names[pk] for pk in day.absent if pk in names]) for day in classroom.days.all()[:60]
    ]
    partners = services.partners_by_student(classroom)
    together = [
        (name, [(names[p], n) for p, n in partners.get(pk, []) if p in names])
        for pk, name in sorted(names.items(), key=lambda item: item[1])
    ]
    return render(
        request,
        "workshop/history.html",
        {"classroom": classroom, "days": days, "together": together},
    )
