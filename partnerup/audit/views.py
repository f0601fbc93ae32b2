"""The activity record's pages: a class's record, its CSV, and the deleted classes'."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from partnerup.classes.models import classroom_or_404
from partnerup.downloads import download
from partnerup.schools.access import owner_only, school_admin_only

from . import services
from .forms import ActivityFilterForm

PER_PAGE = 50


def _chosen(request, entries, classes=None):
    """The filter form and the entries it keeps (all of them while it is not valid)."""
    form = ActivityFilterForm(
        request.GET or None, actors=services.actors_in(entries), classes=classes
    )
    if form.is_bound and form.is_valid():
        entries = services.filtered(entries, form.cleaned_data)
    return form, entries


def _page(request, entries) -> dict:
    """The requested page of entries (read here, not in the template) and the filter's
    query string for the page links."""
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    kept = request.GET.copy()
    kept.pop("page", None)
    return {"page": page, "rows": services.shown(page.object_list), "filters": kept.urlencode()}


@owner_only
def class_activity(request, pk):
    """Who viewed, changed, exported or deleted what of the class, newest first."""
    classroom = classroom_or_404(request.user, pk)  # owner_only let the owner in
    form, entries = _chosen(request, services.record_of_class(classroom.pk))
    context = {"classroom": classroom, "form": form, **_page(request, entries)}
    return render(request, "audit/activity.html", context, status=400 if form.errors else 200)


@owner_only
def class_activity_export(request, pk):
    """The whole record of the class (or its filtered part) as a spreadsheet."""
    classroom = classroom_or_404(request.user, pk)  # owner_only let the owner in
    _form, entries = _chosen(request, services.record_of_class(classroom.pk))
    return download(services.as_csv(entries), f"{classroom.name} PartnerUp activity.csv")


@login_required
def deleted_classes_activity(request):
    """The record of the classes the teacher owned that are now deleted."""
    everything = services.record_of_deleted_classes(request.user)
    form, entries = _chosen(request, everything, classes=services.classes_in(everything))
    context = {"form": form, **_page(request, entries)}
    return render(request, "audit/deleted.html", context, status=400 if form.errors else 200)


@school_admin_only
def school_activity(request, school):
    """The record of every class of the school (deleted ones too), for its admin."""
    everything = services.record_of_school(school)
    form, entries = _chosen(request, everything, classes=services.classes_in(everything))
    context = {"school": school, "form": form, **_page(request, entries)}
    return render(request, "audit/school.html", context, status=400 if form.errors else 200)
