"""The local demo: a teacher account "demo" with the class "Room 12 (demo)".

Loaded by `partnerup serve --demo` (what `make run` uses) on first run only; the
one-click demo sign-in exists only when PARTNERUP_DEMO is on.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from partnerup import engine
from partnerup.classes.models import Classroom
from partnerup.classes.roster_import import load_roster

EXAMPLES = Path(__file__).parent / "examples"
DEMO_USER = "demo"
DEMO_CLASS = "Room 12 (demo)"


def example_roster() -> tuple[tuple[engine.Student, ...], tuple[engine.Rule, ...]]:
    students = engine.parse_roster((EXAMPLES / "room12.csv").read_text(), file="room12.csv")
    rules = engine.parse_rules(
        (EXAMPLES / "room12-rules.csv").read_text(), students, file="room12-rules.csv"
    )
    return students, rules


def fill_with_example(classroom: Classroom) -> None:
    load_roster(classroom, *example_roster())


@transaction.atomic
def ensure_demo() -> bool:
    """Create the demo teacher and class unless they exist; True when created now."""
    user, created = get_user_model().objects.get_or_create(username=DEMO_USER)
    if created:
        user.set_unusable_password()
        user.save()
    if Classroom.objects.filter(teacher=user, name=DEMO_CLASS).exists():
        return False
    fill_with_example(Classroom.objects.create(teacher=user, name=DEMO_CLASS))
    return True
