from hypothesis import given
from hypothesis import strategies as st

from partnerup.engine import PlanSettings, Weights
from partnerup.engine.explain import explain_triad
from partnerup.engine.scoring import TRIAD_HELP_POINTS, score_pair, triad_help

from .factories import student

PURPOSEFUL = PlanSettings()


def test_first_choice_scores_more_than_third_choice():
    ana = student("Ana", choices=("Ben", "Cy", "Di"))
    first = score_pair(ana, student("Ben"), PURPOSEFUL)
    third = score_pair(ana, student("Di"), PURPOSEFUL)
    assert first.points > third.points > 0
    assert "Ana chose Ben (1st choice)" in first.reasons
    assert "Ana chose Di (3rd choice)" in third.reasons


def test_mutual_choice_counts_more_than_one_way_choice():
    ana = student("Ana", choices=("Ben",))
    mutual = score_pair(ana, student("Ben", choices=("Ana",)), PURPOSEFUL)
    one_way = score_pair(ana, student("Ben"), PURPOSEFUL)
    assert mutual.points > 2 * one_way.points - 1
    assert "Ana and Ben chose each other" in mutual.reasons


def test_shared_interests_and_goals_are_named():
    a = student("Ana", interests=("fantasy", "soccer"), goals=("lead",))
    b = student("Ben", interests=("Fantasy",), goals=("lead", "ending"))
    fit = score_pair(a, b, PURPOSEFUL)
    assert "both love fantasy" in fit.reasons
    assert "both working on lead" in fit.reasons


def test_strength_that_meets_partners_goal_is_explained():
    a = student("Ana", goals=("plan box",))
    b = student("Ben", strengths=("plan box",))
    fit = score_pair(a, b, PURPOSEFUL)
    assert "Ben's strength in plan box meets Ana's goal" in fit.reasons
    assert fit.points == 2 * Weights().strength_meets_goal


def test_similar_levels_beat_distant_levels_when_similar_is_asked():
    a = student("Ana", level=2)
    near, far = student("Ben", level=2), student("Cy", level=4)
    assert score_pair(a, near, PURPOSEFUL).points > score_pair(a, far, PURPOSEFUL).points


def test_mixed_levels_prefer_one_level_apart():
    mixed = PlanSettings(level="mixed")
    a = student("Ana", level=2)
    assert (
        score_pair(a, student("Ben", level=3), mixed).points
        > score_pair(a, student("Cy", level=2), mixed).points
    )


def test_quiet_and_dominant_complement_each_other():
    quiet, loud = student("Ana", talk="quiet"), student("Ben", talk="dominant")
    other_quiet = student("Cy", talk="quiet")
    assert (
        score_pair(quiet, loud, PURPOSEFUL).points
        > score_pair(quiet, other_quiet, PURPOSEFUL).points
    )
    alike = PlanSettings(talk="alike")
    assert score_pair(quiet, other_quiet, alike).points > score_pair(quiet, loud, alike).points


def test_language_model_sharing_home_language_scores_higher():
    learner = student("Ana", english_level=2.0, home_language="Spanish")
    shares = student("Ben", home_language="Spanish")
    other = student("Cy", home_language="Arabic")
    fit = score_pair(learner, shares, PURPOSEFUL)
    assert fit.points > score_pair(learner, other, PURPOSEFUL).points
    assert "Ben shares Spanish with Ana and models English" in fit.reasons


def test_zero_weight_switches_a_kind_of_fit_off():
    settings = PlanSettings(weights=Weights(choices=0))
    fit = score_pair(student("Ana", choices=("Ben",)), student("Ben"), settings)
    assert fit.points == 0
    assert fit.reasons == ()


def test_choice_strategy_weighs_choices_more_than_purposeful():
    a, b = student("Ana", choices=("Ben",)), student("Ben")
    assert (
        score_pair(a, b, PlanSettings(strategy="choice")).points
        > score_pair(a, b, PURPOSEFUL).points
    )


def test_random_strategy_is_reproducible_by_seed_and_says_so():
    a, b = student("Ana"), student("Ben")
    first = score_pair(a, b, PlanSettings(strategy="random", seed=3))
    assert first == score_pair(b, a, PlanSettings(strategy="random", seed=3))
    assert first.reasons == ("paired at random",)


def test_triad_helps_often_absent_student_and_two_model_learner():
    absent = student("Ana", often_absent=True)
    assert triad_help([absent, student("Ben"), student("Cy")]) == [
        "Ana is often absent, so the others still have a partner"
    ]
    learner = student("Di", english_level=1.5)
    assert triad_help([learner, student("Ben"), student("Cy")]) == ["two English models for Di"]
    assert triad_help([student("Ben"), student("Cy"), student("Ed")]) == []


def test_triad_score_is_half_its_pair_scores_plus_help_bonus():
    members = ("Ana", "Ben", "Cy")
    by_name = {
        "Ana": student("Ana", often_absent=True, choices=("Ben",)),
        "Ben": student("Ben"),
        "Cy": student("Cy", choices=("Ana",)),
    }
    fits = {
        (a, b): score_pair(by_name[a], by_name[b], PURPOSEFUL)
        for a, b in (("Ana", "Ben"), ("Ana", "Cy"), ("Ben", "Cy"))
    }
    score, reasons = explain_triad(members, fits, by_name)
    assert score == sum(f.points for f in fits.values()) / 2 + TRIAD_HELP_POINTS
    assert reasons[0].startswith("Ana is often absent")
    assert "Ana chose Ben (1st choice)" in reasons


def test_answering_a_want_ad_counts_and_is_quoted():
    ana = student("Ana", answered_ads=("Ben",))
    ben = student("Ben")
    fit = score_pair(ana, ben, PlanSettings())
    assert "Ana answered Ben's want ad" in fit.reasons and fit.points > 0
    both = score_pair(ana, student("Ben", answered_ads=("Ana",)), PlanSettings())
    assert "Ana and Ben answered each other's want ads" in both.reasons
    assert both.points > fit.points
    off = score_pair(ana, ben, PlanSettings(weights=Weights(choices=0)))
    assert not any("want ad" in r for r in off.reasons)


def test_an_offer_that_meets_a_want_is_a_reason():
    ana = student("Ana", wants=("listens to my writing",), offers=("helps with spelling",))
    ben = student("Ben", wants=("helps with spelling",), offers=("listens to my writing",))
    fit = score_pair(ana, ben, PlanSettings())
    assert "Ben offers what Ana wants: listens to my writing" in fit.reasons
    assert "Ana offers what Ben wants: helps with spelling" in fit.reasons
    plain = score_pair(student("Ana"), student("Ben"), PlanSettings())
    assert fit.points > plain.points


def test_working_together_in_choice_time_counts_like_a_choice_and_says_so():
    ana, ben = student("Ana", chose_in_choice_time=("Ben",)), student("Ben")
    fit = score_pair(ana, ben, PURPOSEFUL)
    assert "Ana and Ben chose to work together in choice time" in fit.reasons
    assert fit.points == score_pair(ben, ana, PURPOSEFUL).points > 0
    assert fit.points == score_pair(student("Ana"), ben, PURPOSEFUL).points + 4 * 4


def test_choice_time_is_not_a_reason_without_choice_time_or_with_choices_off():
    ana = student("Ana", chose_in_choice_time=("Cy",))
    assert not any("choice time" in r for r in score_pair(ana, student("Ben"), PURPOSEFUL).reasons)
    off = score_pair(ana, student("Cy"), PlanSettings(weights=Weights(choices=0)))
    assert not any("choice time" in r for r in off.reasons)


@given(st.booleans(), st.booleans(), st.integers(min_value=0, max_value=9))
def test_choice_time_scores_the_same_whichever_side_logged_it(a_saw, b_saw, weight):
    ana = student("Ana", chose_in_choice_time=("Ben",) if a_saw else ())
    ben = student("Ben", chose_in_choice_time=("Ana",) if b_saw else ())
    settings = PlanSettings(weights=Weights(choices=weight))
    assert score_pair(ana, ben, settings).points == score_pair(ben, ana, settings).points
    together = any("choice time" in r for r in score_pair(ana, ben, settings).reasons)
    assert together == (bool(weight) and (a_saw or b_saw))
