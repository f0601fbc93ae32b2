"""The student's help page: "I need help with…" / "I can help with…" a skill, their own
posts, and who they are matched with — nothing else of the board."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerup.voice.session import student_required

from . import services
from .forms import PostChoiceForm, PostForm
from .models import HelpPost
from .skills import class_skills


@student_required
def help_page(request, card):
    student = card.student
    skills = class_skills(student.classroom, card.language)
    kind = request.GET.get("kind", "")
    kind = kind if kind in (HelpPost.NEED, HelpPost.OFFER) else ""
    problem, status = None, 200
    if request.method == "POST":
        form = PostForm(request.POST, skills=[s.key for s in skills])
        if form.is_valid():
            try:
                services.post_help(
                    student, form.cleaned_data["kind"], form.cleaned_data["skill"], timezone.now()
                )
            except services.HelpError as error:
                problem = _(str(error))
            else:
                return redirect("helpboard_student:help")
        else:
            problem = next(iter(form.errors.values()))[0]
        kind = request.POST.get("kind") if request.POST.get("kind") in ("need", "offer") else ""
        status = 400
    return render(
        request,
        "helpboard/student.html",
        {
            "card": card,
            "kind": kind,
            "skills": skills,
            "mine": services.posts_of(student, timezone.now(), card.language),
            "problem": problem,
        },
        status=status,
    )


@require_POST
@student_required
def close(request, card):
    """ "I got help!" on a need, or "Stop" on an offer: only the student's own posts."""
    mine = services.open_posts(card.student.classroom).filter(student=card.student)
    form = PostChoiceForm(request.POST, posts=mine)
    if form.is_valid():
        services.close_post(form.chosen, timezone.now())
    return redirect("helpboard_student:help")
