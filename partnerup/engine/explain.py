"""Plain-language reasons for a partnership, built from the same fits that score it."""

from __future__ import annotations

from itertools import combinations

from .model import Student
from .scoring import TRIAD_HELP_POINTS, Fit, triad_help

NO_PULL = "keeps every rule; no strong pull either way"
ODD_CLASS = "a three because the class has an odd number of writers"
TRIAD_REASONS_SHOWN = 4


def explain_pair(members: tuple[str, ...], fit: Fit) -> tuple[float, tuple[str, ...]]:
    return float(fit.points), fit.reasons or (NO_PULL,)


def explain_triad(
    members: tuple[str, ...], fits: dict[tuple[str, str], Fit], by_name: dict[str, Student]
) -> tuple[float, tuple[str, ...]]:
    """A triad scores half the sum of its three pair scores plus its help bonus."""
    pair_fits = [_fit(fits, a, b) for a, b in combinations(members, 2)]
    helped = triad_help([by_name[m] for m in members])
    score = sum(f.points for f in pair_fits) / 2 + TRIAD_HELP_POINTS * len(helped)
    pair_reasons = sorted(
        dict.fromkeys(r for f in pair_fits for r in f.reasons), key=_reason_priority
    )
    reasons = (list(helped) or [ODD_CLASS]) + pair_reasons[:TRIAD_REASONS_SHOWN]
    return score, tuple(reasons)


def _reason_priority(reason: str) -> int:
    """Choices first, then language models, then the rest (stable within each)."""
    if " chose " in reason or "want ad" in reason:
        return 0
    if "English" in reason:
        return 1
    return 2


def fixed_group_reasons(is_locked: bool) -> tuple[str, ...]:
    return ("locked by the teacher",) if is_locked else ("kept together by the teacher",)


def _fit(fits: dict[tuple[str, str], Fit], a: str, b: str) -> Fit:
    return fits[(a, b)] if (a, b) in fits else fits[(b, a)]
