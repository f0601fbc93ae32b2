"""Engine values: frozen dataclasses validated on construction.

A roster is a tuple of `Student`s; teacher rules are `Rule`s; a `Plan` is a tuple of
`Partnership`s (pairs or triads) plus floaters. Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

TALK_STYLES = ("quiet", "balanced", "dominant")
RULE_KINDS = ("keep_apart", "keep_together", "lock")
STRATEGIES = ("random", "choice", "purposeful")
LEVEL_MODES = ("similar", "mixed", "ignore")
TALK_MODES = ("complement", "alike", "ignore")
ROLE_MODES = ("random", "quiet_first")
TRIAD_MODES = ("auto", "never")

# WIDA levels 1-3 are emerging/developing: these writers need a proficient model.
EMERGENT_BILINGUAL_BELOW = 4.0
# WIDA 1-2: a triad with two English models helps more than a pair.
TWO_MODELS_BELOW = 3.0

Talk = Literal["quiet", "balanced", "dominant"]
RuleKind = Literal["keep_apart", "keep_together", "lock"]


@dataclass(frozen=True)
class Student:
    name: str
    level: int | None = None
    goals: tuple[str, ...] = ()
    strengths: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    home_language: str = ""
    english_level: float | None = None
    choices: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    talk: Talk = "balanced"
    often_absent: bool = False
    social_support: bool = False
    floater: bool = False
    new_student: bool = False
    reading_partner: str = ""
    past_partners: tuple[str, ...] = ()
    # From the student's own pages: classmates whose want ads they answered, and the
    # traits they look for in a partner and can offer (plain words).
    answered_ads: tuple[str, ...] = ()
    wants: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a student needs a name")
        if self.level is not None and not 1 <= self.level <= 4:
            raise ValueError(f"{self.name}: writing level must be 1-4")
        if self.english_level is not None and not 1 <= self.english_level <= 6:
            raise ValueError(f"{self.name}: English level must be WIDA 1-6")
        if self.talk not in TALK_STYLES:
            raise ValueError(f"{self.name}: talk must be one of {', '.join(TALK_STYLES)}")

    @property
    def needs_language_support(self) -> bool:
        return self.english_level is not None and self.english_level < EMERGENT_BILINGUAL_BELOW

    @property
    def is_proficient_speaker(self) -> bool:
        return not self.needs_language_support

    @property
    def benefits_from_two_models(self) -> bool:
        return self.english_level is not None and self.english_level < TWO_MODELS_BELOW

    @property
    def steadied_by_a_three(self) -> bool:
        """Any three helps: an often-absent writer's partners still have a partner, and
        a writer who needs social support gets more of it."""
        return self.often_absent or self.social_support

    @property
    def triad_helps(self) -> bool:
        """Some three helps this writer (see helped_in_three)."""
        return bool(helped_in_three(self.steadied_by_a_three, self.benefits_from_two_models, 2))


def helped_in_three(steadied: Any, wants_two_models: Any, english_models: Any) -> Any:
    """Whether a writer is helped by a three holding `english_models` proficient
    speakers: the one rule, for single writers (bools) and for the planner's arrays of
    threes (numpy arrays, hence `|`, `&` and no `if`)."""
    return steadied | (wants_two_models & (english_models >= 2))


@dataclass(frozen=True)
class Rule:
    kind: RuleKind
    students: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.kind not in RULE_KINDS:
            raise ValueError(f"unknown rule '{self.kind}'")
        if len(self.students) < 2:
            raise ValueError(f"a {self.kind} rule needs at least two students")

    @property
    def label(self) -> str:
        return f"{self.kind.replace('_', '-')} {'–'.join(self.students)}"


@dataclass(frozen=True)
class Weights:
    """How much each kind of fit counts. 0 switches a kind off."""

    choices: int = 4
    interests: int = 2
    same_goal: int = 2
    strength_meets_goal: int = 3
    level: int = 2
    talk: int = 2
    language: int = 4


@dataclass(frozen=True)
class PlanSettings:
    strategy: str = "purposeful"
    level: str = "similar"
    talk: str = "complement"
    triads: str = "auto"
    max_triads: int = 3
    floaters: int = 0
    partner_partners: bool = False
    roles: str = "random"
    allow_repeats: bool = False
    seed: int = 0
    time_limit: float = 10.0
    weights: Weights = field(default_factory=Weights)

    def __post_init__(self) -> None:
        for value, allowed, what in (
            (self.strategy, STRATEGIES, "strategy"),
            (self.level, LEVEL_MODES, "level"),
            (self.talk, TALK_MODES, "talk"),
            (self.triads, TRIAD_MODES, "triads"),
            (self.roles, ROLE_MODES, "roles"),
        ):
            if value not in allowed:
                raise ValueError(f"{what} must be one of {', '.join(allowed)}, not '{value}'")
        if self.floaters < 0 or self.max_triads < 0:
            raise ValueError("floaters and max triads cannot be negative")
        if self.time_limit <= 0:
            raise ValueError("the time limit must be positive")


@dataclass(frozen=True)
class Partnership:
    """A pair or a triad. `roles` maps each member to A, B (and C in a triad)."""

    members: tuple[str, ...]
    roles: tuple[tuple[str, str], ...] = ()
    score: float = 0.0
    reasons: tuple[str, ...] = ()
    is_locked: bool = False
    # The partnership's number for the life of its plan (chart, board, Today); 0 until
    # board.numbered gives it one.
    number: int = 0

    def __post_init__(self) -> None:
        if not self.members:
            raise ValueError("a partnership needs members")
        if self.number < 0:
            raise ValueError("a partnership number cannot be negative")
        if len(set(self.members)) != len(self.members):
            raise ValueError("a student appears twice in one partnership")

    @property
    def role_of(self) -> dict[str, str]:
        return dict(self.roles)

    @property
    def is_triad(self) -> bool:
        return len(self.members) == 3


@dataclass(frozen=True)
class Plan:
    status: Literal["optimal", "feasible", "infeasible", "edited"]
    partnerships: tuple[Partnership, ...]
    floaters: tuple[str, ...] = ()
    objective: float = 0.0
    bound: float = 0.0
    conflicts: tuple[str, ...] = ()
    partner_partners: tuple[tuple[str, ...], ...] = ()
    # Carried so repair can keep the hard rules without the roster.
    forbidden_pairs: tuple[tuple[str, str], ...] = ()
    emergent_bilinguals: tuple[str, ...] = ()

    @property
    def gap(self) -> float:
        if self.bound <= self.objective:
            return 0.0
        return (self.bound - self.objective) / max(abs(self.bound), 1e-9)

    def members(self) -> list[str]:
        return [name for p in self.partnerships for name in p.members]
