"""Who may open which page, written once on the views as decorators.

Every class page lets in the class's owner and co-teachers (`classes_for`). A few let
in fewer people: those views carry a decorator from here, which checks and also marks
the view with its `access` (read by tests/test_scoping.py, so the lists of pages per
role are never written twice).

- `owner_only`: the class's owner. A co-teacher gets 403 with a plain message (also
  when the class changed hands a moment ago); anyone else 404.
- `co_teacher_only`: a co-teacher of the class (leaving it). The owner gets 403.
- `school_admin_only`: an admin of a school; the view gets the school. Anyone else 404.
- `invitee_only`: the person an invitation is for; the view gets the invitation.

Student pages are marked "student" by `partnerup.voice.session.student_required`.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from partnerup.classes.models import classroom_or_404

from .models import Invitation, School

CLASS = "class"  # the default of every page with a class in its address
OWNER = "owner"
CO_TEACHER = "co_teacher"
SCHOOL_ADMIN = "school_admin"
INVITEE = "invitee"
STUDENT = "student"  # voice.session.student_required's mark


def access_of(view) -> str | None:
    """The access a view declares with one of the decorators here (None: none)."""
    return getattr(view, "access", None)


def _marked(checked, access: str):
    checked.access = access
    return login_required(checked)


def owner_only(view):
    @wraps(view)
    def checked(request, pk, *args, **kwargs):
        if classroom_or_404(request.user, pk).teacher_id != request.user.pk:
            return refused(request, _("Only the owner of this class can do this."))
        return view(request, pk, *args, **kwargs)

    return _marked(checked, OWNER)


def co_teacher_only(view):
    @wraps(view)
    def checked(request, pk, *args, **kwargs):
        if classroom_or_404(request.user, pk).teacher_id == request.user.pk:
            return refused(
                request, _("You own this class: make a co-teacher the owner before you leave.")
            )
        return view(request, pk, *args, **kwargs)

    return _marked(checked, CO_TEACHER)


def refused(request, message: str):
    return render(request, "schools/refused.html", {"message": message}, status=403)


def school_admin_only(view):
    @wraps(view)
    def checked(request, *args, **kwargs):
        return view(request, admin_school_or_404(request.user), *args, **kwargs)

    return _marked(checked, SCHOOL_ADMIN)


def invitee_only(view):
    @wraps(view)
    def checked(request, invitation_pk, *args, **kwargs):
        invitation = get_object_or_404(Invitation, pk=invitation_pk, invitee=request.user)
        return view(request, invitation, *args, **kwargs)

    return _marked(checked, INVITEE)


def school_of(user) -> School | None:
    place = getattr(user, "school_place", None) if user.is_authenticated else None
    return place.school if place else None


def is_school_admin(user) -> bool:
    place = getattr(user, "school_place", None) if user.is_authenticated else None
    return bool(place and place.is_admin)


def admin_school_or_404(user) -> School:
    if not is_school_admin(user):
        raise Http404
    return user.school_place.school
