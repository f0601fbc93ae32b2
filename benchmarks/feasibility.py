"""Feasibility against exhaustive search on many random small classes.

Target (issue 11): the engine calls a class infeasible exactly when exhaustive search
finds no valid arrangement, every plan it returns passes validation.py (triad limit
and floater count included), and the rules it names as clashing leave no plan on their
own. Classes of 2-9 students with random keep-apart, keep-together and lock rules,
avoid lists, reading and past partners, emergent bilinguals, 0-2 floaters, triads
auto/never and max triads 0-3 (tests/engine/brute_force.py). The test suite runs the
first 2,000 seeds; this runs more.

    .venv/bin/python benchmarks/feasibility.py [--classes 20000] [--out benchmarks/feasibility.md]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.engine.brute_force import Comparison, compare_with_exhaustive_search  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classes", type=int, default=20_000, help="random classes (seeds 0..)")
    parser.add_argument("--out", type=Path, help="also write the table (Markdown) here")
    args = parser.parse_args()
    started = time.perf_counter()
    by_size: dict[int, list[Comparison]] = defaultdict(list)
    for seed in range(args.classes):
        comparison = compare_with_exhaustive_search(seed)
        by_size[comparison.size].append(comparison)
    elapsed = time.perf_counter() - started
    table = _table(by_size, elapsed, os.getloadavg())
    print(table)
    if args.out:
        args.out.write_text(table)
    wrong = [c for rows in by_size.values() for c in rows if c.problems]
    for c in wrong[:20]:
        print(f"seed {c.seed}: {'; '.join(c.problems)}", file=sys.stderr)
    return 1 if wrong else 0


def _table(
    by_size: dict[int, list[Comparison]], elapsed: float, load: tuple[float, float, float]
) -> str:
    lines = [
        "# Feasibility against exhaustive search",
        "",
        "`.venv/bin/python benchmarks/feasibility.py` — random classes of 2–9 students with "
        "random rules and settings (tests/engine/brute_force.py `random_small_class`, "
        "seeds 0..N-1). *Disagreements* are classes the engine called infeasible that have "
        "a valid arrangement, or planned though none exists; *invalid plans* fail "
        "validation.py (triad limit and floater count included); *unreal reasons* name "
        "rules that, kept alone, still leave a plan. All three must be 0.",
        "",
        "| students | classes | with a plan | infeasible (agreed) | disagreements "
        "| invalid plans | unreal reasons |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    totals = [0] * 6
    for size in sorted(by_size):
        rows = by_size[size]
        counts = _counts(rows)
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        lines.append(f"| {size} | " + " | ".join(str(c) for c in counts) + " |")
    lines.append("| **all** | " + " | ".join(f"**{t}**" for t in totals) + " |")
    lines += [
        "",
        f"Time: {elapsed:.1f} s for {totals[0]} classes ({1000 * elapsed / totals[0]:.2f} ms "
        "per class, engine and exhaustive search together); load average "
        f"{load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} on a shared 2-core machine.",
        "",
    ]
    return "\n".join(lines)


def _counts(rows: list[Comparison]) -> list[int]:
    def about(c: Comparison, words: str) -> bool:
        return any(words in p for p in c.problems)

    disagree = [c for c in rows if c.has_plan != c.engine_planned]
    return [
        len(rows),
        sum(c.has_plan for c in rows),
        sum(not c.has_plan and not c.engine_planned for c in rows),
        len(disagree),
        sum(c.engine_planned and c.has_plan and bool(c.problems) for c in rows),
        sum(about(c, "not a reason") or about(c, "generic message") for c in rows),
    ]


if __name__ == "__main__":
    raise SystemExit(main())
