"""Who worked with whom, read once from a class's saved plans and workshop days."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from partnerup.classes.keys import key_pk
from partnerup.classes.models import Classroom
from partnerup.workshop.models import LeadTurn

# Together this many times (plans and days) with no one else earns a mention.
NEVER_CHANGED_AFTER = 2


@dataclass
class PartnerHistory:
    partners: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    occasions: Counter[int] = field(default_factory=Counter)  # plans and days with a partner
    turns: Counter[int] = field(default_factory=Counter)  # turn-and-talks in a partnership
    led: Counter[int] = field(default_factory=Counter)  # of those, the ones they led
    fair_share: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    _arrangements: dict[tuple, list[int]] = field(default_factory=dict, repr=False)

    def add_arrangement(self, arrangement: dict) -> None:
        groups = tuple(tuple(g.get("members", [])) for g in arrangement.get("groups", []))
        # Days repeat their plan's groups: a set of groups seen before adds an occasion
        # for each member and no new partner, so it is read once.
        if groups in self._arrangements:
            self.occasions.update(self._arrangements[groups])
            return
        placed = []
        for keys in groups:
            pks = [pk for pk in map(key_pk, keys) if pk is not None]
            if len(pks) < 2:
                continue
            placed += pks
            for pk in pks:
                self.partners[pk].update(o for o in pks if o != pk)
        self._arrangements[groups] = placed
        self.occasions.update(placed)

    def add_turns(self, members: str, leader: int, times: int = 1) -> None:
        pks = [int(pk) for pk in members.split("|") if pk.isdigit()]
        for pk in pks:
            self.turns[pk] += times
            self.fair_share[pk] += times / len(pks)
        self.led[leader] += times

    def never_changed(self) -> set[int]:
        """Students who have had one partner only, plan after plan and day after day."""
        return {
            pk
            for pk, partners in self.partners.items()
            if len(partners) == 1 and self.occasions[pk] >= NEVER_CHANGED_AFTER
        }


def partner_history(classroom: Classroom) -> PartnerHistory:
    """Saved plans, workshop days and the lead ledger: three queries."""
    history = PartnerHistory()
    saved = classroom.plans.filter(is_draft=False).values_list("arrangement", flat=True)
    for arrangement in saved:
        history.add_arrangement(arrangement)
    for arrangement in classroom.days.values_list("arrangement", flat=True):
        history.add_arrangement(arrangement)
    turns = (
        LeadTurn.objects.filter(day__classroom=classroom)
        .values_list("members", "leader")
        .annotate(times=Count("pk"))
        .order_by()
    )
    for members, leader, times in turns:
        history.add_turns(members, leader, times)
    return history
