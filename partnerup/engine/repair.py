"""Today's partnerships when someone is absent, from the plan for the unit.

Order of repair (as teachers do it): students whose partner is absent pair with each
other first, else take a floater, else join a partnership as a three — preferring a
partnership that has already changed today, so as few as possible are touched. A
partnership with nobody absent keeps its members (and its reasons) unless a
partner-less student has nowhere else to go. A new student joins a partnership to
observe. The plan itself is not changed: tomorrow starts again from it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from .errors import RosterError
from .io import suggest
from .model import Partnership, Plan
from .rules import HardRules, hard_rules_of_plan

TEACHER = "the teacher"


@dataclass
class _Day:
    """Today's rules and who is away, with true words for why a group changes."""

    rules: HardRules
    away: set[str] = field(default_factory=set)
    with_teacher: set[str] = field(default_factory=set)  # away from partners, not absent

    def allows(self, members: Sequence[str]) -> bool:
        return self.rules.allows(members)

    def gone(self, names: Sequence[str]) -> list[str]:
        """What happened to the away students among `names`, one clause per kind."""
        absent = [m for m in names if m in self.away and m not in self.with_teacher]
        busy = [m for m in names if m in self.with_teacher]
        clauses = [f"{' and '.join(absent)} absent today"] if absent else []
        if busy:
            verb = "works" if len(busy) == 1 else "work"
            clauses.append(f"{' and '.join(busy)} {verb} with {TEACHER} today")
        return clauses

    def why_alone(self, name: str, p: Partnership) -> list[str]:
        """True words for why `name` leaves partnership `p` today (someone in it is away)."""
        others = [m for m in p.members if m != name]
        stay = [m for m in others if m not in self.away]
        if not stay and not self.with_teacher & set(others):
            return [
                f"{name}'s partner is absent"
                if len(others) == 1
                else f"{name}'s partners are absent"
            ]
        clauses = self.gone([m for m in others if m in self.away])
        if stay:
            left = [name, *stay]
            together = " and ".join(left)
            if self.rules.language_ok(left):
                clauses.append(f"{together} may not work together")
            else:
                clauses.append(f"{together} need a proficient English speaker")
        return clauses


def repair_for_absences(
    plan: Plan,
    absent: Sequence[str],
    new_students: Sequence[str] = (),
    hard: HardRules | None = None,
    with_teacher: Collection[str] = (),
) -> Plan:
    """Today's arrangement for `plan` with `absent` students away and `new_students` joining.

    `hard` is the class's hard rules as they are today; without it, the rules the plan
    carries (its kept-apart pairs and emergent bilinguals) are kept. Keep-together and
    locks bind the students who are here; the spread of often-absent writers is for
    plans, not for one day. `with_teacher` names those of `absent` who are here but
    work with the teacher, so the reasons say so instead of calling them absent. Every
    reason names only what is true today (who is away, why a group splits, who pairs
    up with whom).

    Guarantees: every present student is placed exactly once; no new group breaks a
    hard rule; partnerships untouched by absences are returned identical; nobody works
    alone unless no classmate can take them (then they work with the teacher). Raises
    RosterError for an unknown or doubly-listed name.
    """
    everyone = plan.members() + list(plan.floaters)
    _check_names(everyone, absent, new_students)
    away = set(absent)
    rules = (hard or hard_rules_of_plan(plan)).relaxed().present(away)
    day = _Day(rules, away, set(with_teacher) & away)
    groups: list[Partnership] = []
    touched: set[int] = set()
    orphans: list[tuple[str, Partnership]] = []
    for p in plan.partnerships:
        present = [m for m in p.members if m not in away]
        if len(present) == len(p.members):
            groups.append(p)
        elif len(present) >= 2 and day.allows(present):
            touched.add(len(groups))
            groups.append(_without(p, present, day))
        else:
            orphans += [(m, p) for m in present]
    floaters = [f for f in plan.floaters if f not in away]
    left = _pair_orphans(day, orphans, groups, touched)
    left = _take_floaters(day, left, floaters, groups, touched, dict(orphans))
    was_in = dict(orphans)
    for name in left:
        why = "; ".join(day.why_alone(name, was_in[name]))
        _join_a_partnership(day, name, groups, touched, why)
    for name in new_students:
        _join_a_partnership(day, name, groups, touched, f"{name} is new and observes")
    return Plan(
        status="feasible",
        partnerships=tuple(groups),
        floaters=tuple(floaters),
        objective=sum(g.score for g in groups),
        bound=0.0,
        forbidden_pairs=plan.forbidden_pairs,
        emergent_bilinguals=plan.emergent_bilinguals,
    )


def _check_names(everyone: list[str], absent: Sequence[str], new: Sequence[str]) -> None:
    known = set(everyone)
    for name in absent:
        if name not in known:
            raise RosterError(
                f"'{name}' is not in this plan{suggest(name, everyone)}", column="absent"
            )
    if len(set(absent)) != len(absent):
        raise RosterError("a student is listed as absent twice", column="absent")
    for name in new:
        if name in known:
            raise RosterError(f"'{name}' is already in the class", column="new")


def _without(p: Partnership, present: list[str], day: _Day) -> Partnership:
    gone = day.gone([m for m in p.members if m in day.away])
    return Partnership(
        members=tuple(present),
        roles=_roles_in_order(p, present),
        score=p.score,
        reasons=("; ".join([*gone, f"{' and '.join(present)} carry on"]),),
        is_locked=p.is_locked,
        number=p.number,
    )


def _roles_in_order(p: Partnership, members: Sequence[str]) -> tuple[tuple[str, str], ...]:
    old = p.role_of
    ordered = sorted(members, key=lambda m: (old.get(m, "Z"), m))
    return tuple(zip(ordered, "ABC", strict=False))


def _pair_orphans(
    day: _Day,
    orphans: list[tuple[str, Partnership]],
    groups: list[Partnership],
    touched: set[int],
) -> list[str]:
    names = [m for m, _ in orphans]
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(names)
    graph.add_edges_from((a, b) for a, b in combinations(names, 2) if day.allows((a, b)))
    matching = nx.max_weight_matching(graph, maxcardinality=True)
    was_in = dict(orphans)
    paired: set[str] = set()
    for a, b in sorted(tuple(sorted(e)) for e in matching):
        touched.add(len(groups))
        why = day.why_alone(a, was_in[a]) + day.why_alone(b, was_in[b])
        if why == [f"{a}'s partner is absent", f"{b}'s partner is absent"]:
            reason = f"their partners are absent today: {a} and {b} pair up"
        else:
            reason = "; ".join([*dict.fromkeys(why), f"{a} and {b} pair up"])
        groups.append(
            Partnership(
                members=(a, b),
                roles=_merge_roles(was_in[a], was_in[b], a, b),
                reasons=(reason,),
            )
        )
        paired.update((a, b))
    return [m for m in names if m not in paired]


def _merge_roles(pa: Partnership, pb: Partnership, a: str, b: str) -> tuple[tuple[str, str], ...]:
    ra, rb = pa.role_of.get(a, "A"), pb.role_of.get(b, "B")
    first, second = (a, b) if (ra, a) <= (rb, b) else (b, a)
    return ((first, "A"), (second, "B"))


def _take_floaters(
    day: _Day,
    left: list[str],
    floaters: list[str],
    groups: list[Partnership],
    touched: set[int],
    was_in: dict[str, Partnership],
) -> list[str]:
    still = []
    for name in left:
        floater = next((f for f in floaters if day.allows((name, f))), None)
        if floater is None:
            still.append(name)
            continue
        floaters.remove(floater)
        touched.add(len(groups))
        groups.append(
            Partnership(
                members=(name, floater),
                roles=((name, "A"), (floater, "B")),
                reasons=(
                    "; ".join(
                        [*day.why_alone(name, was_in[name]), f"floater {floater} partners today"]
                    ),
                ),
            )
        )
    return still


def _join_a_partnership(
    day: _Day, name: str, groups: list[Partnership], touched: set[int], why: str
) -> None:
    """Add `name` as a third (a fourth only when no pair can take them), or to the teacher."""
    by_preference = sorted(
        range(len(groups)),
        key=lambda i: (len(groups[i].members), i not in touched, i),
    )
    for i in by_preference:
        g = groups[i]
        if len(g.members) < 4 and day.allows((*g.members, name)):
            letter = "ABCD"[len(g.members)]
            groups[i] = Partnership(
                members=(*g.members, name),
                roles=(*g.roles, (name, letter)),
                score=g.score,
                reasons=(f"{why}; joins {' and '.join(g.members)} as a {len(g.members) + 1}",),
                is_locked=g.is_locked,
                number=g.number,
            )
            touched.add(i)
            return
    groups.append(
        Partnership(
            members=(name,),
            roles=((name, "A"),),
            reasons=(
                f"{why}; no partnership fits the rules today, so {name} works with {TEACHER}",
            ),
        )
    )
