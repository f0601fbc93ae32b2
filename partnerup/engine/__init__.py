"""The PartnerUp engine: forms, repairs and rotates writing partnerships.

Framework-free and free of I/O: pure functions over frozen dataclasses. The CLI and
the web app are thin adapters over what is exported here, and import nothing else
(tests/engine/test_public_api.py checks it).
"""

from .board import (
    FLOATERS,
    NEW_CARD,
    BoardError,
    CardCheck,
    check_board,
    flip_roles,
    highest_number,
    move_student,
    new_breaks,
    numbered,
    ordered_members,
    replan_rest,
    rescored,
    set_locked,
    swap_students,
)
from .errors import InfeasibleError, InputError, PartnerUpError, RosterError, RulesError
from .io import parse_rules, plan_from_dict, plan_to_dict, spreadsheet_cell
from .model import (
    LEVEL_MODES,
    ROLE_MODES,
    RULE_KINDS,
    STRATEGIES,
    TALK_MODES,
    TALK_STYLES,
    TRIAD_MODES,
    Partnership,
    Plan,
    PlanSettings,
    Rule,
    Student,
    Weights,
)
from .names import (
    EXTERNAL_ID_MAX_LENGTH,
    NAME_MAX_LENGTH,
    TAG_MAX_LENGTH,
    name_key,
    normalise_name,
    refused_character,
)
from .repair import repair_for_absences
from .roster import IgnoredColumn, RosterReading, RosterRow, parse_roster, read_roster
from .rotate import headline_apart, next_headline_week, no_repeat_bound, rotate_headline_partners
from .rules import (
    HardRules,
    KeptApart,
    build_hard_rules,
    carrying_rules,
    collect_hard_rules,
    hard_rules,
    hard_rules_of_plan,
)
from .scoring import score_pair
from .solve import plan_partnerships
from .synthetic import FIRST_NAMES, synthetic_class
from .validation import hard_rule_violations

__all__ = [
    "EXTERNAL_ID_MAX_LENGTH",
    "FIRST_NAMES",
    "FLOATERS",
    "LEVEL_MODES",
    "NAME_MAX_LENGTH",
    "NEW_CARD",
    "ROLE_MODES",
    "RULE_KINDS",
    "STRATEGIES",
    "TAG_MAX_LENGTH",
    "TALK_MODES",
    "TALK_STYLES",
    "TRIAD_MODES",
    "BoardError",
    "CardCheck",
    "HardRules",
    "IgnoredColumn",
    "InfeasibleError",
    "InputError",
    "KeptApart",
    "PartnerUpError",
    "Partnership",
    "Plan",
    "PlanSettings",
    "RosterError",
    "RosterReading",
    "RosterRow",
    "Rule",
    "RulesError",
    "Student",
    "Weights",
    "build_hard_rules",
    "carrying_rules",
    "check_board",
    "collect_hard_rules",
    "flip_roles",
    "hard_rule_violations",
    "hard_rules",
    "hard_rules_of_plan",
    "headline_apart",
    "highest_number",
    "move_student",
    "name_key",
    "new_breaks",
    "next_headline_week",
    "no_repeat_bound",
    "normalise_name",
    "numbered",
    "ordered_members",
    "parse_roster",
    "parse_rules",
    "plan_from_dict",
    "plan_partnerships",
    "plan_to_dict",
    "read_roster",
    "refused_character",
    "repair_for_absences",
    "replan_rest",
    "rescored",
    "rotate_headline_partners",
    "score_pair",
    "set_locked",
    "spreadsheet_cell",
    "swap_students",
    "synthetic_class",
]
