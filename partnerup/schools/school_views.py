"""A school admin's pages: the school's teachers and classes, read-only, and handing
a class to another teacher of the school. Never the class's own pages (those stay
the teachers')."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerup.classes.services import names_of
from partnerup.conferring.services import current_partnerships, together

from . import services
from .access import school_admin_only
from .forms import HandOverForm, InviteForm
from .models import Invitation
from .teacher_views import done_or_said, invited


@school_admin_only
def school(request, school):
    form = InviteForm(request.POST or None)
    if invited(request, form, services.invite_to_school, school):
        return redirect("schools:index")
    context = {
        "school": school,
        "form": form,
        "places": school.teachers.select_related("user"),
        "invitations": school.invitations.select_related("invitee"),
        "classrooms": services.school_classes(school),
    }
    return render(request, "schools/school.html", context, status=400 if form.errors else 200)


@school_admin_only
@require_POST
def withdraw(request, school, invitation_pk):
    invitation = get_object_or_404(Invitation, pk=invitation_pk, school=school)
    done_or_said(request, services.withdraw, invitation, _("Invitation withdrawn."))
    return redirect("schools:index")


@school_admin_only
def overview(request, school, pk):
    """One class of the school as its teachers see it, to read: roster, partnerships,
    how many rules."""
    classroom = get_object_or_404(services.school_classes(school), pk=pk)
    names = names_of(classroom)
    context = {
        "school": school,
        "classroom": classroom,
        "students": sorted(names.values()),
        "plan": classroom.current_plan,
        "partnerships": [
            together(names, pks) for pks in current_partnerships(classroom.current_plan)
        ],
        "rules": classroom.rules.count(),
    }
    return render(request, "schools/overview.html", context)


@school_admin_only
def hand_over(request, school, pk):
    """A page that says what changes; the POST gives the class to the teacher chosen."""
    classroom = get_object_or_404(services.school_classes(school), pk=pk)
    teachers = services.school_teachers(school).exclude(pk=classroom.teacher_id)
    form = HandOverForm(
        request.POST or None, teachers=teachers, initial={"seen_owner": classroom.teacher_id}
    )
    if request.method == "POST" and form.is_valid():
        new_owner, keep = form.chosen(), form.cleaned_data["keep_old_owner"]
        seen_owner = form.cleaned_data["seen_owner"]
        done = _("%(class)s now belongs to %(name)s.") % {
            "class": classroom.name,
            "name": new_owner,
        }
        change = (classroom, school, seen_owner, new_owner, keep, done)
        done_or_said(request, services.hand_over, *change)
        return redirect("schools:index")
    context = {"school": school, "classroom": classroom, "form": form}
    return render(request, "schools/hand_over.html", context, status=400 if form.errors else 200)
