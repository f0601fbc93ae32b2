"""The conferring pages: who to see today, the radar, next-step groups, the note
panel, and timelines. Actions answer htmx with the conferring panel alone; without
htmx they redirect back to the page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerup.classes.models import classroom_or_404
from partnerup.classes.services import names_of

from . import services, timeline
from .forms import NoteForm, ThresholdsForm


def _page(classroom, today, **extra) -> dict:
    known = services.facts(classroom)
    setting = known.setting
    initial = {"green_days": setting.green_days, "yellow_days": setting.yellow_days}
    return {
        "classroom": classroom,
        "suggestions": services.who_to_see_today(classroom, today, known),
        "radar": services.radar(classroom, today, known),
        "groups": services.next_step_groups(classroom, known.names),
        "thresholds_form": extra.pop("thresholds_form", None) or ThresholdsForm(initial=initial),
        **extra,
    }


def _respond(request, classroom, today, status=200, **extra):
    template = "conferring/_conferring.html" if request.htmx else "conferring/radar.html"
    return render(request, template, _page(classroom, today, **extra), status=status)


@login_required
def radar(request, pk):
    classroom = classroom_or_404(request.user, pk)
    return _respond(request, classroom, timezone.localdate())


@login_required
def who_today(request, pk):
    classroom = classroom_or_404(request.user, pk)
    today = timezone.localdate()
    context = {"classroom": classroom, "suggestions": services.who_to_see_today(classroom, today)}
    template = "conferring/_who.html" if request.htmx else "conferring/who.html"
    return render(request, template, context)


@login_required
def note(request, pk):
    """GET: the note panel for the students tapped (?students=1-2); POST: save it."""
    classroom = classroom_or_404(request.user, pk)
    today = timezone.localdate()
    if request.method == "POST":
        return _save_note(request, classroom, today)
    chosen = _chosen(classroom, request.GET.get("students", ""))
    form = NoteForm(classroom=classroom, today=today, initial={"students": chosen})
    extra = {"note_form": form, **_note_context(classroom, form, chosen)}
    if request.htmx:
        return render(request, "conferring/_note_form.html", {"classroom": classroom, **extra})
    return _respond(request, classroom, today, **extra)


def _save_note(request, classroom, today):
    form = NoteForm(request.POST, classroom=classroom, today=today)
    if not form.is_valid():
        chosen = [pk for pk in _ints(request.POST.getlist("students")) if pk in form.names]
        extra = {"note_form": form, **_note_context(classroom, form, chosen)}
        return _respond(request, classroom, today, **extra)
    students = form.cleaned_data["students"]
    written = services.write_note(
        classroom, students, form.note_fields(), form.cleaned_data["once"]
    )
    saved = services.together(form.names, students)
    if not request.htmx:
        return redirect("conferring:radar", pk=classroom.pk)
    return _respond(request, classroom, today, saved=saved, saved_again=not written)


def _note_context(classroom, form, chosen) -> dict:
    """The students tapped, and their current partners offered with one more tap."""
    names = form.names
    partners = {
        pk
        for group in services.current_partnerships(classroom.current_plan)
        if set(group) & set(chosen)
        for pk in group
    }
    offered = sorted(set(chosen) | partners, key=lambda pk: names.get(pk, "").casefold())
    return {
        "chosen": set(chosen),
        "offered": [(pk, names[pk]) for pk in offered if pk in names],
        "chosen_names": services.together(names, sorted(chosen, key=lambda pk: names.get(pk, ""))),
    }


def _chosen(classroom, token: str) -> list[int]:
    names = names_of(classroom)
    return [pk for pk in _ints(token.split("-"))[: services.MOST_IN_A_NOTE] if pk in names]


def _ints(values) -> list[int]:
    return [int(v) for v in values if v.isdigit() and len(v) < 12]


@login_required
@require_POST
def colours(request, pk):
    classroom = classroom_or_404(request.user, pk)
    form = ThresholdsForm(request.POST)
    if form.is_valid():
        services.set_thresholds(
            classroom, form.cleaned_data["green_days"], form.cleaned_data["yellow_days"]
        )
        if not request.htmx:
            return redirect("conferring:radar", pk=classroom.pk)
        form = None
    return _respond(request, classroom, timezone.localdate(), thresholds_form=form)


SHOWN_ENTRIES = 60  # about two months of a busy partnership; "?all=1" shows the year


def _newest(request, entries: list) -> dict:
    """The newest entries of a timeline, and how many more "Show the whole year" adds."""
    if request.GET.get("all") == "1":
        return {"entries": entries, "more": 0}
    return {"entries": entries[:SHOWN_ENTRIES], "more": max(len(entries) - SHOWN_ENTRIES, 0)}


@login_required
def student_timeline(request, pk, student_pk):
    classroom = classroom_or_404(request.user, pk)
    names = names_of(classroom)
    if student_pk not in names:
        raise Http404(_("That student is not in this class."))
    context = {
        "classroom": classroom,
        "title": names[student_pk],
        **_newest(request, timeline.student_timeline(classroom, student_pk, names)),
        "note_students": str(student_pk),
    }
    return render(request, "conferring/timeline.html", context)


@login_required
def partnership_timeline(request, pk, members):
    classroom = classroom_or_404(request.user, pk)
    names = names_of(classroom)
    pks = services.partnership_of(members, names)
    if pks is None:
        raise Http404(_("Those students are not a partnership of this class."))
    context = {
        "classroom": classroom,
        "title": services.together(names, pks),
        **_newest(request, timeline.partnership_timeline(classroom, pks, names)),
        "note_students": services.url_token(pks),
        "members": [(pk, names[pk]) for pk in pks],
    }
    return render(request, "conferring/timeline.html", context)
