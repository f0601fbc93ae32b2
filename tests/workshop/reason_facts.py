"""A checker for tests: is every reason sentence on today's cards true of the class?

Each sentence shape the app writes for a day (repair.py, Today, temporary partners) is
one small regex with the facts it states. A reason is split into clauses at "; " and
each clause must match a known shape whose facts hold; a clause of no known shape is
a problem too, so a new sentence must be added here before it can pass. A partnership
exactly as the day started (the plan, or temporary partners) may keep the engine's own
reasons for it (scoring and explain have their own tests).

The hard rules are checked with the engine's validation, which is written apart from
the rules the planner and repair use: a keep-together rule holds among the students
who are here and not with the teacher.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations

from partnerup.engine import Plan, PlanSettings, Rule, Student
from partnerup.engine.rules import HardRules, collect_hard_rules
from partnerup.engine.validation import group_violations

Group = tuple[tuple[str, ...], tuple[str, ...]]  # members, reasons


@dataclass(frozen=True)
class ClassDay:
    """What is true of the class today: who is in it, its rules, what the day starts
    from (the plan or temporary partners), who is absent, with the teacher, choosing."""

    students: Sequence[Student]
    rules: Sequence[Rule]
    start: Plan
    absent: frozenset[str] = frozenset()
    with_teacher: frozenset[str] = frozenset()
    choosers: frozenset[str] = frozenset()
    newcomers: frozenset[str] = frozenset()
    temporary_reason: str | None = None  # "Temporary partners for today" while they last
    allow_repeats: bool = False
    by_name: dict[str, Student] = field(init=False)
    today: tuple[Group, ...] = ()  # the day's groups, as reason_problems checks them

    def __post_init__(self):
        object.__setattr__(self, "by_name", {s.name: s for s in self.students})

    def away(self, name: str) -> bool:
        return name in self.absent or name in self.with_teacher

    def start_partners(self, name: str) -> set[str] | None:
        """Who `name` worked with in what the day starts from (None: in no group)."""
        for p in self.start.partnerships:
            if name in p.members:
                return set(p.members) - {name}
        return None

    def hard_rules(self) -> HardRules:
        settings = PlanSettings(allow_repeats=self.allow_repeats)
        return collect_hard_rules(self.students, self.rules, settings)[0]


def groups_of(plan: Plan) -> list[Group]:
    return [(p.members, p.reasons) for p in plan.partnerships]


def listed(text: str) -> list[str]:
    return text.split(" and ")


Check = Callable[[ClassDay, tuple[str, ...], re.Match], str | None]


def _partner_absent(day, members, m):
    partners = day.start_partners(m["x"])
    if not partners or not all(p in day.absent for p in partners):
        return f"not every partner of {m['x']} is absent"
    if (len(partners) == 1) != (m["verb"] == "is"):
        return f"{m['x']} had {len(partners)} partners"
    return None


def _pair_of_orphans(day, members, m):
    if set(members) != {m["a"], m["b"]}:
        return f"the group is not {m['a']} and {m['b']}"
    for x in (m["a"], m["b"]):
        partners = day.start_partners(x)
        if not partners or not all(p in day.absent for p in partners):
            return f"not every partner of {x} is absent"
    return None


def _all_absent(day, members, m):
    wrong = [x for x in listed(m["names"]) if x not in day.absent]
    return f"{', '.join(wrong)} not absent" if wrong else None


def _with_teacher(day, members, m):
    names = listed(m["names"])
    wrong = [x for x in names if x not in day.with_teacher]
    if wrong:
        return f"{', '.join(wrong)} not with the teacher"
    if (len(names) == 1) != (m["verb"] == "works"):
        return "the verb does not agree"
    return None


def _carry_on(day, members, m):
    names = listed(m["names"])
    if sorted(names) != sorted(members):
        return "not the group's members"
    partners = day.start_partners(names[0])
    if partners is None or not set(names[1:]) <= partners:
        return "they were not together"
    gone = partners - set(names)
    if not gone or not all(day.away(x) for x in gone):
        return "nobody of their group is away, or someone away is here"
    return None


def _pair_up(day, members, m):
    return None if sorted(listed(m["names"])) == sorted(members) else "not the group's members"


def _need_a_speaker(day, members, m):
    names = listed(m["names"])
    if any(day.away(x) for x in names):
        return "one of them is away"
    first = day.start_partners(names[0]) or set()
    if not set(names[1:]) <= first:
        return "they were not together"
    if not all(day.by_name[x].needs_language_support for x in names):
        return "one of them speaks English proficiently"
    return None


def _may_not_work_together(day, members, m):
    apart = day.hard_rules().why_apart
    pairs = combinations(listed(m["names"]), 2)
    return None if any(frozenset(p) in apart for p in pairs) else "no rule keeps them apart"


def _floater(day, members, m):
    f = m["f"]
    if f not in day.start.floaters or f in day.choosers:
        return f"{f} is not a floater"
    if day.away(f) or f not in members:
        return f"{f} is not here or not in the group"
    return None


def _joins(day, members, m):
    names = listed(m["names"])
    if not set(names) < set(members) or len(members) != len(names) + 1:
        return "not the group's other members"
    return None if int(m["n"]) == len(members) else f"the group has {len(members)}"


def _new(day, members, m):
    return None if m["x"] in day.newcomers and m["x"] in members else f"{m['x']} is not new"


def _no_fit(day, members, m):
    x = m["x"]
    if tuple(members) != (x,):
        return f"{x} is not alone"
    hard = day.hard_rules()
    fits = [g for g, _ in day.today if 2 <= len(g) < 4 and not hard.group_breaks((*g, x))]
    return f"{x} fits with {list(fits[0])}" if fits else None


def _temporary(day, members, m):
    if m.group(0) != day.temporary_reason:
        return "temporary partners are not on as it says"
    starts = {frozenset(p.members) for p in day.start.partnerships}
    return None if frozenset(members) in starts else "not a temporary partnership"


SHAPES: list[tuple[re.Pattern, Check]] = [
    (re.compile(r"(?P<x>.+)'s partners? (?P<verb>is|are) absent"), _partner_absent),
    (
        re.compile(r"their partners are absent today: (?P<a>.+?) and (?P<b>.+) pair up"),
        _pair_of_orphans,
    ),
    (re.compile(r"(?P<names>.+) absent today"), _all_absent),
    (re.compile(r"(?P<names>.+) (?P<verb>works|work) with the teacher today"), _with_teacher),
    (re.compile(r"(?P<names>.+) carry on"), _carry_on),
    (re.compile(r"(?P<names>.+) pair up"), _pair_up),
    (re.compile(r"(?P<names>.+) need a proficient English speaker"), _need_a_speaker),
    (re.compile(r"(?P<names>.+) may not work together"), _may_not_work_together),
    (re.compile(r"floater (?P<f>.+) partners today"), _floater),
    (re.compile(r"joins (?P<names>.+) as a (?P<n>\d)"), _joins),
    (re.compile(r"(?P<x>.+) is new and observes"), _new),
    (
        re.compile(r"no partnership fits the rules today, so (?P<x>.+) works with the teacher"),
        _no_fit,
    ),
    (re.compile(r"Temporary partners (for today|until \w+)"), _temporary),
]


def clause_problem(day: ClassDay, members: tuple[str, ...], clause: str) -> str | None:
    for shape, check in SHAPES:
        match = shape.fullmatch(clause)
        if match:
            return check(day, members, match)
    return "no known sentence shape"


def reason_problems(day: ClassDay, groups: Sequence[Group]) -> list[str]:
    """Every false or unknown reason on today's groups, with the group it is on."""
    start = {frozenset(p.members): p.reasons for p in day.start.partnerships}
    day = replace(day, today=tuple(groups))
    problems = []
    for members, reasons in groups:
        for reason in reasons:
            if reason in start.get(frozenset(members), ()):
                continue  # the engine's own reason for a partnership kept as it was
            for clause in reason.split("; "):
                problem = clause_problem(day, members, clause)
                if problem:
                    problems.append(f"{list(members)}: '{reason}' — {problem}")
    return problems


def rule_problems(day: ClassDay, today: Plan) -> list[str]:
    """Every hard rule today breaks, and everyone here placed exactly once."""
    here = [s.name for s in day.students if s.name not in day.absent]
    placed = [m for p in today.partnerships for m in p.members] + list(today.floaters)
    problems = [f"{n} placed {placed.count(n)} times" for n in here if placed.count(n) != 1]
    problems += [f"{n} is absent but placed" for n in placed if n in day.absent]
    problems += [
        f"{f} floats but is no floater or chooser"
        for f in today.floaters
        if f not in day.start.floaters
    ]
    rules = _rules_among(day, [n for n in here if n not in day.with_teacher])
    for p in today.partnerships:
        if len(p.members) == 1:
            if not any("works with the teacher" in r for r in p.reasons):
                problems.append(f"{p.members[0]} is alone")
            continue
        if len(p.members) > 4:
            problems.append(f"{list(p.members)} has {len(p.members)} members")
        problems += [
            f"{list(p.members)}: {v}"
            for v in group_violations(p.members, day.by_name, rules, day.allow_repeats)
            if not re.fullmatch(r"group .* has \d members", v)
        ]
    return problems


def _rules_among(day: ClassDay, here: Sequence[str]) -> list[Rule]:
    """The class rules as they hold today: among the students here and partnering."""
    kept = []
    for rule in day.rules:
        members = tuple(m for m in rule.students if m in here)
        if len(members) >= 2:
            kept.append(Rule(rule.kind, members))
    return kept


CHOOSE = re.compile(r"(\d+) students? chooses? their partner")
STILL_CHOOSING = re.compile(
    r'<li class="pcard floaters".*?<ul class="members">(.*?)</ul>', re.DOTALL
)


def choosing_count_problems(page: str) -> list[str]:
    """'N students choose' on the Today page must count the Still choosing list."""
    said = CHOOSE.search(page)
    shown = STILL_CHOOSING.search(page)
    if not said or not shown:
        return ["no 'students choose' sentence or no Still choosing list"]
    listed_chips = len(re.findall(r'class="chip"', shown.group(1)))
    if int(said.group(1)) != listed_chips:
        return [f"says {said.group(1)} choose but lists {listed_chips}"]
    return []
