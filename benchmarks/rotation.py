"""Monday headline partners: weeks without a repeated pair against the counting bound.

Target (issue 11, point 4): an odd class goes without a repeat at least as long as the
week-by-week exact model (31 students, no rules: 25 weeks) and within 10 % of the
counting bound (`no_repeat_bound`) with keep-apart rules and long-term partners left
out, in at most 1 s for 30 weeks. Even classes are shown beside them.

Settings, for each class size and seed:
- no rules: plain students, nothing kept apart;
- long-term partners: the students' long-term plan (pairs, and three triads in an odd
  class or two in an even one, as the planner makes them) is left out;
- keep-apart: the synthetic class's avoid lists and rules plus 2n random keep-apart
  pairs (each student kept apart from about four classmates).

"Weeks" is how many weeks pass before the first repeated pair (asking for enough weeks
to see it); time is `rotate_headline_partners(..., 30 weeks)` with the round cache
cleared, median of `--runs` runs, then the median and the worst over the seeds.

    .venv/bin/python benchmarks/rotation.py [--seeds 3] [--runs 5] [--out benchmarks/rotation.md]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from itertools import combinations
from pathlib import Path

from partnerup.engine import Partnership, Plan, Rule, Student
from partnerup.engine import rotate as rotation
from partnerup.engine.synthetic import synthetic_class

SIZES = (20, 21, 30, 31, 36, 37)
SETTINGS = ("no rules", "long-term partners", "keep-apart")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3, help="classes per size and setting")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per class")
    parser.add_argument("--out", type=Path, help="also write the table (Markdown) here")
    args = parser.parse_args()
    table = _measure(args.seeds, args.runs)
    print(table)
    if args.out:
        args.out.write_text(table + "\n")
    return 0


def _class(n: int, setting: str, seed: int):
    if setting == "no rules":
        return tuple(Student(name=f"S{i:02}") for i in range(n)), (), None
    if setting == "long-term partners":
        students = tuple(Student(name=f"S{i:02}") for i in range(n))
        return students, (), _long_term(students, 3 if n % 2 else 2, seed)
    students, rules = synthetic_class(n, seed)
    pairs = list(combinations([s.name for s in students], 2))
    apart = random.Random(f"rotation-bench:{n}:{seed}").sample(pairs, 2 * n)
    return students, rules + tuple(Rule("keep_apart", p) for p in apart), None


def _long_term(students, triads: int, seed: int) -> Plan:
    names = [s.name for s in students]
    random.Random(f"long-term:{len(names)}:{seed}").shuffle(names)
    groups = [tuple(names[3 * i : 3 * i + 3]) for i in range(triads)]
    rest = names[3 * triads :]
    groups += [tuple(rest[i : i + 2]) for i in range(0, len(rest), 2)]
    return Plan("optimal", tuple(Partnership(g) for g in groups))


def _weeks_without_repeat(weeks) -> int:
    seen: set[frozenset[str]] = set()
    for number, week in enumerate(weeks):
        pairs = {frozenset(p) for g in week for p in combinations(g, 2)}
        if pairs & seen:
            return number
        seen |= pairs
    return len(weeks)


def _timed(students, rules, plan, runs: int) -> float:
    times = []
    for _ in range(runs):
        rotation._round.cache_clear()
        start = time.perf_counter()
        rotation.rotate_headline_partners(students, 30, rules, plan)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _measure(seeds: int, runs: int) -> str:
    rows = []
    for n in SIZES:
        for setting in SETTINGS:
            reached, bounds, times = [], [], []
            for seed in range(1 if setting == "no rules" else seeds):
                students, rules, plan = _class(n, setting, seed)
                bound = rotation.no_repeat_bound(students, rules, plan)
                rotation._round.cache_clear()
                weeks = rotation.rotate_headline_partners(students, bound + 1, rules, plan)
                reached.append(_weeks_without_repeat(weeks))
                bounds.append(bound)
                times.append(_timed(students, rules, plan, runs))
            share = min(r / b for r, b in zip(reached, bounds, strict=True))
            rows.append(
                f"| {n} | {setting} | "
                + ", ".join(f"{r}/{b}" for r, b in zip(reached, bounds, strict=True))
                + f" | {share:.0%} | {statistics.median(times) * 1000:.0f} | "
                f"{max(times) * 1000:.0f} | {os.getloadavg()[0]:.2f} |"
            )
    header = (
        f"Headline partners: weeks before the first repeated pair / counting bound "
        f"(`no_repeat_bound`), one class per seed ({seeds} seeds; one class without rules), "
        f"and time for 30 weeks (median of {runs} runs per class; median and worst over "
        "the classes). CPython, 2 shared cores; load = 1-minute load average when the row "
        "was measured.\n\n"
        "| students | setting | weeks / bound | worst % of bound | median ms | max ms | load |\n"
        "|---|---|---|---|---|---|---|"
    )
    return "\n".join([header, *rows])


if __name__ == "__main__":
    raise SystemExit(main())
