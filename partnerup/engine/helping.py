"""The help board: each open "I need help with…" matched to a classmate who posted
"I can help with…" the same skill.

Invariants of every matching `match_helpers` returns:

- a need is matched only to a student who offers its skill, never to its own writer;
- never across a keep-apart rule or an avoid list (the class's `HardRules`); the
  other hard rules are about long-term partnerships (past partners, reading partners,
  language, keep-together) and do not stop one classmate helping another for a while;
- nobody away today helps or is helped;
- every need that has a possible helper is matched (helpers have no upper limit);
- spread: a need goes to a helper with the fewest needs so far, so a helper gets a
  second need only when no free helper can take it; among those, the one who has
  helped least (`helped`), then the first key — the result is deterministic;
- oldest need first, and a match already made (`kept`) stays while it is still
  allowed, so a child told "Ana can help you" is not moved when a later need or a new
  offer comes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .rules import HardRules

# The kinds of kept-apart rules that also keep a helper away (see the docstring).
HELP_APART_KINDS = frozenset({"keep_apart", "avoid"})


@dataclass(frozen=True)
class HelpNeed:
    """An open "I need help with `skill`": `key` names the post, `student` its writer,
    `order` puts the oldest first (e.g. seconds since the board began)."""

    key: str
    student: str
    skill: str
    order: int


@dataclass(frozen=True)
class HelpOffer:
    """ "I can help with `skill`", posted by `student`."""

    student: str
    skill: str


@dataclass(frozen=True)
class HelpMatch:
    need: str  # the need's key
    helper: str  # the helper's student key


def help_apart(rules: HardRules) -> frozenset[frozenset[str]]:
    """The pairs who may not help each other: keep-apart rules and avoid lists."""
    return frozenset(
        pair for rule in rules.apart if rule.kind in HELP_APART_KINDS for pair in rule.pairs()
    )


def match_helpers(
    needs: Sequence[HelpNeed],
    offers: Iterable[HelpOffer],
    rules: HardRules,
    *,
    helped: Mapping[str, int] | None = None,
    away: Iterable[str] = (),
    kept: Mapping[str, str] | None = None,
) -> tuple[HelpMatch, ...]:
    """A helper for each need that can have one (the invariants are at the top of
    this module), oldest need first; needs without a possible helper are left out.

    `helped`: how often each student has helped lately (fewer is preferred);
    `away`: students absent today; `kept`: need key → helper of matches already made.
    """
    apart = help_apart(rules)
    gone = frozenset(away)
    helped = helped or {}
    kept = kept or {}
    helpers: dict[str, list[str]] = {}
    for offer in offers:
        if offer.student not in gone and offer.student not in helpers.setdefault(offer.skill, []):
            helpers[offer.skill].append(offer.student)

    def can_help(helper: str, need: HelpNeed) -> bool:
        return (
            helper != need.student
            and helper in helpers.get(need.skill, ())
            and frozenset((helper, need.student)) not in apart
        )

    oldest_first = sorted(
        (n for n in needs if n.student not in gone), key=lambda n: (n.order, n.key)
    )
    load: dict[str, int] = {}
    chosen: dict[str, str] = {}
    for need in oldest_first:
        helper = kept.get(need.key)
        if helper is not None and can_help(helper, need):
            chosen[need.key] = helper
            load[helper] = load.get(helper, 0) + 1
    for need in oldest_first:
        if need.key in chosen:
            continue
        able = [h for h in helpers.get(need.skill, ()) if can_help(h, need)]
        if not able:
            continue
        helper = min(able, key=lambda h: (load.get(h, 0), helped.get(h, 0), h))
        chosen[need.key] = helper
        load[helper] = load.get(helper, 0) + 1
    return tuple(HelpMatch(n.key, chosen[n.key]) for n in oldest_first if n.key in chosen)
