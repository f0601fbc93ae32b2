"""What the teacher's student-voice pages send, checked before anything is saved."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerup.textcheck import TextChecked

from .checklist import STARTER_QUESTIONS
from .models import LANGUAGES

QUESTION_WORDS = {"max_length": gettext_lazy("Keep a question under 200 letters.")}


class FirstError:
    errors: dict

    @property
    def first_error(self) -> str:
        return next(iter(self.errors.values()))[0]


class SurveyQuestionsForm(FirstError, TextChecked, forms.Form):
    """Starter questions ticked by number, and one question of the teacher's own (with
    its Spanish, shown on Spanish pages)."""

    starter = forms.TypedMultipleChoiceField(
        coerce=int,
        required=False,
        choices=[(str(i), text) for i, text in enumerate(STARTER_QUESTIONS)],
        error_messages={"invalid_choice": gettext_lazy("Choose questions from the list.")},
    )
    own = forms.CharField(max_length=200, required=False, error_messages=QUESTION_WORDS)
    own_es = forms.CharField(max_length=200, required=False, error_messages=QUESTION_WORDS)

    def clean(self):
        data = super().clean()
        if data.get("own_es", "").strip() and not data.get("own", "").strip():
            raise forms.ValidationError(_("Write the question in English too."))
        return data


class SurveyQuestionForm(FirstError, TextChecked, forms.Form):
    """One question's English and Spanish words."""

    text = forms.CharField(
        max_length=200,
        error_messages={**QUESTION_WORDS, "required": gettext_lazy("Write the question.")},
    )
    text_es = forms.CharField(max_length=200, required=False, error_messages=QUESTION_WORDS)


TRAIT_WORDS = {
    "required": gettext_lazy("Write the trait in up to 80 letters."),
    "max_length": gettext_lazy("Write the trait in up to 80 letters."),
}
OFFER_WORDS = {
    "required": gettext_lazy("Write how a partner offers it, e.g. “I can read your work aloud”."),
    "max_length": gettext_lazy("Write the trait in up to 80 letters."),
}


class TraitForm(FirstError, TextChecked, forms.Form):
    """A want-ad trait of the class's own, with an icon and two wordings: what a
    student looking for it reads, and what a student offering it reads — in English
    and (optionally) Spanish."""

    en = forms.CharField(max_length=80, error_messages=TRAIT_WORDS)
    es = forms.CharField(max_length=80, required=False, error_messages=TRAIT_WORDS)
    offer_en = forms.CharField(max_length=80, error_messages=OFFER_WORDS)
    offer_es = forms.CharField(max_length=80, required=False, error_messages=TRAIT_WORDS)
    icon = forms.CharField(max_length=40, required=False)  # an unknown icon: the first one

    @property
    def words(self) -> dict[str, str]:
        return {k: self.cleaned_data[k] for k in ("en", "es", "icon", "offer_en", "offer_es")}


FROM_HOME_LANGUAGE = "home"


class CardLanguageForm(FirstError, forms.Form):
    """One language for every card of the class, or each student's home language."""

    language = forms.ChoiceField(
        choices=[
            ("", gettext_lazy("(choose)")),
            *LANGUAGES,
            (FROM_HOME_LANGUAGE, gettext_lazy("From home language")),
        ],
        error_messages={
            "required": gettext_lazy("Choose English, Español or from home language."),
            "invalid_choice": gettext_lazy("Choose English, Español or from home language."),
        },
    )


class CodeForm(forms.Form):
    """The code a student types from their card: spaces and small letters are fine."""

    code = forms.CharField(max_length=100, required=False)

    @property
    def typed_code(self) -> str:
        return "".join(self.cleaned_data["code"].upper().split())


class ResumeSignInForm(forms.Form):
    """The teacher's "let students sign in again" button: nothing to type."""
