"""Everything a class holds as one download, and a new class made again from it.

`export_class` writes a zip: spreadsheets for the teacher to read (CSV in UTF-8 with a
byte-order mark, so Excel shows accents; every cell formula-safe) and class.json, the
whole class in a versioned format that `restore_class` reads back into a NEW class.

Inside class.json each student has a "ref", a number local to the file, and every
reference to a student uses it: classmates' lists, rules, answers, absences, lead
turns, headline groups and notes. Stored engine arrangements keep their shape
(engine.plan_to_dict) with each student written as `keys.student_key(ref)`, so the
engine's sentences (reasons, clashes) name students without a typed name in them, and
restore turns each key into the new student's. Sign-in cards are written as their
language only: a restored class gets new cards, so an old card opens nothing.

Restore trusts nothing in the file: sizes and counts are bounded, every text is checked
as a typed one would be (engine.names.refused_character and the field's length), names
are unique by name_key, and every ref must be a student of the file. Any problem raises
RestoreError with a plain message, and nothing is created (one transaction).

The modules: export.py writes the zip and class.json, sheets.py its spreadsheets;
restore.py reads class.json back (history.py the plans, days and weeks), every value
through checks.py, which also holds RestoreError.
"""

from .checks import RestoreError
from .export import export_class
from .restore import MAX_FILE_BYTES, restore_class

__all__ = ["MAX_FILE_BYTES", "RestoreError", "export_class", "restore_class"]
