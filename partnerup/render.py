"""Plain-text tables for the terminal, and the plan as CSV for a spreadsheet."""

from __future__ import annotations

import csv
import io
import textwrap

from .engine import Plan, spreadsheet_cell

WHY_WIDTH = 60


def plan_table(plan: Plan, elapsed_ms: float | None = None) -> str:
    rows = [("#", "Partner A", "Partner B", "Score", "Why")]
    for number, group in enumerate(plan.partnerships, start=1):
        by_role = sorted(group.roles, key=lambda r: r[1])
        first = by_role[0][0] if by_role else ""
        others = " + ".join(f"{name} ({role})" for name, role in by_role[1:])
        rows.append((str(number), first, others, f"{group.score:g}", "; ".join(group.reasons)))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for row in rows:
        why = textwrap.wrap(row[4], WHY_WIDTH) or [""]
        cells = [row[i].ljust(widths[i]) for i in range(4)]
        lines.append("  ".join([*cells, why[0]]))
        indent = " " * (sum(widths) + 8)
        lines += [indent + more for more in why[1:]]
    if plan.floaters:
        lines.append(f"Floaters: {', '.join(plan.floaters)}")
    for four in plan.partner_partners:
        lines.append(f"Partner partners: {', '.join(four)}")
    lines.append(_summary(plan, elapsed_ms))
    return "\n".join(lines) + "\n"


def _summary(plan: Plan, elapsed_ms: float | None) -> str:
    people = len(plan.members())
    parts = [f"{len(plan.partnerships)} partnerships for {people} students", plan.status]
    if plan.status != "optimal" and plan.bound > plan.objective:
        parts.append(f"within {plan.gap:.1%} of the best possible")
    if elapsed_ms is not None:
        parts.append(f"{elapsed_ms:.0f} ms")
    return " · ".join(parts)


def rotation_table(weeks) -> str:
    lines = []
    for number, groups in enumerate(weeks, start=1):
        joined = ", ".join(" & ".join(g) for g in groups)
        lines.append(f"Week {number}: {joined}")
    return "\n".join(lines) + "\n"


def plan_csv(plan: Plan) -> str:
    """One row per student: group, name, role, score, reasons. Every cell is written
    so a spreadsheet shows it as text (a student named '=HYPERLINK(…)' runs nothing)."""
    rows: list[list[str | int | float]] = [["group", "name", "role", "score", "reasons"]]
    for number, group in enumerate(plan.partnerships, start=1):
        for name, role in group.roles:
            rows.append([number, name, role, group.score, "; ".join(group.reasons)])
    rows += [["floater", name, "", "", ""] for name in plan.floaters]
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return out.getvalue()


def roster_table(students) -> str:
    """The students a roster file gave, one line each with what partnering reads."""
    lines = [f"{len(students)} students:"]
    for student in students:
        parts = [
            f"level {student.level}" if student.level else "",
            f"choices: {', '.join(student.choices)}" if student.choices else "",
            f"avoid: {', '.join(student.avoid)}" if student.avoid else "",
            f"interests: {', '.join(student.interests)}" if student.interests else "",
            f"goals: {', '.join(student.goals)}" if student.goals else "",
            f"{student.home_language}" if student.home_language else "",
        ]
        details = "; ".join(p for p in parts if p)
        lines.append(f"  {student.name}" + (f" — {details}" if details else ""))
    return "\n".join(lines) + "\n"
