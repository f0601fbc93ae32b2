"""Engine values: frozen dataclasses validated on construction.

A roster is a tuple of `Student`s; teacher rules are `Rule`s; a `Plan` is a tuple of
`Partnership`s (pairs or triads) plus floaters. Nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
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


# The student contract. Each field of `Student` says what kind of value it holds, and
# every adapter derives from that: the web's model conversion, the class archive and
# the import (classmates by id), the form's flags. Kinds:
#   text, tags (a list of words), level (writing 1-4), english_level (WIDA 1-6),
#   talk (a TALK_STYLES word), flag (yes/no), classmates (ranked or listed
#   classmates), classmate (one classmate or none), voice (from the student's pages),
#   observed (classmates the teacher saw the student choose to work with, e.g. in
#   choice time: kept by the teacher day by day, not typed on the roster).
StudentFieldKind = Literal[
    "name", "text", "tags", "level", "english_level", "talk", "flag", "classmates",
    "classmate", "voice", "observed"
]  # fmt: skip
LEVELS = (1, 4)
ENGLISH_LEVELS = (1, 6)


def _kind(kind: StudentFieldKind, default: Any = None) -> Any:
    if kind in ("tags", "classmates", "voice", "observed"):
        return field(default=(), metadata={"kind": kind})
    return field(default=default, metadata={"kind": kind})


@dataclass(frozen=True)
class Student:
    name: str = _kind("name", "")
    level: int | None = _kind("level")
    goals: tuple[str, ...] = _kind("tags")
    strengths: tuple[str, ...] = _kind("tags")
    interests: tuple[str, ...] = _kind("tags")
    home_language: str = _kind("text", "")
    english_level: float | None = _kind("english_level")
    choices: tuple[str, ...] = _kind("classmates")
    avoid: tuple[str, ...] = _kind("classmates")
    talk: Talk = _kind("talk", "balanced")
    often_absent: bool = _kind("flag", False)
    social_support: bool = _kind("flag", False)
    floater: bool = _kind("flag", False)
    new_student: bool = _kind("flag", False)
    reading_partner: str = _kind("classmate", "")
    past_partners: tuple[str, ...] = _kind("classmates")
    # From the student's own pages: classmates whose want ads they answered, and the
    # traits they look for in a partner and can offer (plain words).
    answered_ads: tuple[str, ...] = _kind("voice")
    wants: tuple[str, ...] = _kind("voice")
    offers: tuple[str, ...] = _kind("voice")
    # Classmates this student chose to work with in choice time (a natural partnership
    # the teacher saw); it counts like a choice both ways.
    chose_in_choice_time: tuple[str, ...] = _kind("observed")

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a student needs a name")
        if self.level is not None and not LEVELS[0] <= self.level <= LEVELS[1]:
            raise ValueError(f"{self.name}: writing level must be 1-4")
        if self.english_level is not None and not (
            ENGLISH_LEVELS[0] <= self.english_level <= ENGLISH_LEVELS[1]
        ):
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


def student_fields(*kinds: StudentFieldKind) -> tuple[str, ...]:
    """The names of `Student`'s fields of these kinds (every field when none given), in
    the dataclass's order."""
    return tuple(f.name for f in fields(Student) if not kinds or f.metadata["kind"] in kinds)


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


WEIGHT_KINDS = tuple(f.name for f in fields(Weights))


def _setting(default: Any, help: str, choices: tuple[str, ...] = ()) -> Any:
    return field(default=default, metadata={"help": help, "choices": choices})


@dataclass(frozen=True)
class PlanSettings:
    """How to plan. The contract for every adapter: the CLI's flags, the web's stored
    choices (`to_dict`/`from_dict`) and its form's options derive from these fields,
    their defaults, choices and help."""

    strategy: str = _setting("purposeful", "how to weigh the fits", STRATEGIES)
    level: str = _setting("similar", "writing levels", LEVEL_MODES)
    talk: str = _setting("complement", "talk styles", TALK_MODES)
    triads: str = _setting("auto", "threes where they help, or never", TRIAD_MODES)
    max_triads: int = _setting(3, "most triads")
    floaters: int = _setting(0, "students kept as floaters")
    partner_partners: bool = _setting(False, "join pairs into fours")
    roles: str = _setting("random", "who is partner A", ROLE_MODES)
    allow_repeats: bool = _setting(False, "allow past partners again")
    seed: int = _setting(0, "same seed, same plan")
    time_limit: float = _setting(10.0, "seconds")
    weights: Weights = field(default_factory=Weights)

    def __post_init__(self) -> None:
        for f in fields(self):
            allowed = f.metadata.get("choices")
            value = getattr(self, f.name)
            if allowed and value not in allowed:
                raise ValueError(f"{f.name} must be one of {', '.join(allowed)}, not '{value}'")
        if self.floaters < 0 or self.max_triads < 0:
            raise ValueError("floaters and max triads cannot be negative")
        if self.time_limit <= 0:
            raise ValueError("the time limit must be positive")

    def to_dict(self) -> dict[str, Any]:
        """Plain values (weights as a dict), e.g. to store with a plan."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PlanSettings:
        """Settings from plain values; a missing key (or weight) takes its default.
        Raises ValueError naming an unknown key or a value of the wrong kind."""
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise ValueError(f"unknown planning setting '{unknown[0]}'")
        values: dict[str, Any] = {}
        for name, value in data.items():
            if name == "weights":
                continue
            default = known[name].default
            if isinstance(default, bool) is not isinstance(value, bool) or (
                not isinstance(value, type(default))
                and not (isinstance(default, float) and isinstance(value, int))
            ):
                raise ValueError(f"{name} must be {type(default).__name__}, not {value!r}")
            values[name] = value
        weights = dict(data.get("weights") or {})
        bad = [k for k, v in weights.items() if k not in WEIGHT_KINDS or type(v) is not int]
        if bad:
            raise ValueError(f"weight '{bad[0]}' must be a whole number of a known kind")
        return cls(**values, weights=Weights(**weights))


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
