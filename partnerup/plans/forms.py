"""Planning choices in a teacher's words, and saving a plan with its dates."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerup.textcheck import TextChecked

from .services import DEFAULT_SETTINGS, WEIGHT_NAMES

NOT_ON_BOARD = {
    "invalid_choice": gettext_lazy("That student is not in this class."),
    "required": gettext_lazy("Choose a student to move."),
}

HOW_MUCH = [
    (0, gettext_lazy("Not at all")),
    (1, gettext_lazy("A little")),
    (2, gettext_lazy("Some")),
    (3, gettext_lazy("Quite a lot")),
    (4, gettext_lazy("A lot")),
]
WEIGHT_LABELS = {
    "choices": gettext_lazy("Honour student choices"),
    "interests": gettext_lazy("Shared interests"),
    "same_goal": gettext_lazy("Similar goals"),
    "strength_meets_goal": gettext_lazy("Strengths meet needs"),
    "level": gettext_lazy("Writing levels"),
    "talk": gettext_lazy("Talk styles"),
    "language": gettext_lazy("Strong English models for emergent bilinguals"),
}
STRATEGIES = [
    ("purposeful", gettext_lazy("On purpose: weigh what matters below")),
    ("choice", gettext_lazy("Student choices first")),
    ("random", gettext_lazy("A random mix (still keeps every rule)")),
]
LEVELS = [("similar", gettext_lazy("Similar levels")), ("mixed", gettext_lazy("Mixed levels"))]
# Article 05: quiet with talkative so each stretches, or like with like ("dominant with
# dominant, quiet with quiet") so quiet writers get room to talk.
TALK_MODES = [
    ("complement", gettext_lazy("Quiet with talkative")),
    ("alike", gettext_lazy("Like with like (quiet with quiet, talkative with talkative)")),
]


class PlanSettingsForm(TextChecked, forms.Form):
    strategy = forms.ChoiceField(
        choices=STRATEGIES, widget=forms.RadioSelect, label=gettext_lazy("How to plan")
    )
    level = forms.ChoiceField(
        choices=LEVELS, widget=forms.RadioSelect, label=gettext_lazy("Writing levels")
    )
    talk = forms.ChoiceField(
        choices=TALK_MODES, widget=forms.RadioSelect, label=gettext_lazy("Talk styles")
    )
    threes = forms.BooleanField(
        required=False, label=gettext_lazy("Allow partnerships of three where they help")
    )
    floaters = forms.IntegerField(
        min_value=0, max_value=6, label=gettext_lazy("Floaters (join where a partner is missing)")
    )
    quiet_first = forms.BooleanField(
        required=False, label=gettext_lazy("Quiet partners are A and talk first")
    )
    allow_repeats = forms.BooleanField(
        required=False, label=gettext_lazy("Allow past partners again")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in WEIGHT_NAMES:
            self.fields[f"w_{name}"] = forms.TypedChoiceField(
                choices=HOW_MUCH, coerce=int, label=WEIGHT_LABELS[name]
            )

    def weight_fields(self):
        return [self[f"w_{name}"] for name in WEIGHT_NAMES]

    @classmethod
    def initial_from(cls, chosen: dict) -> dict:
        merged = {**DEFAULT_SETTINGS, **chosen}
        initial = {
            "strategy": merged["strategy"],
            "level": merged["level"],
            "talk": merged["talk"],
            "threes": merged["triads"] == "auto",
            "floaters": merged["floaters"],
            "quiet_first": merged["roles"] == "quiet_first",
            "allow_repeats": merged["allow_repeats"],
        }
        weights = {**DEFAULT_SETTINGS["weights"], **merged["weights"]}
        initial.update({f"w_{name}": weights[name] for name in WEIGHT_NAMES})
        return initial

    def chosen(self) -> dict:
        """The stored planning choices (see services.plan_settings)."""
        data = self.cleaned_data
        return {
            "strategy": data["strategy"],
            "level": data["level"],
            "talk": data["talk"],
            "triads": "auto" if data["threes"] else "never",
            "floaters": data["floaters"],
            "roles": "quiet_first" if data["quiet_first"] else "random",
            "allow_repeats": data["allow_repeats"],
            "weights": {name: data[f"w_{name}"] for name in WEIGHT_NAMES},
        }


class SavePlanForm(TextChecked, forms.Form):
    name = forms.CharField(
        max_length=120,
        label=gettext_lazy("Plan name"),
        help_text=gettext_lazy("e.g. Unit 2: Small moments"),
    )
    starts = forms.DateField(
        required=False, label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends = forms.DateField(
        required=False, label=gettext_lazy("Until"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("starts") and data.get("ends") and data["ends"] < data["starts"]:
            raise forms.ValidationError(_("The plan ends before it starts: check the dates."))
        return data


class MembersField(forms.RegexField):
    """The students (ids) the page showed on the card a step names."""

    def __init__(self) -> None:
        super().__init__(regex=r"^[0-9,]*$", required=False, max_length=200)


class CardStepForm(TextChecked, forms.Form):
    """Lock or flip one card: what the card held when the teacher tapped."""

    members = MembersField()
    locked = forms.ChoiceField(choices=[("yes", "yes"), ("no", "no")], required=False)


class UndoForm(TextChecked, forms.Form):
    """Undo on a board: the board's version the page showed (see history), so a double
    tap or a second device undoes one step only."""

    version = forms.IntegerField(min_value=0, max_value=2**31 - 1)


class BoardStepForm(TextChecked, forms.Form):
    """One step on a board (the draft plan or Today): move `student` to card `to`, a
    new card or the floaters, or swap them with `with`. Students are ids of the class."""

    student = forms.TypedChoiceField(coerce=int, error_messages=NOT_ON_BOARD)
    to = forms.RegexField(
        regex=r"^(\d{1,3}|new|floaters)$",
        required=False,
        max_length=8,
        error_messages={"invalid": gettext_lazy("Choose where to move the student.")},
    )
    confirm = forms.ChoiceField(choices=[("yes", "yes"), ("", "")], required=False)
    members = MembersField()

    def __init__(self, *args, classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.names = dict(classroom.students.values_list("pk", "name"))
        pick = [(str(pk), name) for pk, name in self.names.items()]
        self.fields["student"].choices = pick
        self.fields["with"] = forms.TypedChoiceField(
            coerce=int, choices=[("", "")] + pick, required=False, empty_value=None,
            error_messages=NOT_ON_BOARD,
        )  # fmt: skip

    def clean(self):
        data = super().clean()
        if not data.get("with") and not data.get("to"):
            raise forms.ValidationError(_("Choose where to move the student."))
        return data

    @property
    def first_error(self) -> str:
        return next(iter(self.errors.values()))[0]

    def pending(self, broken: tuple[str, ...]) -> dict:
        """What the "Do it anyway" confirmation shows and sends back."""
        data = self.cleaned_data
        return {
            "broken": broken,
            "student": data["student"],
            "with": data.get("with") or "",
            "to": data.get("to", ""),
            "student_name": self.names[data["student"]],
            "with_name": self.names.get(data.get("with") or 0, ""),
        }
