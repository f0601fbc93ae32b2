"""What the goal, check-in, reflection and flag pages send, checked before anything
changes (lengths and characters by TextChecked; choices by the fields)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from partnerup.engine import FLAG_KINDS
from partnerup.textcheck import TextChecked
from partnerup.voice.checklist import CHECKLIST

from .models import (
    FACE_CHOICES,
    GOAL_LEVEL_CHOICES,
    GOAL_WORDS_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    SENTENCE_MAX_LENGTH,
)

SKILL_CHOICES = [(skill, skill) for _area, skill, _words in CHECKLIST]
TAP_A_FACE = {
    "required": gettext_lazy("Tap a face."),
    "invalid_choice": gettext_lazy("Tap a face."),
}


class FirstError:
    errors: dict

    @property
    def first_error(self) -> str:
        return next(iter(self.errors.values()))[0]


class ReflectionForm(FirstError, TextChecked, forms.Form):
    comfortable = forms.TypedChoiceField(
        choices=FACE_CHOICES, coerce=int, widget=forms.RadioSelect, error_messages=TAP_A_FACE
    )
    partner_helped = forms.TypedChoiceField(
        choices=FACE_CHOICES, coerce=int, widget=forms.RadioSelect, error_messages=TAP_A_FACE
    )
    helped_with = forms.MultipleChoiceField(
        choices=SKILL_CHOICES,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Choose from the pictures.")},
    )
    sentence = forms.CharField(max_length=SENTENCE_MAX_LENGTH, required=False, strip=True)
    wants_talk = forms.BooleanField(required=False)


class CheckInForm(FirstError, forms.Form):
    partner = forms.TypedChoiceField(
        coerce=int,
        error_messages={
            "required": gettext_lazy("Check in on your partner."),
            "invalid_choice": gettext_lazy("Check in on your partner."),
        },
    )
    level = forms.TypedChoiceField(
        choices=GOAL_LEVEL_CHOICES,
        coerce=int,
        error_messages={
            "required": gettext_lazy("Tap one answer."),
            "invalid_choice": gettext_lazy("Tap one answer."),
        },
    )

    def __init__(self, *args, partners: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].choices = [(str(pk), str(pk)) for pk in partners]


class GoalWordsForm(FirstError, TextChecked, forms.Form):
    words = forms.CharField(max_length=GOAL_WORDS_MAX_LENGTH, required=False, strip=True)


class TeacherGoalForm(FirstError, TextChecked, forms.Form):
    student = forms.TypedChoiceField(
        coerce=int,
        error_messages={
            "invalid_choice": gettext_lazy("That student is not in this class."),
            "required": gettext_lazy("Choose a student."),
        },
    )
    skill = forms.ChoiceField(choices=[("", "–"), *SKILL_CHOICES], required=False)
    words = forms.CharField(max_length=GOAL_WORDS_MAX_LENGTH, required=False, strip=True)

    def __init__(self, *args, students: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["student"].choices = [(str(pk), str(pk)) for pk in students]


class CloseFlagForm(FirstError, TextChecked, forms.Form):
    kind = forms.ChoiceField(choices=[(k, k) for k in FLAG_KINDS])
    reflections = forms.CharField(max_length=400)
    note = forms.CharField(max_length=NOTE_MAX_LENGTH, required=False, widget=forms.Textarea)

    def clean_reflections(self) -> tuple[int, ...]:
        parts = self.cleaned_data["reflections"].split(",")
        if not all(p.isascii() and p.isdigit() and len(p) < 12 for p in parts):
            raise ValidationError(gettext_lazy("That flag is not open any more."))
        return tuple(int(p) for p in parts)
