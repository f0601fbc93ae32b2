"""Planning choices in a teacher's words, and saving a plan with its dates."""

from __future__ import annotations

from django import forms

from .services import DEFAULT_SETTINGS, WEIGHT_NAMES

HOW_MUCH = [(0, "Not at all"), (1, "A little"), (2, "Some"), (3, "Quite a lot"), (4, "A lot")]
WEIGHT_LABELS = {
    "choices": "Honour student choices",
    "interests": "Shared interests",
    "same_goal": "Similar goals",
    "strength_meets_goal": "Strengths meet needs",
    "level": "Writing levels",
    "talk": "Talk styles (quiet with talkative)",
    "language": "Strong English models for emergent bilinguals",
}
STRATEGIES = [
    ("purposeful", "On purpose: weigh what matters below"),
    ("choice", "Student choices first"),
    ("random", "A random mix (still keeps every rule)"),
]
LEVELS = [("similar", "Similar levels"), ("mixed", "Mixed levels")]


class PlanSettingsForm(forms.Form):
    strategy = forms.ChoiceField(choices=STRATEGIES, widget=forms.RadioSelect, label="How to plan")
    level = forms.ChoiceField(choices=LEVELS, widget=forms.RadioSelect, label="Writing levels")
    threes = forms.BooleanField(required=False, label="Allow partnerships of three where they help")
    floaters = forms.IntegerField(
        min_value=0, max_value=6, label="Floaters (join where a partner is missing)"
    )
    quiet_first = forms.BooleanField(required=False, label="Quiet partners are A and talk first")
    allow_repeats = forms.BooleanField(required=False, label="Allow past partners again")

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
            "triads": "auto" if data["threes"] else "never",
            "floaters": data["floaters"],
            "roles": "quiet_first" if data["quiet_first"] else "random",
            "allow_repeats": data["allow_repeats"],
            "weights": {name: data[f"w_{name}"] for name in WEIGHT_NAMES},
        }


class SavePlanForm(forms.Form):
    name = forms.CharField(
        max_length=120, label="Plan name", help_text="e.g. Unit 2: Small moments"
    )
    starts = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    ends = forms.DateField(
        required=False, label="Until", widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("starts") and data.get("ends") and data["ends"] < data["starts"]:
            raise forms.ValidationError("The plan ends before it starts: check the dates.")
        return data
