"""What the conferring pages send, checked before anything is written."""

from __future__ import annotations

import re
import secrets
from datetime import date, timedelta

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerup.classes.services import names_of
from partnerup.textcheck import TextChecked
from partnerup.voice.checklist import CHECKLIST

from .models import MOST_DAYS, NEXT_STEP_MAX_LENGTH, SUPPORT_LEVELS, TEXT_MAX_LENGTH
from .services import MOST_IN_A_NOTE

ONCE = re.compile(r"[A-Za-z0-9_-]{8,40}")
OLDEST_NOTE_DAYS = 366  # a note may be written late, up to a school year back


def new_once() -> str:
    return secrets.token_urlsafe(16)


def skill_choices() -> list[tuple[str, str]]:
    return [(skill, _(words)) for _area, skill, words in CHECKLIST]


class NoteForm(TextChecked, forms.Form):
    """A conference note: who (tapped), a skill (tapped), then save; the rest optional."""

    students = forms.TypedMultipleChoiceField(
        coerce=int,
        error_messages={
            "invalid_choice": gettext_lazy("That student is not in this class."),
            "required": gettext_lazy("Choose a student."),
        },
    )
    skill = forms.ChoiceField(
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Tap a skill."),
            "invalid_choice": gettext_lazy("Tap a skill from the checklist."),
        },
    )
    support = forms.ChoiceField(
        choices=SUPPORT_LEVELS,
        required=False,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": gettext_lazy("Choose model, example, reminder or coach.")
        },
    )
    compliment = forms.CharField(max_length=TEXT_MAX_LENGTH, required=False)
    teaching_point = forms.CharField(max_length=TEXT_MAX_LENGTH, required=False)
    next_step = forms.ChoiceField(
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Choose a next step from the list.")},
    )
    next_step_typed = forms.CharField(max_length=NEXT_STEP_MAX_LENGTH, required=False)
    day = forms.DateField(
        required=False, error_messages={"invalid": gettext_lazy("Type a date like 2026-09-15.")}
    )
    once = forms.CharField(max_length=40, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, classroom, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.names = names_of(classroom)
        self.fields["students"].choices = [(str(pk), name) for pk, name in self.names.items()]
        self.fields["skill"].choices = skill_choices()
        self.fields["next_step"].choices = [("", _("No next step yet")), *skill_choices()]
        if not self.is_bound:
            self.initial.setdefault("once", new_once())

    def clean_students(self) -> list[int]:
        chosen = sorted(set(self.cleaned_data["students"]))
        if len(chosen) > MOST_IN_A_NOTE:
            raise forms.ValidationError(
                _("A note is for one student or one partnership (at most %(most)s).")
                % {"most": MOST_IN_A_NOTE}
            )
        return chosen

    def clean_day(self) -> date:
        day = self.cleaned_data.get("day") or self.today
        if day > self.today:
            raise forms.ValidationError(_("A note cannot be for a day still to come."))
        if day < self.today - timedelta(days=OLDEST_NOTE_DAYS):
            raise forms.ValidationError(_("A note can be at most a year old."))
        return day

    def clean_once(self) -> str:
        once = self.cleaned_data.get("once", "")
        return once if ONCE.fullmatch(once or "") else ""

    def note_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "date": data["day"],
            "skill": data["skill"],
            "support": data["support"],
            "compliment": data["compliment"].strip(),
            "teaching_point": data["teaching_point"].strip(),
            "next_step": data["next_step_typed"].strip() or data["next_step"],
        }

    @property
    def first_error(self) -> str:
        return next(iter(self.errors.values()))[0]


class ThresholdsForm(TextChecked, forms.Form):
    green_days = forms.IntegerField(min_value=1, max_value=MOST_DAYS)
    yellow_days = forms.IntegerField(min_value=1, max_value=MOST_DAYS)

    def clean(self) -> dict:
        data = super().clean()
        green, yellow = data.get("green_days"), data.get("yellow_days")
        if green is not None and yellow is not None and green >= yellow:
            raise forms.ValidationError(
                _("Green must end before yellow: use fewer days for green.")
            )
        return data
