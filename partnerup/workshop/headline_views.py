"""Monday headline partners: the weeks, a week on the projector, its printable card,
and each student's "two pluses and a wish"."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from partnerup.classes.models import classroom_or_404
from partnerup.classes.services import names_of
from partnerup.engine import InfeasibleError
from partnerup.plans.services import in_words

from . import headlines
from .forms import HeadlineNoteForm


def _week(request, pk, week_pk):
    classroom = classroom_or_404(request.user, pk)
    return classroom, get_object_or_404(classroom.headlines, pk=week_pk)


@login_required
def week_list(request, pk):
    classroom = classroom_or_404(request.user, pk)
    return render(
        request,
        "workshop/headlines.html",
        {
            "classroom": classroom,
            "weeks": classroom.headlines.all(),
            "this_monday": headlines.monday_of(timezone.localdate()),
            "partners": _partners_by_name(classroom),
        },
    )


def _partners_by_name(classroom):
    names = names_of(classroom)
    partners = headlines.headline_partners_of(classroom)
    return sorted((names[pk], weeks) for pk, weeks in partners.items() if pk in names)


@login_required
@require_POST
def week_make(request, pk):
    classroom = classroom_or_404(request.user, pk)
    try:
        monday = date.fromisoformat(request.POST.get("monday", ""))
    except ValueError:
        messages.error(request, _("Choose the week's Monday as a date."))
        return redirect("workshop:headlines", pk=pk)
    if monday.weekday() != 0:
        messages.error(
            request,
            _("%(day)s is not a Monday: choose a Monday.")
            % {"day": dateformat.format(monday, pgettext("date format", "l, F j"))},
        )
        return redirect("workshop:headlines", pk=pk)
    exists = classroom.headlines.filter(monday=monday).exists()
    if exists and request.POST.get("replace") != "yes":
        messages.error(
            request,
            _(
                "The week of %(monday)s already has headline partners: "
                "tick “Make them again” to replace them."
            )
            % {"monday": dateformat.format(monday, pgettext("date format", "F j"))},
        )
        return redirect("workshop:headlines", pk=pk)
    try:
        week = headlines.make_week(classroom, monday)
    except InfeasibleError as error:
        clashes = "; ".join(in_words(classroom, c) for c in error.conflicts)
        messages.error(request, _("No headline partners: %(why)s") % {"why": clashes})
        return redirect("workshop:headlines", pk=pk)
    return redirect("workshop:headline_week", pk=pk, week_pk=week.pk)


@login_required
def week_show(request, pk, week_pk):
    classroom, week = _week(request, pk, week_pk)
    notes = {note.student_id: note for note in week.notes.all()}
    groups = headlines.groups_of(classroom, week)
    rows = [(group, [(pk, name, notes.get(pk)) for pk, name in group.members]) for group in groups]
    return render(
        request, "workshop/headline_week.html", {"classroom": classroom, "week": week, "rows": rows}
    )


@login_required
def week_print(request, pk, week_pk):
    return _week_page(request, pk, week_pk, "workshop/headline_print.html")


@login_required
def week_projector(request, pk, week_pk):
    """The week's headline partners in large type for the classroom screen."""
    return _week_page(request, pk, week_pk, "workshop/headline_projector.html")


def _week_page(request, pk, week_pk, template: str):
    classroom, week = _week(request, pk, week_pk)
    groups = headlines.groups_of(classroom, week)
    return render(request, template, {"classroom": classroom, "week": week, "groups": groups})


@login_required
@require_POST
def week_note(request, pk, week_pk):
    classroom, week = _week(request, pk, week_pk)
    in_week = [pk for group in week.groups for pk in group]
    students = classroom.students.filter(pk__in=in_week)
    form = HeadlineNoteForm(request.POST, students=students)
    if not form.is_valid():
        messages.error(request, form.first_error)
        return redirect("workshop:headline_week", pk=pk, week_pk=week_pk)
    data = form.cleaned_data
    student = data["student"]
    headlines.save_note(week, student, data["plus_one"], data["plus_two"], data["wish"])
    messages.success(
        request,
        _("Saved %(name)s's two pluses and a wish.") % {"name": names_of(classroom)[student.pk]},
    )
    return redirect("workshop:headline_week", pk=pk, week_pk=week_pk)
