"""What a class's plan history says: partnerships that never change."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from partnerup.classes.keys import shown
from partnerup.classes.models import Classroom
from partnerup.classes.services import names_of

UNCHANGED_AFTER = 2  # the same partners in this many plans in a row earns a warning


@dataclass(frozen=True)
class Unchanged:
    members: tuple[str, ...]  # names
    plans: int  # consecutive saved plans, up to the current one, that kept them together


def unchanging_partnerships(classroom: Classroom) -> list[Unchanged]:
    """Partners in the current plan who were also together in the plans just before it."""
    saved = classroom.plans.filter(is_draft=False, saved__isnull=False).order_by("-saved")
    current = classroom.current_plan
    if current is None:
        return []
    history = [current] + [p for p in saved if p.pk != current.pk and p.saved < current.saved]
    together_by_plan = [_pairs(plan.arrangement) for plan in history]
    found = []
    names = names_of(classroom)
    for pair in sorted(together_by_plan[0], key=sorted):
        run = 1
        for earlier in together_by_plan[1:]:
            if pair not in earlier:
                break
            run += 1
        if run >= UNCHANGED_AFTER:
            found.append(Unchanged(tuple(sorted(shown(key, names) for key in pair)), run))
    return found


def _pairs(arrangement: dict) -> set[frozenset[str]]:
    return {
        frozenset(pair)
        for group in arrangement.get("groups", [])
        for pair in combinations(group["members"], 2)
    }
