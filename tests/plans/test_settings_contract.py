"""The planning form offers only the engine's own options, each in a teacher's words."""

from partnerup import engine
from partnerup.plans import forms
from partnerup.plans.services import DEFAULT_SETTINGS, plan_settings


def test_every_option_the_form_offers_is_one_the_engine_knows():
    assert {value for value, _ in forms.STRATEGIES} <= set(engine.STRATEGIES)
    assert {value for value, _ in forms.LEVELS} <= set(engine.LEVEL_MODES)
    assert {value for value, _ in forms.TALK_MODES} <= set(engine.TALK_MODES)


def test_every_weight_has_a_label_and_a_field():
    assert set(forms.WEIGHT_LABELS) == set(engine.WEIGHT_KINDS)
    form = forms.PlanSettingsForm()
    assert [f.name for f in form.weight_fields()] == [f"w_{k}" for k in engine.WEIGHT_KINDS]


def test_the_forms_choices_become_the_engines_settings():
    data = {
        "strategy": "choice",
        "level": "mixed",
        "talk": "alike",
        "threes": "",
        "floaters": "2",
        "quiet_first": "on",
        "allow_repeats": "on",
        **{f"w_{k}": "1" for k in engine.WEIGHT_KINDS},
    }
    form = forms.PlanSettingsForm(data)
    assert form.is_valid(), form.errors
    settings = plan_settings(form.chosen())
    assert (settings.strategy, settings.level, settings.talk) == ("choice", "mixed", "alike")
    assert (settings.triads, settings.floaters, settings.roles) == ("never", 2, "quiet_first")
    assert settings.allow_repeats is True
    assert settings.weights == engine.Weights(*[1] * len(engine.WEIGHT_KINDS))
    assert plan_settings({}) == engine.PlanSettings.from_dict(
        {**DEFAULT_SETTINGS, "time_limit": settings.time_limit}
    )
