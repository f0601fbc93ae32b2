"""A class's teachers: the owner invites and removes co-teachers and hands the class
on; a co-teacher leaves; an invitee accepts or declines (on their class list)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerup.classes.models import classroom_or_404

from . import services
from .access import co_teacher_only, invitee_only, owner_only
from .forms import InviteForm
from .models import Invitation


@owner_only
def teachers(request, pk):
    classroom = classroom_or_404(request.user, pk)
    form = InviteForm(request.POST or None)
    if invited(request, form, services.invite_co_teacher, classroom):
        return redirect("teachers:index", pk=pk)
    context = {
        "classroom": classroom,
        "form": form,
        "co_teachers": classroom.co_teachers.order_by("username"),
        "invitations": Invitation.objects.filter(classroom=classroom).select_related("invitee"),
    }
    return render(request, "schools/teachers.html", context, status=400 if form.errors else 200)


@owner_only
@require_POST
def withdraw(request, pk, invitation_pk):
    classroom = classroom_or_404(request.user, pk)
    invitation = get_object_or_404(Invitation, pk=invitation_pk, classroom=classroom)
    done_or_said(request, services.withdraw, invitation, _("Invitation withdrawn."))
    return redirect("teachers:index", pk=pk)


@owner_only
@require_POST
def remove(request, pk, teacher_pk):
    classroom = classroom_or_404(request.user, pk)
    co_teacher = get_object_or_404(classroom.co_teachers, pk=teacher_pk)
    done = _("%(name)s no longer co-teaches this class.") % {"name": co_teacher}
    done_or_said(request, services.remove_co_teacher, classroom, co_teacher, done)
    return redirect("teachers:index", pk=pk)


@owner_only
def transfer(request, pk, teacher_pk):
    """A page that says what changes; the POST makes the co-teacher the owner."""
    classroom = classroom_or_404(request.user, pk)
    co_teacher = get_object_or_404(classroom.co_teachers, pk=teacher_pk)
    if request.method != "POST":
        context = {"classroom": classroom, "new_owner": co_teacher}
        return render(request, "schools/transfer.html", context)
    done = _("%(name)s now owns %(class)s; you co-teach it.") % {
        "name": co_teacher,
        "class": classroom.name,
    }
    if done_or_said(request, services.transfer, classroom, request.user, co_teacher, done):
        return redirect("classes:detail", pk=pk)
    return redirect("classes:list")  # the class may not be theirs to manage any more


@co_teacher_only
def leave(request, pk):
    classroom = classroom_or_404(request.user, pk)
    if request.method != "POST":
        context = {"classroom": classroom, "owner": classroom.teacher}
        return render(request, "schools/leave.html", context)
    done = _("You no longer co-teach %(class)s.") % {"class": classroom.name}
    done_or_said(request, services.remove_co_teacher, classroom, request.user, done)
    return redirect("classes:list")


@invitee_only
@require_POST
def accept(request, invitation):
    if invitation.classroom_id:
        done = _("You now co-teach %(class)s.") % {"class": invitation.classroom.name}
    else:
        done = _("You joined %(school)s.") % {"school": invitation.school.name}
    done_or_said(request, services.accept, invitation, done)
    return redirect("classes:list")


@invitee_only
@require_POST
def decline(request, invitation):
    done_or_said(request, services.decline, invitation, _("Invitation declined."))
    return redirect("classes:list")


def invited(request, form: InviteForm, invite, place) -> bool:
    """Invite the one the form names to the class or school (`place`) and say so; or
    put why not on the form."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        invitation = invite(place, request.user, form.cleaned_data["who"])
    except services.RoleRefused as refused:
        form.add_error("who", str(refused))
        return False
    messages.success(
        request,
        _("Invited %(name)s: they accept on their class list.") % {"name": invitation.invitee},
    )
    return True


def done_or_said(request, change, *arguments) -> bool:
    """Make the change and say so (the last argument), or say plainly why it could
    not be made."""
    *arguments, done = arguments
    try:
        change(*arguments)
    except services.RoleRefused as refused:
        messages.error(request, str(refused))
        return False
    messages.success(request, done)
    return True
