"""The local demo: a teacher account "demo" with the class "Room 12 (demo)".

Loaded by `partnerup serve --demo` (what `make run` uses) on first run only; the
one-click demo sign-in exists only when PARTNERUP_DEMO is on. The class opens as it
would a few weeks into a unit: a current plan, the last school days' workshop days
(with absences and turn-and-talks) and some students' own answers, so Today, Monday
headline partners and student voice all have something to show on a first visit.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

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
    classroom = Classroom.objects.create(teacher=user, name=DEMO_CLASS)
    fill_with_example(classroom)
    add_demo_history(classroom, timezone.localdate())
    return True


# Student answers: (student, want-ad traits wanted, offered, three classmates, goal).
DEMO_ANSWERS = (
    ("Ana", ["listens", "ideas"], ["kind"], ["Lucia", "Camila", "Sofia"], "dialogue"),
    ("Ben", ["ideas"], ["listens", "kind"], ["Liam", "Marco", "Noah"], "ending"),
    ("Maya", ["kind", "listens"], ["ideas"], ["Zoe", "Grace", "Priya"], "transitions"),
    ("Kwame", ["listens"], ["ideas"], ["Diego", "Noah", "Liam"], "elaboration"),
)


def add_demo_history(classroom: Classroom, today: date) -> None:
    """A current plan, the three school days before today and a few students' answers."""
    from partnerup.plans import services as plans
    from partnerup.voice.models import Answers
    from partnerup.workshop import services as workshop

    days = _school_days_before(today, 3)
    draft = plans.generate(classroom, {})
    plans.save_as_current(draft, "Unit 2: Small moments", days[0], days[0] + timedelta(weeks=5))
    pk_of = {s.name: s.pk for s in classroom.students.all()}
    for number, on in enumerate(days):
        day = workshop.day_for(classroom, on)
        workshop.set_absent(day, pk_of[("Omar", "Grace", "Theo")[number]], True)
        workshop.record_turn(day, day.turns_done)
        day.is_accepted = True
        day.save(update_fields=["is_accepted"])
    now = timezone.now()
    for name, wanted, offered, chosen, goal in DEMO_ANSWERS:
        student = classroom.students.get(pk=pk_of[name])
        student.choices = [pk_of[c] for c in chosen]
        student.save(update_fields=["choices"])
        Answers.objects.create(
            student=student, wanted=wanted, offered=offered, ad_at=now, chose_at=now,
            goal=goal, goal_at=now,
        )  # fmt: skip


def _school_days_before(today: date, count: int) -> list[date]:
    found: list[date] = []
    day = today
    while len(found) < count:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            found.append(day)
    return sorted(found)
