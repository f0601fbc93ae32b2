"""A/B roles: who is partner A (talks first) in each partnership."""

from __future__ import annotations

import random

from .model import PlanSettings, Student

ROLE_LETTERS = "ABC"


def assign_roles(
    members: tuple[str, ...], by_name: dict[str, Student], settings: PlanSettings
) -> tuple[tuple[str, str], ...]:
    """Random order seeded by the plan's seed; with `quiet_first` quiet partners lead as A."""
    rng = random.Random(f"{settings.seed}:roles:{':'.join(sorted(members))}")
    order = sorted(members, key=lambda m: rng.random())
    if settings.roles == "quiet_first":
        order.sort(key=lambda m: by_name[m].talk != "quiet")
    return tuple(zip(order, ROLE_LETTERS, strict=False))
