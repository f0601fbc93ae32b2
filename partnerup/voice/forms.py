"""What the teacher's student-voice pages send, checked before anything is saved."""

from __future__ import annotations

from django import forms

from partnerup.textcheck import TextChecked

from .checklist import STARTER_QUESTIONS


class SurveyQuestionsForm(TextChecked, forms.Form):
    """Starter questions ticked by number, and one question of the teacher's own."""

    starter = forms.TypedMultipleChoiceField(
        coerce=int,
        required=False,
        choices=[(str(i), text) for i, (text, _) in enumerate(STARTER_QUESTIONS)],
        error_messages={"invalid_choice": "Choose questions from the list."},
    )
    own = forms.CharField(
        max_length=200,
        required=False,
        error_messages={"max_length": "Keep a question under 200 letters."},
    )


TRAIT_WORDS = {
    "required": "Write the trait in up to 80 letters.",
    "max_length": "Write the trait in up to 80 letters.",
}


class TraitForm(TextChecked, forms.Form):
    """A want-ad trait of the class's own, in English and Spanish, with an icon."""

    en = forms.CharField(max_length=80, error_messages=TRAIT_WORDS)
    es = forms.CharField(max_length=80, required=False, error_messages=TRAIT_WORDS)
    icon = forms.CharField(max_length=40, required=False)  # an unknown icon: the first one

    @property
    def first_error(self) -> str:
        return next(iter(self.errors.values()))[0]
