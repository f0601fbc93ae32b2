"""Partner jobs: the roles partners take in turn inside a partnership.

A role in use is either one job ("editor": one partner has it, the other has it next
session) or a pair of halves ("listener and talker": one partner each, swapped next
session). Invariants, for a partnership of two or three members in A/B(/C) order:
- in one session every job of every role in use goes to exactly one member, and the
  two halves of a pair role go to two different members;
- the jobs follow the A/B order, never the names: session 0 starts with partner A, and
  each later session moves every job on to the next member (A → B → C → A);
- so over any run of consecutive sessions every member has every job equally often,
  within one.
A student working alone (with the teacher) has no partner job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .errors import InputError

MOST_HALVES = 2


@dataclass(frozen=True)
class PartnerRole:
    """A role in use: its key, and whether it is split in two halves (a pair role)."""

    key: str
    halves: int = 1

    def __post_init__(self) -> None:
        if not self.key:
            raise InputError("A partner role needs a key.")
        if self.halves not in range(1, MOST_HALVES + 1):
            raise InputError(f"Partner role {self.key} has {self.halves} halves: 1 or 2.")


@dataclass(frozen=True)
class Job:
    """One member's job: a role, and for a pair role which half (0 or 1)."""

    role: str
    half: int = 0


def partner_jobs(
    members: Sequence[str], roles: Sequence[PartnerRole], session: int
) -> dict[str, tuple[Job, ...]]:
    """Each member's jobs in `session` (0 for the first workshop day of the unit).

    `members` are the partnership's members in A/B(/C) order; `roles` the roles in use,
    in the teacher's order. Every member is a key of the answer (an empty tuple when
    they have no job). Raises InputError for a negative session, a member named twice
    or a role in use twice.
    """
    if session < 0:
        raise InputError(f"Session {session} is before the first session (0).")
    if len(set(members)) != len(members):
        raise InputError("A partnership names a member twice.")
    if len({r.key for r in roles}) != len(roles):
        raise InputError("A partner role is in use twice.")
    jobs: dict[str, list[Job]] = {m: [] for m in members}
    if len(members) < 2:
        return {m: () for m in members}
    slots = [Job(role.key, half) for role in roles for half in range(role.halves)]
    for index, job in enumerate(slots):
        jobs[members[(index + session) % len(members)]].append(job)
    return {m: tuple(j) for m, j in jobs.items()}
