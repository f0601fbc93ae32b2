"""The PartnerUp engine: forms, repairs and rotates writing partnerships.

Framework-free and free of I/O: pure functions over frozen dataclasses. The CLI and
the web app are thin adapters over what is exported here.
"""

from .columns import FileColumn, RosterFile, read_roster_file
from .errors import InfeasibleError, InputError, PartnerUpError, RosterError, RulesError
from .io import parse_rules, plan_from_dict, plan_to_dict, spreadsheet_cell
from .model import Partnership, Plan, PlanSettings, Rule, Student, Weights
from .roster import IgnoredColumn, RosterReading, RosterRow, parse_roster, read_roster
from .solve import plan_partnerships

__all__ = [
    "FileColumn",
    "IgnoredColumn",
    "InfeasibleError",
    "InputError",
    "PartnerUpError",
    "Partnership",
    "Plan",
    "PlanSettings",
    "RosterError",
    "RosterFile",
    "RosterReading",
    "RosterRow",
    "Rule",
    "RulesError",
    "Student",
    "Weights",
    "parse_roster",
    "parse_rules",
    "plan_from_dict",
    "plan_partnerships",
    "plan_to_dict",
    "read_roster",
    "read_roster_file",
    "spreadsheet_cell",
]
