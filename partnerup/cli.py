"""`partnerup` command line: a thin adapter that reads files, calls the engine, prints.

Exit codes: 0 ok; 2 bad input (file, row, column named); 3 the rules cannot all hold.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

from .engine import (
    IGNORE_COLUMN,
    MAX_ROSTER_BYTES,
    ROSTER_FIELDS,
    WEIGHT_KINDS,
    InfeasibleError,
    InputError,
    Plan,
    PlanSettings,
    RosterFile,
    Weights,
    is_school_bundle,
    plan_from_dict,
    plan_partnerships,
    plan_to_dict,
    read_roster_file,
    read_rules_file,
    read_school_bundle,
    repair_for_absences,
    rotate_headline_partners,
    too_large_message,
)
from .render import plan_csv, plan_table, roster_table, rotation_table

EXIT_OK, EXIT_BAD_INPUT, EXIT_INFEASIBLE = 0, 2, 3
ROSTER_HELP = (
    "class roster: CSV (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252), .xlsx, "
    "or a school's OneRoster 1.1/1.2 or Clever zip (with --class)"
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except InputError as error:
        print(f"partnerup: {error.located()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except InfeasibleError as error:
        _print_conflicts(error.conflicts, args)
        return EXIT_INFEASIBLE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="partnerup",
        description="Form, repair and rotate writing partnerships for a class.",
    )
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
    _add_plan(verbs)
    _add_repair(verbs)
    _add_rotate(verbs)
    _add_roster(verbs)
    bench = verbs.add_parser("bench", help="time the engine on synthetic classes")
    bench.add_argument("--runs", type=int, default=20, help="classes per size (default 20)")
    bench.add_argument("--out", type=Path, help="also write the table (Markdown) to this file")
    bench.set_defaults(run=_bench)
    _add_serve(verbs)
    return parser


def _add_serve(verbs) -> None:
    serve = verbs.add_parser(
        "serve",
        help="serve the teacher web app on this computer",
        description="Prepare the database (migrate) and serve the web app. With --demo, "
        "also load the demo class on first run and offer one-click demo sign-in. For a "
        "school server, use bin/partnerup-start (gunicorn; README: Run it for a school).",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--demo", action="store_true", help="local demo mode (never in production)")
    serve.set_defaults(run=_serve)


def _add_plan(verbs) -> None:
    plan = verbs.add_parser(
        "plan",
        help="form partnerships from a class roster (CSV, .xlsx or a school's roster zip)",
        description="Form partnerships from a class roster: a CSV or .xlsx file, e.g. a "
        "Google Forms or Microsoft Forms export, or one class (--class) of a school's "
        "OneRoster or Clever zip (see README for the columns).",
    )
    plan.add_argument("roster", type=Path, help=ROSTER_HELP)
    _add_columns(plan)
    plan.add_argument(
        "--rules",
        type=Path,
        help="teacher rules file, CSV (any encoding or delimiter) or .xlsx: rule,students",
    )
    _add_settings(plan)
    _add_format(plan, ("table", "csv", "json"))
    plan.add_argument("--out", type=Path, help="write to this file instead of the screen")
    plan.set_defaults(run=_plan)


def _add_settings(plan) -> None:
    """A flag for each of the engine's planning settings, from its fields."""
    for setting in fields(PlanSettings):
        flag = "--" + setting.name.replace("_", "-")
        default = setting.default
        if setting.name == "weights":
            for kind in WEIGHT_KINDS:
                weight = getattr(Weights(), kind)
                plan.add_argument(
                    f"--weight-{kind.replace('_', '-')}",
                    type=int,
                    metavar="N",
                    help=f"weight for {kind.replace('_', ' ')} (default {weight})",
                )
        elif isinstance(default, bool):
            plan.add_argument(flag, action="store_true", help=setting.metadata["help"])
        else:
            plan.add_argument(
                flag,
                type=type(default),
                choices=setting.metadata["choices"] or None,
                default=default,
                help=f"{setting.metadata['help']} (default {default})",
            )


def _add_repair(verbs) -> None:
    repair = verbs.add_parser(
        "repair",
        help="today's partnerships when students are absent",
        description="Today's partnerships from a saved plan (plan --format json).",
    )
    repair.add_argument("plan", type=Path, help="plan JSON written by 'partnerup plan'")
    repair.add_argument("--absent", default="", help='absent students, e.g. "Ana;Ben"')
    repair.add_argument("--new", default="", help='new students who join to observe, "Nia"')
    _add_format(repair, ("table", "json"))
    repair.set_defaults(run=_repair)


def _add_rotate(verbs) -> None:
    rotate = verbs.add_parser(
        "rotate",
        help="weekly 'Monday headline partners' that do not repeat",
        description="Weekly rotation partners: no repeats while avoidable, never the "
        "long-term partner (--exclude), keep-apart rules respected.",
    )
    rotate.add_argument("roster", type=Path, help=ROSTER_HELP)
    _add_columns(rotate)
    rotate.add_argument("--weeks", type=int, required=True, help="how many weeks")
    rotate.add_argument(
        "--rules", type=Path, help="teacher rules file, CSV or .xlsx (keep-apart is used)"
    )
    rotate.add_argument("--exclude", type=Path, help="plan JSON of long-term partners")
    _add_format(rotate, ("table", "json"))
    rotate.set_defaults(run=_rotate)


def _add_roster(verbs) -> None:
    roster = verbs.add_parser(
        "roster",
        help="check a roster file: the columns read and the students, or every problem",
        description="Read a roster file as plan and rotate would: print the field each "
        "column feeds and the students read, or every problem found (exit 2).",
    )
    roster.add_argument("roster", type=Path, help=ROSTER_HELP)
    _add_columns(roster)
    roster.set_defaults(run=_roster)


def _add_columns(parser) -> None:
    parser.add_argument(
        "--column",
        action="append",
        default=[],
        type=_column_change,
        metavar="HEADER=FIELD",
        help="the field a column feeds, overriding the guess from its header, e.g. "
        "--column 'Pick three classmates=choices' or 'Email=ignore' (repeatable); fields: "
        + ", ".join(ROSTER_FIELDS),
    )
    parser.add_argument("--sheet", help="the sheet of an .xlsx workbook (default: the first)")
    parser.add_argument(
        "--class",
        dest="school_class",
        metavar="TITLE",
        help="the class to read from a OneRoster or Clever zip, by its title or class code "
        "(needed when the zip holds more than one)",
    )


def _column_change(text: str) -> tuple[str, str]:
    header, equals, field = text.rpartition("=")
    field = "_".join(field.strip().lower().split())
    if not equals or not header.strip():
        raise argparse.ArgumentTypeError(f"'{text}' is not HEADER=FIELD")
    if field == "ignore":
        return header.strip(), IGNORE_COLUMN
    if field not in ROSTER_FIELDS:
        raise argparse.ArgumentTypeError(
            f"'{field}' is not a roster field; use one of {', '.join(ROSTER_FIELDS)} or ignore"
        )
    return header.strip(), field


def _add_format(parser, formats: tuple[str, ...]) -> None:
    parser.add_argument("--format", choices=formats, default="table")


def _read(path: Path, error_kind: str = "file") -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"no such {error_kind}", file=str(path)) from None
    except UnicodeDecodeError:
        raise InputError(
            "the file is not UTF-8 text (save it as CSV UTF-8)", file=str(path)
        ) from None
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror})", file=str(path)) from None


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_ROSTER_BYTES:
            raise InputError(too_large_message(), file=str(path))
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", file=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror})", file=str(path)) from None


def _read_roster(args) -> RosterFile:
    data, file = _read_bytes(args.roster), str(args.roster)
    if not args.school_class and is_school_bundle(data):
        classes = read_school_bundle(data, file).classes
        if len(classes) > 1:
            shown = ", ".join(f"'{c.shown}'" for c in classes[:10])
            raise InputError(
                f"this bundle holds {len(classes)} classes; pass --class with the title or "
                f"code of one: {shown}{', …' if len(classes) > 10 else ''}",
                file=file,
            )
    return read_roster_file(
        data, file, changes=dict(args.column), sheet=args.sheet, school_class=args.school_class
    )


def _load_class(args):
    """The roster's students and the rules. A column the roster reader does not know is
    named on stderr (a misspelt header would otherwise lose its column silently); the
    first problem of the roster is raised, as parse_roster would."""
    roster, rules = args.roster, args.rules
    reading = _read_roster(args).reading
    for column in reading.ignored_columns:
        print(f"partnerup: {roster}: {column.message}", file=sys.stderr)
    if reading.problems:
        raise reading.problems[0]
    students = reading.students
    parsed_rules = read_rules_file(_read_bytes(rules), students, str(rules)) if rules else ()
    return students, parsed_rules


def _load_plan(path: Path) -> Plan:
    try:
        data = json.loads(_read(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON (line {exc.lineno})", file=str(path)) from None
    return plan_from_dict(data, file=str(path))


def _settings(args) -> PlanSettings:
    chosen = {f.name: getattr(args, f.name) for f in fields(PlanSettings) if f.name != "weights"}
    chosen["weights"] = {
        kind: value
        for kind in WEIGHT_KINDS
        if (value := getattr(args, f"weight_{kind}")) is not None
    }
    try:
        return PlanSettings.from_dict(chosen)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def _plan(args) -> int:
    students, rules = _load_class(args)
    started = time.perf_counter()
    plan = plan_partnerships(students, rules, _settings(args))
    elapsed = (time.perf_counter() - started) * 1000
    if args.format == "json":
        text = json.dumps(plan_to_dict(plan, elapsed), indent=2, ensure_ascii=False) + "\n"
    elif args.format == "csv":
        text = plan_csv(plan)
    else:
        text = plan_table(plan, elapsed)
    _emit(text, args.out)
    return EXIT_OK


def _repair(args) -> int:
    plan = _load_plan(args.plan)
    started = time.perf_counter()
    today = repair_for_absences(plan, _names(args.absent), _names(args.new))
    elapsed = (time.perf_counter() - started) * 1000
    if args.format == "json":
        _emit(json.dumps(plan_to_dict(today, elapsed), indent=2, ensure_ascii=False) + "\n")
    else:
        _emit(plan_table(today, elapsed))
    return EXIT_OK


def _rotate(args) -> int:
    if args.weeks < 1:
        raise InputError("--weeks must be at least 1")
    students, rules = _load_class(args)
    long_term = _load_plan(args.exclude) if args.exclude else None
    weeks = rotate_headline_partners(students, args.weeks, rules, long_term)
    if args.format == "json":
        data = {
            "weeks": [
                {"week": i, "groups": [{"members": list(g)} for g in groups]}
                for i, groups in enumerate(weeks, start=1)
            ]
        }
        _emit(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        _emit(rotation_table(weeks))
    return EXIT_OK


def _roster(args) -> int:
    read = _read_roster(args)
    print(f"{args.roster}: {read.described or 'not read'}")
    for column in read.columns:
        fed = column.field.replace("_", " ") if column.field else "ignored"
        never = " (never stored)" if column.is_never_read else ""
        print(f"  column {column.position} '{column.header}' → {fed}{never}")
    if read.reading.problems:
        for problem in read.reading.problems:
            print(f"partnerup: {problem.located()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    _emit(roster_table(read.reading.students))
    return EXIT_OK


def _bench(args) -> int:
    from .bench import run_bench

    table = run_bench(runs=args.runs, progress=sys.stderr)
    _emit(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")
    return EXIT_OK


def _serve(args) -> int:
    if args.demo:
        os.environ["PARTNERUP_DEMO"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerup.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    address = f"http://{args.host}:{args.port}/"
    print(f"PartnerUp is running at {address}  (Ctrl+C stops it)")
    if args.demo:
        from .demo import DEMO_CLASS, ensure_demo

        if ensure_demo():
            print(f"Loaded the demo class '{DEMO_CLASS}'.")
        print(f"Demo: open {address} and press 'Try the demo class' (no password needed).")
    call_command(
        "runserver",
        f"{args.host}:{args.port}",
        use_reloader=False,
        insecure_serving=True,
        skip_checks=True,
    )
    return EXIT_OK


def _names(raw: str) -> list[str]:
    return [n.strip() for n in raw.split(";") if n.strip()]


def _emit(text: str, out: Path | None = None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")


def _print_conflicts(conflicts: list[str], args) -> None:
    if getattr(args, "format", "table") == "json":
        data = {"status": "infeasible", "groups": [], "floaters": [], "conflicts": conflicts}
        print(json.dumps(data, indent=2, ensure_ascii=False))
    print("partnerup: the rules cannot all hold:", file=sys.stderr)
    for conflict in conflicts:
        print(f"  - {conflict}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
