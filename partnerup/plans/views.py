"""Planning pages: choose how to plan, adjust the board, save, print and project.

Board steps answer an htmx request with the board alone (no page reload); without
htmx they redirect back to the board page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerup.classes.models import classroom_or_404
from partnerup.classes.services import names_of
from partnerup.downloads import download
from partnerup.engine import (
    BoardError,
    InfeasibleError,
    flip_roles,
    set_locked,
)

from . import history, services
from .export import plan_csv
from .forms import BoardStepForm, CardStepForm, PlanSettingsForm, SavePlanForm, UndoForm
from .models import Plan


def _plan(request, pk, plan_pk) -> Plan:
    classroom = classroom_or_404(request.user, pk)
    return get_object_or_404(classroom.plans.select_related("classroom"), pk=plan_pk)


def _draft(request, pk, plan_pk) -> Plan:
    """The class's draft, its row locked until the request's transaction ends: board
    steps run one at a time, each on the board as the one before left it."""
    plan = _locked(request, pk, plan_pk)
    if not plan.is_draft:
        raise Http404(_("This plan is saved: change it as a new draft."))
    return plan


def _locked(request, pk, plan_pk) -> Plan:
    # Locked by id alone: a request that waited for the lock then sees the plan as the
    # other request left it (saved, say), instead of no plan at all.
    plans = classroom_or_404(request.user, pk).plans.select_related("classroom")
    return get_object_or_404(plans.select_for_update(of=("self",)), pk=plan_pk)


@login_required
def plan_index(request, pk):
    classroom = classroom_or_404(request.user, pk)
    current = classroom.plans.filter(is_current=True).first()
    form = PlanSettingsForm(
        initial=PlanSettingsForm.initial_from(current.settings if current else {})
    )
    return _index(request, classroom, form)


def _index(request, classroom, form, conflicts=()):
    plans = classroom.plans.all()
    return render(
        request,
        "plans/index.html",
        {
            "classroom": classroom,
            "form": form,
            "conflicts": conflicts,
            "draft": next((p for p in plans if p.is_draft), None),
            "current": next((p for p in plans if p.is_current), None),
            "history": [p for p in plans if not p.is_draft],
        },
    )


@login_required
@require_POST
def plan_generate(request, pk):
    classroom = classroom_or_404(request.user, pk)
    form = PlanSettingsForm(request.POST)
    if not form.is_valid():
        return _index(request, classroom, form)
    try:
        draft = services.generate(classroom, form.chosen())
    except InfeasibleError as error:
        conflicts = [services.in_words(classroom, c) for c in error.conflicts]
        return _index(request, classroom, form, conflicts=conflicts)
    return redirect("plans:board", pk=pk, plan_pk=draft.pk)


@login_required
def plan_board(request, pk, plan_pk):
    classroom = classroom_or_404(request.user, pk)
    plan = classroom.plans.select_related("classroom").filter(pk=plan_pk).first()
    if plan is None:  # replaced meanwhile (Generate again, on this or another device)
        draft = get_object_or_404(classroom.plans, is_draft=True)
        messages.info(
            request, _("This board was replaced meanwhile: here is the class's draft now.")
        )
        return redirect("plans:board", pk=pk, plan_pk=draft.pk)
    if not plan.is_draft:
        return redirect("plans:show", pk=pk, plan_pk=plan_pk)
    if request.htmx:
        return render(request, "plans/_board.html", _board_context(plan))
    context = _board_context(plan)
    context["save_form"] = SavePlanForm()
    return render(request, "plans/board.html", context)


def _board_context(plan: Plan, **extra) -> dict:
    board = services.cards(plan)
    cards, arranged = board.cards, board.arranged
    return {
        "classroom": plan.classroom,
        "plan": plan,
        "cards": cards,
        "floaters": board.floaters,
        "total": round(sum(card.score for card in cards)),
        "broken_count": sum(len(card.broken) for card in cards),
        "edited": arranged.status == "edited",
        "unproven_gap": arranged.gap if arranged.status == "feasible" else None,
        "has_triads": any(len(card.members) == 3 for card in cards),
        "undo": history.undo_of(plan, names_of(plan.classroom)) if plan.is_draft else None,
        **extra,
    }


def _board_response(request, plan: Plan, **extra):
    if extra.get("error"):
        extra["error"] = services.in_words(plan.classroom, extra["error"])
    if request.htmx:
        return render(request, "plans/_board.html", _board_context(plan, **extra))
    for problem in [extra.get("error"), *extra.get("pending", {}).get("broken", ())]:
        if problem:
            messages.error(request, problem)
    return redirect("plans:board", pk=plan.classroom_id, plan_pk=plan.pk)


@login_required
@require_POST
@transaction.atomic
def board_move(request, pk, plan_pk):
    """Move a student to a card / a new card / the floaters, or swap with a classmate."""
    plan = _draft(request, pk, plan_pk)
    form = BoardStepForm(request.POST, classroom=plan.classroom)
    if not form.is_valid():
        return _board_response(request, plan, error=form.first_error)
    asked = form.cleaned_data
    try:
        step = services.move_or_swap(asked)
        confirmed = asked["confirm"] == "yes"
        outcome = services.take_step(plan, step, confirmed, *services.step_kind(asked))
    except BoardError as error:
        return _board_response(request, plan, error=str(error))
    if outcome.needs_confirming:
        return _board_response(request, plan, pending=form.pending(outcome.needs_confirming))
    return _board_response(request, plan, moved=form.cleaned_data["student"])


@login_required
@require_POST
@transaction.atomic
def board_lock(request, pk, plan_pk, card):
    plan = _draft(request, pk, plan_pk)
    form = CardStepForm(request.POST)
    if not form.is_valid():
        return _board_response(request, plan, error=_(services.BOARD_CHANGED))
    locked, seen = form.cleaned_data["locked"] == "yes", form.cleaned_data["members"]
    step = services.checked(lambda p: set_locked(p, card, locked), card, seen)
    try:
        services.take_step(plan, step, True, "lock" if locked else "unlock")
    except BoardError as error:
        return _board_response(request, plan, error=str(error))
    return _board_response(request, plan)


@login_required
@require_POST
@transaction.atomic
def board_flip(request, pk, plan_pk, card):
    plan = _draft(request, pk, plan_pk)
    form = CardStepForm(request.POST)
    if not form.is_valid():
        return _board_response(request, plan, error=_(services.BOARD_CHANGED))
    step = services.checked(lambda p: flip_roles(p, card), card, form.cleaned_data["members"])
    try:
        services.take_step(plan, step, True, "flip")
    except BoardError as error:
        return _board_response(request, plan, error=str(error))
    return _board_response(request, plan)


@login_required
@require_POST
@transaction.atomic
def board_replan(request, pk, plan_pk):
    plan = _draft(request, pk, plan_pk)
    try:
        services.replan_rest(plan)
    except InfeasibleError as error:
        clashes = "; ".join(error.conflicts)
        return _board_response(request, plan, error=_("Cannot re-plan: %(why)s") % {"why": clashes})

    return _board_response(request, plan)


@login_required
@require_POST
@transaction.atomic
def board_undo(request, pk, plan_pk):
    """Take back the newest step on the draft (a "Do it anyway" one too)."""
    plan = _draft(request, pk, plan_pk)
    form = UndoForm(request.POST)
    if not form.is_valid():
        return _board_response(request, plan, error=services.BOARD_CHANGED)
    try:
        services.undo(plan, form.cleaned_data["version"])
    except BoardError as error:
        return _board_response(request, plan, error=str(error))
    return _board_response(request, plan)


@login_required
@require_POST
@transaction.atomic
def plan_save(request, pk, plan_pk):
    plan = _locked(request, pk, plan_pk)
    if not plan.is_draft:  # a second click on Save: it is saved already
        return redirect("plans:show", pk=pk, plan_pk=plan_pk)
    form = SavePlanForm(request.POST)
    if not form.is_valid():
        context = _board_context(plan, save_form=form)
        return render(request, "plans/board.html", context, status=400)
    data = form.cleaned_data
    services.save_as_current(plan, data["name"], data["starts"], data["ends"])
    messages.success(
        request, _("Saved “%(name)s”. It is now the class's current plan.") % {"name": plan.name}
    )
    return redirect("plans:show", pk=pk, plan_pk=plan.pk)


@login_required
def plan_show(request, pk, plan_pk):
    plan = _plan(request, pk, plan_pk)
    if plan.is_draft:
        return redirect("plans:board", pk=pk, plan_pk=plan_pk)
    return render(request, "plans/show.html", _board_context(plan))


@login_required
@require_POST
def plan_copy(request, pk, plan_pk):
    plan = _plan(request, pk, plan_pk)
    draft = services.draft_from(plan)
    return redirect("plans:board", pk=pk, plan_pk=draft.pk)


@login_required
@require_POST
def plan_make_current(request, pk, plan_pk):
    plan = get_object_or_404(classroom_or_404(request.user, pk).plans, pk=plan_pk, is_draft=False)
    services.make_current(plan)
    messages.success(request, _("“%(name)s” is now the current plan.") % {"name": plan.name})
    return redirect("plans:show", pk=pk, plan_pk=plan_pk)


@login_required
def plan_print(request, pk, plan_pk):
    return render(request, "plans/print.html", _board_context(_plan(request, pk, plan_pk)))


@login_required
def plan_projector(request, pk, plan_pk):
    return render(request, "plans/projector.html", _board_context(_plan(request, pk, plan_pk)))


@login_required
def plan_export(request, pk, plan_pk):
    plan = _plan(request, pk, plan_pk)
    board = services.cards(plan)
    filename = f"{plan.classroom.name} {plan.name or 'draft'}.csv"
    return download(plan_csv(board.cards, board.floaters), filename, "text/csv")
