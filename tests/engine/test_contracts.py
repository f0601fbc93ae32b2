"""Planning settings and student fields are written once, in the engine's model."""

import dataclasses

import pytest

from partnerup.engine import (
    TALK_STYLES,
    WEIGHT_KINDS,
    PlanSettings,
    Student,
    Weights,
    student_fields,
)


def test_settings_survive_a_trip_through_plain_values():
    settings = PlanSettings(strategy="choice", floaters=2, weights=Weights(choices=6))
    assert PlanSettings.from_dict(settings.to_dict()) == settings


def test_missing_settings_and_weights_take_their_defaults():
    settings = PlanSettings.from_dict({"level": "mixed", "weights": {"talk": 0}})
    assert settings == PlanSettings(level="mixed", weights=Weights(talk=0))


@pytest.mark.parametrize(
    "data, named",
    [
        ({"stratgy": "choice"}, "stratgy"),
        ({"strategy": "best"}, "strategy"),
        ({"floaters": True}, "floaters"),
        ({"floaters": "2"}, "floaters"),
        ({"allow_repeats": 1}, "allow_repeats"),
        ({"weights": {"choices": "4"}}, "choices"),
        ({"weights": {"luck": 1}}, "luck"),
    ],
)
def test_bad_settings_are_refused_naming_the_setting(data, named):
    with pytest.raises(ValueError, match=named):
        PlanSettings.from_dict(data)


def test_a_whole_number_time_limit_is_accepted():
    assert PlanSettings.from_dict({"time_limit": 2}).time_limit == 2


def test_every_setting_with_choices_lists_them_and_its_default_is_one():
    for f in dataclasses.fields(PlanSettings):
        if f.metadata.get("choices"):
            assert f.default in f.metadata["choices"], f.name


def test_weight_kinds_are_the_weights_fields():
    assert tuple(f.name for f in dataclasses.fields(Weights)) == WEIGHT_KINDS


def test_every_student_field_has_a_kind_and_kinds_partition_the_fields():
    kinds = {f.metadata["kind"] for f in dataclasses.fields(Student)}
    assert sorted(sum((student_fields(k) for k in kinds), ())) == sorted(student_fields())
    assert student_fields("classmates") == ("choices", "avoid", "past_partners")
    assert student_fields("flag") == ("often_absent", "social_support", "floater", "new_student")
    assert student_fields("observed") == ("chose_in_choice_time",)


def test_the_default_talk_style_is_a_talk_style():
    assert Student("Ana").talk in TALK_STYLES
