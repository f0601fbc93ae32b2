"""The teacher's partner-jobs pages: choose the roles in use (for the unit or just
today), reword roles and their sentence frames, print "What is my job?" charts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerup.classes.models import classroom_or_404

from . import services
from .forms import PRINT_LANGUAGES, ChooseRolesForm, FrameForm, RoleForm


def _role(request, pk, role_pk):
    classroom = classroom_or_404(request.user, pk)
    return classroom, get_object_or_404(classroom.partner_roles, pk=role_pk)


@login_required
def index(request, pk):
    classroom = classroom_or_404(request.user, pk)
    roles = services.roles_of(classroom)
    plan = classroom.current_plan
    today = timezone.localdate()
    in_use = services.roles_in_use(classroom, plan.pk if plan else None, today)
    return render(
        request,
        "jobs/index.html",
        {
            "classroom": classroom,
            "plan": plan,
            "roles": [(r, services.title_of(r), services.icon_of(r)) for r in roles],
            "in_use": in_use,
            "current": [(services.title_of(r), services.icon_of(r)) for r in in_use.roles],
            "ticked": {r.pk for r in in_use.roles},
        },
    )


@login_required
@require_POST
def choose(request, pk):
    classroom = classroom_or_404(request.user, pk)
    form = ChooseRolesForm(request.POST, roles=services.roles_of(classroom))
    if not form.is_valid():
        messages.error(request, form.first_error)
        return redirect("jobs:index", pk=pk)
    data = form.cleaned_data
    just_today = data["length"] == "today"
    try:
        services.choose_roles(
            classroom,
            list(dict.fromkeys(data["roles"])),
            timezone.localdate() if just_today else None,
        )
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("jobs:index", pk=pk)
    if just_today:
        messages.success(request, _("Saved: these are today's partner jobs."))
    else:
        messages.success(request, _("Saved: these are the partner jobs for this unit."))
    return redirect("jobs:index", pk=pk)


@login_required
@require_POST
def role_add(request, pk):
    classroom = classroom_or_404(request.user, pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.first_error)
        return redirect("jobs:index", pk=pk)
    try:
        role = services.add_role(classroom, **form.words)
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("jobs:index", pk=pk)
    messages.success(request, _("Added. Now add its sentence frames."))
    return redirect("jobs:role", pk=pk, role_pk=role.pk)


@login_required
def role(request, pk, role_pk):
    classroom, role = _role(request, pk, role_pk)
    if request.method == "POST":
        form = RoleForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.first_error)
        else:
            try:
                services.reword_role(role, **form.words)
                messages.success(request, _("Saved."))
            except ValueError as error:
                messages.error(request, str(error))
        return redirect("jobs:role", pk=pk, role_pk=role_pk)
    return render(
        request,
        "jobs/role.html",
        {
            "classroom": classroom,
            "role": role,
            "title": services.title_of(role),
            "icon": services.icon_of(role),
            "frames": list(role.frames.all()),
        },
    )


@login_required
@require_POST
def role_remove(request, pk, role_pk):
    _classroom, role = _role(request, pk, role_pk)
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick “Yes, remove this job and its frames” first."))
        return redirect("jobs:role", pk=pk, role_pk=role_pk)
    services.remove_role(role)
    messages.success(request, _("The job is removed."))
    return redirect("jobs:index", pk=pk)


@login_required
@require_POST
def frame_add(request, pk, role_pk):
    _classroom, role = _role(request, pk, role_pk)
    form = FrameForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.first_error)
        return redirect("jobs:role", pk=pk, role_pk=role_pk)
    try:
        services.add_frame(role, form.cleaned_data["en"], form.cleaned_data["es"])
    except ValueError as error:
        messages.error(request, str(error))
    return redirect("jobs:role", pk=pk, role_pk=role_pk)


@login_required
@require_POST
def frame_edit(request, pk, role_pk, frame_pk):
    _classroom, role = _role(request, pk, role_pk)
    frame = get_object_or_404(role.frames, pk=frame_pk)
    form = FrameForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.first_error)
        return redirect("jobs:role", pk=pk, role_pk=role_pk)
    try:
        services.reword_frame(frame, form.cleaned_data["en"], form.cleaned_data["es"])
        messages.success(request, _("Saved."))
    except ValueError as error:
        messages.error(request, str(error))
    return redirect("jobs:role", pk=pk, role_pk=role_pk)


@login_required
@require_POST
def frame_remove(request, pk, role_pk, frame_pk):
    _classroom, role = _role(request, pk, role_pk)
    role.frames.filter(pk=frame_pk).delete()
    return redirect("jobs:role", pk=pk, role_pk=role_pk)


def _chart_language(request) -> str:
    language = request.GET.get("language", "")
    return language if language in dict(PRINT_LANGUAGES) else translation.get_language() or "en"


@login_required
def charts(request, pk):
    """One "What is my job?" page per role in use today (every role when none is)."""
    classroom = classroom_or_404(request.user, pk)
    plan = classroom.current_plan
    in_use = services.roles_in_use(classroom, plan.pk if plan else None, timezone.localdate())
    return _print(request, classroom, in_use.roles or services.roles_of(classroom))


@login_required
def chart(request, pk, role_pk):
    classroom, role = _role(request, pk, role_pk)
    return _print(request, classroom, [role])


def _print(request, classroom, roles):
    language = _chart_language(request)
    with translation.override(language):
        pages = [
            (
                services.title_of(r, language),
                [r.job_words(h, language) for h in range(2 if r.is_pair else 1)],
                services.icon_of(r),
                [f.words(language) for f in r.frames.all()],
            )
            for r in roles
        ]
        return render(
            request,
            "jobs/print.html",
            {"classroom": classroom, "pages": pages, "languages": PRINT_LANGUAGES},
        )
