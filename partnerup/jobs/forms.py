"""What the partner-jobs pages send, checked before anything changes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from partnerup.textcheck import TextChecked
from partnerup.voice.forms import FirstError

from .models import FRAME_WORDS, ROLE_WORDS

ROLE_NAME = {
    "required": gettext_lazy("Write the job's name."),
    "max_length": gettext_lazy("Write a job's name in up to 60 letters."),
}
FRAME = {
    "required": gettext_lazy("Write the sentence frame."),
    "max_length": gettext_lazy("Write a frame in up to 160 letters."),
}
FOR_CHOICES = [("unit", gettext_lazy("This unit")), ("today", gettext_lazy("Just today"))]


class ChooseRolesForm(FirstError, forms.Form):
    """The roles in use, ticked among the class's roles (none: no jobs)."""

    roles = forms.TypedMultipleChoiceField(
        coerce=int,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Choose jobs from the list.")},
    )
    length = forms.ChoiceField(
        choices=FOR_CHOICES,
        error_messages={
            "required": gettext_lazy("Choose this unit or just today."),
            "invalid_choice": gettext_lazy("Choose this unit or just today."),
        },
    )

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roles"].choices = [(str(r.pk), r.en) for r in roles]


class RoleForm(FirstError, TextChecked, forms.Form):
    """A role's name in English and Spanish; a pair role names its other half too."""

    en = forms.CharField(max_length=ROLE_WORDS, error_messages=ROLE_NAME)
    es = forms.CharField(max_length=ROLE_WORDS, required=False, error_messages=ROLE_NAME)
    pair_en = forms.CharField(max_length=ROLE_WORDS, required=False, error_messages=ROLE_NAME)
    pair_es = forms.CharField(max_length=ROLE_WORDS, required=False, error_messages=ROLE_NAME)

    @property
    def words(self) -> dict[str, str]:
        return {k: self.cleaned_data[k] for k in ("en", "es", "pair_en", "pair_es")}


class FrameForm(FirstError, TextChecked, forms.Form):
    en = forms.CharField(max_length=FRAME_WORDS, error_messages=FRAME)
    es = forms.CharField(max_length=FRAME_WORDS, required=False, error_messages=FRAME)


PRINT_LANGUAGES = [("en", "English"), ("es", "Español")]
