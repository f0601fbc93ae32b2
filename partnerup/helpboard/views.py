"""The teacher's help board: who needs help with what, who can help, and the matches;
pending posts to approve; a projector view that follows the board live."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from partnerup.classes.models import classroom_or_404

from . import services
from .forms import ApproveForm, PostChoiceForm, SettingsForm


def _board(request, classroom):
    return services.board(classroom, timezone.now(), get_language() or "en")


@login_required
def board(request, pk):
    classroom = classroom_or_404(request.user, pk)
    return render(
        request,
        "helpboard/board.html",
        {"classroom": classroom, "board": _board(request, classroom)},
    )


@login_required
def projector(request, pk):
    classroom = classroom_or_404(request.user, pk)
    return render(
        request,
        "helpboard/projector.html",
        {"classroom": classroom, "board": _board(request, classroom)},
    )


@require_POST
@login_required
def settings(request, pk):
    classroom = classroom_or_404(request.user, pk)
    form = SettingsForm(request.POST)
    if form.is_valid():
        services.set_needs_approval(classroom, form.cleaned_data["needs_approval"])
    return redirect("helpboard:board", pk)


@require_POST
@login_required
def approve(request, pk):
    classroom = classroom_or_404(request.user, pk)
    pending = services.open_posts(classroom).filter(is_approved=False)
    form = ApproveForm(request.POST, posts=pending)
    if not form.is_valid():
        messages.error(request, next(iter(form.errors.values()))[0])
    elif form.cleaned_data["decision"] == "approve":
        services.approve_post(form.chosen, timezone.now())
    else:
        services.remove_post(form.chosen, timezone.now())
    return redirect("helpboard:board", pk)


@require_POST
@login_required
def close(request, pk):
    """The teacher closes a need (or takes an offer down)."""
    classroom = classroom_or_404(request.user, pk)
    form = PostChoiceForm(request.POST, posts=services.open_posts(classroom))
    if not form.is_valid():
        messages.error(request, next(iter(form.errors.values()))[0])
    else:
        services.close_post(form.chosen, timezone.now())
    return redirect("helpboard:board", pk)
