from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerup.textcheck import TextChecked

OLDEST = timedelta(days=366)  # a school year back, no further
LARGEST = 3  # partnerships are pairs or threes
AwayOn = Callable[[date], set[int]]


class ChoiceTimeForm(TextChecked, forms.Form):
    """Two or three students of the class who chose to work together on a day (today
    unless changed, never in the future nor more than a year back)."""

    students = forms.TypedMultipleChoiceField(
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Who worked together? (tap two or three)"),
        error_messages={
            "invalid_choice": gettext_lazy("'%(value)s' is not a student in this class."),
            "required": gettext_lazy("Tap two or three students."),
        },
    )
    date = forms.DateField(
        label=gettext_lazy("Day"),
        # ISO always: a date input shows nothing for a value in the page's local format.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": gettext_lazy("Give the day."),
            "invalid": gettext_lazy("Give the day as a date, e.g. 2026-09-15."),
        },
    )

    def __init__(self, *args, names: dict[int, str], today: date, away_on: AwayOn, **kwargs):
        super().__init__(*args, **kwargs)
        self.names, self.today, self.away_on = names, today, away_on
        away_today = away_on(today)
        present = sorted((n, pk) for pk, n in names.items() if pk not in away_today)
        self.fields["students"].choices = [(str(pk), name) for name, pk in present]
        self.fields["date"].initial = today

    def clean_students(self) -> list[int]:
        picked = set(self.cleaned_data["students"])
        if not 2 <= len(picked) <= LARGEST:
            raise forms.ValidationError(
                _("Tap two or three students; you tapped %(count)s.") % {"count": len(picked)}
            )
        return sorted(picked)

    def clean_date(self) -> date:
        on = self.cleaned_data["date"]
        if on > self.today:
            raise forms.ValidationError(_("That day has not come yet."))
        if on < self.today - OLDEST:
            raise forms.ValidationError(_("That day is more than a year ago."))
        return on

    def clean(self):
        cleaned = super().clean()
        on, pks = cleaned.get("date"), cleaned.get("students")
        if on and pks:
            away = [self.names[pk] for pk in pks if pk in self.away_on(on)]
            if away:
                self.add_error(
                    "students",
                    _("Marked away that day: %(names)s.") % {"names": ", ".join(away)},
                )
        return cleaned
