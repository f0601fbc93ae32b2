"""How well two writers fit as partners: integer points, each with its plain reason.

Points and reasons come from the same lines of code, so an explanation can never
disagree with the score. Hard rules are not here (see rules.py): scoring only ranks
partnerships the rules already allow.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from .model import PlanSettings, Student, Weights, helped_in_three

ORDINAL = {1: "1st", 2: "2nd", 3: "3rd"}
TALK_RANK = {"quiet": 0, "balanced": 1, "dominant": 2}
CHOICE_STRATEGY_BOOST = 3


@dataclass(frozen=True)
class Fit:
    points: int
    reasons: tuple[str, ...]


def effective_weights(settings: PlanSettings) -> Weights:
    w = settings.weights
    if settings.strategy == "choice":
        return replace(w, choices=max(w.choices, 1) * CHOICE_STRATEGY_BOOST)
    return w


def score_pair(a: Student, b: Student, settings: PlanSettings) -> Fit:
    """Points (higher is better) and reasons for putting a and b together."""
    if settings.strategy == "random":
        return _random_fit(a, b, settings.seed)
    w = effective_weights(settings)
    parts = [
        _choices(a, b, w.choices),
        _ads(a, b, w.choices),
        _choice_time(a, b, w.choices),
        _offers_meet_wants(a, b, w.strength_meets_goal),
        _shared(a.interests, b.interests, w.interests, "both love"),
        _shared(a.goals, b.goals, w.same_goal, "both working on"),
        _strength_meets_goal(a, b, w.strength_meets_goal),
        _level(a, b, w.level, settings.level),
        _talk(a, b, w.talk, settings.talk),
        _language(a, b, w.language),
    ]
    return Fit(
        points=sum(p for p, _ in parts),
        reasons=tuple(r for _, reasons in parts for r in reasons),
    )


def _random_fit(a: Student, b: Student, seed: int) -> Fit:
    first, second = sorted((a.name, b.name))
    rng = random.Random(f"{seed}:{first}:{second}")
    return Fit(points=rng.randint(0, 1000), reasons=("paired at random",))


def _choices(a: Student, b: Student, weight: int) -> tuple[int, list[str]]:
    if not weight:
        return 0, []
    rank_ab = a.choices.index(b.name) + 1 if b.name in a.choices else 0
    rank_ba = b.choices.index(a.name) + 1 if a.name in b.choices else 0
    if rank_ab and rank_ba:
        points = weight * (4 - rank_ab) + weight * (4 - rank_ba) + 2 * weight
        return points, [f"{a.name} and {b.name} chose each other"]
    for chooser, chosen, rank in ((a, b, rank_ab), (b, a, rank_ba)):
        if rank:
            return weight * (4 - rank), [
                f"{chooser.name} chose {chosen.name} ({ORDINAL[rank]} choice)"
            ]
    return 0, []


def _ads(a: Student, b: Student, weight: int) -> tuple[int, list[str]]:
    """Answering a classmate's want ad counts like a third choice, each way."""
    if not weight:
        return 0, []
    a_answered, b_answered = b.name in a.answered_ads, a.name in b.answered_ads
    if a_answered and b_answered:
        return 2 * weight, [f"{a.name} and {b.name} answered each other's want ads"]
    for answerer, poster, answered in ((a, b, a_answered), (b, a, b_answered)):
        if answered:
            return weight, [f"{answerer.name} answered {poster.name}'s want ad"]
    return 0, []


def _choice_time(a: Student, b: Student, weight: int) -> tuple[int, list[str]]:
    """Working together in choice time, seen by the teacher, counts like both choosing
    each other third: a natural partnership is chosen by both."""
    if not weight or (
        b.name not in a.chose_in_choice_time and a.name not in b.chose_in_choice_time
    ):
        return 0, []
    return 4 * weight, [f"{a.name} and {b.name} chose to work together in choice time"]


def _offers_meet_wants(a: Student, b: Student, weight: int) -> tuple[int, list[str]]:
    """What one student offers is what the other's want ad looks for."""
    if not weight:
        return 0, []
    reasons = []
    for giver, seeker in ((a, b), (b, a)):
        wanted = [t for t in seeker.wants if t in giver.offers][:1]
        if wanted:
            reasons.append(f"{giver.name} offers what {seeker.name} wants: {wanted[0]}")
    return weight * len(reasons), reasons


def _shared(
    first: tuple[str, ...], second: tuple[str, ...], weight: int, phrase: str
) -> tuple[int, list[str]]:
    lower = {x.lower() for x in second}
    common = [x for x in first if x.lower() in lower][:2]
    if not weight or not common:
        return 0, []
    return weight * len(common), [f"{phrase} {' and '.join(common)}"]


def _strength_meets_goal(a: Student, b: Student, weight: int) -> tuple[int, list[str]]:
    if not weight:
        return 0, []
    reasons = []
    for strong, learner in ((a, b), (b, a)):
        goals = {g.lower() for g in learner.goals}
        meets = [s for s in strong.strengths if s.lower() in goals][:1]
        if meets:
            reasons.append(f"{strong.name}'s strength in {meets[0]} meets {learner.name}'s goal")
    return weight * len(reasons) * 2, reasons


def _level(a: Student, b: Student, weight: int, mode: str) -> tuple[int, list[str]]:
    if not weight or mode == "ignore" or a.level is None or b.level is None:
        return 0, []
    gap = abs(a.level - b.level)
    if mode == "similar":
        points = weight * (2 - gap)
        return points, ["similar writing levels"] if gap <= 1 else []
    points = weight * {0: 0, 1: 2, 2: 1, 3: -1}[gap]
    return points, ["a stronger writer can model for the other"] if gap in (1, 2) else []


def _talk(a: Student, b: Student, weight: int, mode: str) -> tuple[int, list[str]]:
    if not weight or mode == "ignore":
        return 0, []
    gap = abs(TALK_RANK[a.talk] - TALK_RANK[b.talk])
    if mode == "complement":
        if a.talk == b.talk and a.talk != "balanced":
            return -weight, []
        if gap == 0:
            return 0, []
        quiet = a if TALK_RANK[a.talk] < TALK_RANK[b.talk] else b
        other = b if quiet is a else a
        return weight * gap, [
            f"{quiet.name} ({quiet.talk}) and {other.name} ({other.talk}) balance the talk"
        ]
    points = weight * {0: 2, 1: 1, 2: -1}[gap]
    return points, ["similar talk styles"] if gap == 0 else []


def _language(a: Student, b: Student, weight: int) -> tuple[int, list[str]]:
    if not weight:
        return 0, []
    for learner, model in ((a, b), (b, a)):
        if learner.needs_language_support and model.is_proficient_speaker:
            shared = learner.home_language and learner.home_language == model.home_language
            if shared:
                language = learner.home_language
                return 2 * weight, [
                    f"{model.name} shares {language} with {learner.name} and models English"
                ]
            return weight, [f"{model.name} models English for {learner.name}"]
    return 0, []


TRIAD_HELP_POINTS = 6


def triad_help(group: list[Student]) -> list[str]:
    """Why a three helps these writers (empty when a pair would do as well)."""
    models = sum(s.is_proficient_speaker for s in group)
    helped = []
    for s in group:
        if not helped_in_three(s.steadied_by_a_three, s.benefits_from_two_models, models):
            continue
        if s.benefits_from_two_models and models >= 2:
            helped.append(f"two English models for {s.name}")
        elif s.often_absent:
            helped.append(f"{s.name} is often absent, so the others still have a partner")
        else:
            helped.append(f"a three gives {s.name} more support")
    return helped
