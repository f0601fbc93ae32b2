"""The choice-time log of a class: a quick form (big targets, for a tablet) and the
list, each entry deletable after a confirm page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerup.classes.models import classroom_or_404
from partnerup.classes.services import names_of

from . import services
from .forms import ChoiceTimeForm


@login_required
def log(request, pk):
    classroom = classroom_or_404(request.user, pk)
    names = names_of(classroom)
    today = timezone.localdate()
    form = ChoiceTimeForm(
        request.POST or None,
        names=names,
        today=today,
        away_on=lambda on: services.away_on(classroom, on),
    )
    if request.method == "POST" and form.is_valid():
        pks, on = form.cleaned_data["students"], form.cleaned_data["date"]
        together = _(" and ").join(names[p] for p in pks)
        if services.log_partnership(classroom, on, pks):
            messages.success(
                request, _("Kept: %(names)s chose to work together.") % {"names": together}
            )
        else:
            messages.info(request, _("Already kept: %(names)s on that day.") % {"names": together})
        return redirect("choicetime:log", pk=pk)
    context = {"classroom": classroom, "form": form, "logged": services.logged(classroom, names)}
    return render(request, "choicetime/log.html", context)


@login_required
def delete(request, pk, entry_pk):
    """GET asks first; POST deletes."""
    classroom = classroom_or_404(request.user, pk)
    entry = get_object_or_404(classroom.choice_time.prefetch_related("students"), pk=entry_pk)
    together = services.described(entry, names_of(classroom))
    if request.method == "POST":
        services.delete_partnership(entry)
        messages.success(request, _("Deleted the choice-time entry."))
        return redirect("choicetime:log", pk=pk)
    context = {"classroom": classroom, "entry": entry, "together": together}
    return render(request, "choicetime/delete.html", context)
