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
from .columns import FIELDS as ROSTER_FIELDS
from .columns import IGNORE as IGNORE_COLUMN
from .columns import FileColumn, RosterFile, accepted_columns, read_roster_file, template_csv
from .errors import InfeasibleError, InputError, PartnerUpError, RosterError, RulesError
from .flags import (
    FACES,
    FLAG_KINDS,
    GOAL_LEVELS,
    STALLED_AFTER,
    Flag,
    ReflectionNote,
    is_goal_stalled,
    partnership_flags,
)
from .flags import (
    REASONS as FLAG_REASONS,
)
from .io import parse_rules, plan_from_dict, plan_to_dict, spreadsheet_cell
from .model import (
    ENGLISH_LEVELS,
    LEVEL_MODES,
    LEVELS,
    ROLE_MODES,
    RULE_KINDS,
    STRATEGIES,
    TALK_MODES,
    TALK_STYLES,
    TRIAD_MODES,
    WEIGHT_KINDS,
    Partnership,
    Plan,
    PlanSettings,
    Rule,
    Student,
    Weights,
    student_fields,
)
from .names import (
    EXTERNAL_ID_MAX_LENGTH,
    MAX_ROSTER_BYTES,
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
from .school_rosters import SchoolBundle, SchoolClass, is_school_bundle, read_school_bundle
from .scoring import score_pair
from .sheets import too_large_message
from .solve import plan_partnerships
from .synthetic import FIRST_NAMES, synthetic_class
from .validation import hard_rule_violations

__all__ = [
    "ENGLISH_LEVELS",
    "EXTERNAL_ID_MAX_LENGTH",
    "FACES",
    "FLAG_KINDS",
    "FLAG_REASONS",
    "GOAL_LEVELS",
    "STALLED_AFTER",
    "Flag",
    "ReflectionNote",
    "is_goal_stalled",
    "partnership_flags",
    "FIRST_NAMES",
    "FLOATERS",
    "LEVELS",
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
    "WEIGHT_KINDS",
    "BoardError",
    "CardCheck",
    "HardRules",
    "FileColumn",
    "IGNORE_COLUMN",
    "MAX_ROSTER_BYTES",
    "ROSTER_FIELDS",
    "RosterFile",
    "IgnoredColumn",
    "InfeasibleError",
    "InputError",
    "KeptApart",
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
    "SchoolBundle",
    "SchoolClass",
    "Student",
    "Weights",
    "accepted_columns",
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
    "is_school_bundle",
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
    "read_school_bundle",
    "refused_character",
    "repair_for_absences",
    "replan_rest",
    "rescored",
    "rotate_headline_partners",
    "score_pair",
    "set_locked",
    "read_roster_file",
    "too_large_message",
    "spreadsheet_cell",
    "student_fields",
    "template_csv",
    "swap_students",
    "synthetic_class",
]
