"""The data migration turns every student name stored before ids into the student's id
(or engine key), and makes names unique in each class."""

from datetime import date

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from partnerup.classes.keys import student_key
from partnerup.classes.models import Rule, Student
from partnerup.plans.models import Plan
from partnerup.voice.models import Answers
from partnerup.workshop.models import (
    HeadlineNote,
    HeadlineWeek,
    LeadTurn,
    TemporaryPartners,
    WorkshopDay,
)

BEFORE_IDS = [
    ("classes", "0002_students_by_id"),
    ("workshop", "0004_students_by_id_schema"),
    ("plans", "0001_initial"),
    ("voice", "0004_attempts_by_device"),
]
# The last migrations before the names-to-ids data migration ran.
BEFORE_CONVERSION = [("classes", "0003_names_to_ids"), *BEFORE_IDS[1:]]


def migrate(targets=None, fake=False) -> MigrationExecutor:
    """Migrate the test database to `targets` (the latest when None)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes(), fake=fake)
    return MigrationExecutor(connection)


def back_to_names() -> MigrationExecutor:
    migrate(BEFORE_CONVERSION)
    # The conversion itself cannot be undone (names cannot be told back from ids);
    # with no rows in the database there is nothing to undo, so only its record goes.
    return migrate(BEFORE_IDS, fake=True)


def old_class(apps):
    """A class as it was stored with names: a case duplicate, names in every list."""
    User = apps.get_model(settings.AUTH_USER_MODEL)
    Classroom = apps.get_model("classes", "Classroom")
    Student = apps.get_model("classes", "Student")
    classroom = Classroom.objects.create(
        teacher=User.objects.create(username="old-teacher"), name="Room 12"
    )

    def student(name, **fields):
        return Student.objects.create(classroom=classroom, name=name, name_key="", **fields)

    student("Ana", choices=["Ben", "Cy"], avoid=["Cy"], reading_partner="Ben")
    student("ana", choices=["Ana", "Zed"], past_partners=["ANA"])
    student("Ben", choices=["ANA"], reading_partner="Nobody")
    student("Cy", choices=["Ben"])
    apps.get_model("classes", "Rule").objects.create(
        classroom=classroom, kind="keep_apart", students=["Ana", "Ben"]
    )
    apps.get_model("classes", "Rule").objects.create(
        classroom=classroom, kind="keep_apart", students=["Ana", "Zed"]
    )
    plan = apps.get_model("plans", "Plan").objects.create(
        classroom=classroom,
        is_draft=False,
        is_current=True,
        arrangement={
            "groups": [
                {
                    "members": ["Ana", "Ben"],
                    "roles": {"Ana": "A", "Ben": "B"},
                    "reasons": ["Ana chose Ben (first choice)"],
                }
            ],
            "floaters": ["Cy"],
        },
    )
    day = apps.get_model("workshop", "WorkshopDay").objects.create(
        classroom=classroom, date=date(2026, 11, 2), plan=plan, absent=["Cy"]
    )
    apps.get_model("workshop", "LeadTurn").objects.create(day=day, members="Ana|Ben", leader="Ben")
    apps.get_model("workshop", "TemporaryPartners").objects.create(
        classroom=classroom,
        starts=date(2026, 11, 2),
        ends=date(2026, 11, 6),
        choosers=["Cy"],
        arrangement={"groups": [], "floaters": ["Cy"]},
    )
    week = apps.get_model("workshop", "HeadlineWeek").objects.create(
        classroom=classroom, monday=date(2026, 11, 2), groups=[["Ana", "Cy"], ["Ben", "ana"]]
    )
    apps.get_model("workshop", "HeadlineNote").objects.create(
        week=week, student="Cy", plus_one="Great lead"
    )
    ana = Student.objects.get(classroom=classroom, name="Ana")
    apps.get_model("voice", "Answers").objects.create(student=ana, answered_ads=["Cy", "Zed"])


@pytest.mark.django_db(transaction=True)
def test_names_become_ids_and_a_case_duplicate_gets_a_number():
    try:
        executor = back_to_names()
        old_class(executor.loader.project_state(BEFORE_IDS).apps)
        migrate()
        ana, dup, ben, cy = Student.objects.order_by("pk")
        assert [s.name for s in (ana, dup, ben, cy)] == ["Ana", "ana (2)", "Ben", "Cy"]
        assert [s.name_key for s in (ana, dup, ben, cy)] == ["ana", "ana (2)", "ben", "cy"]
        assert ana.choices == [ben.pk, cy.pk] and ana.avoid == [cy.pk]
        assert ana.reading_partner_id == ben.pk
        # An exact name is that student; another spelling is the first of that name;
        # a name of nobody in the class is dropped.
        assert dup.choices == [ana.pk] and dup.past_partners == [ana.pk]
        assert ben.choices == [ana.pk] and ben.reading_partner_id is None
        assert cy.choices == [ben.pk]
        assert list(Rule.objects.values_list("students", flat=True)) == [[ana.pk, ben.pk]]

        a, b, c = student_key(ana.pk), student_key(ben.pk), student_key(cy.pk)
        plan = Plan.objects.get()
        assert plan.arrangement["groups"] == [
            {
                "members": [a, b],
                "roles": {a: "A", b: "B"},
                "reasons": [f"{a} chose {b} (first choice)"],
            }
        ]
        assert plan.arrangement["floaters"] == [c]
        assert WorkshopDay.objects.get().absent == [cy.pk]
        turn = LeadTurn.objects.get()
        assert turn.members == "|".join(str(pk) for pk in sorted([ana.pk, ben.pk]))
        assert turn.leader_id == ben.pk
        temporary = TemporaryPartners.objects.get()
        assert temporary.choosers == [cy.pk] and temporary.arrangement["floaters"] == [c]
        assert HeadlineWeek.objects.get().groups == [[ana.pk, cy.pk], [ben.pk, dup.pk]]
        assert HeadlineNote.objects.get().student_id == cy.pk
        assert Answers.objects.get().answered_ads == [cy.pk]
    finally:
        migrate()


@pytest.mark.django_db(transaction=True)
def test_after_the_migration_the_database_refuses_a_case_duplicate():
    from django.db import IntegrityError, transaction

    try:
        executor = back_to_names()
        old_class(executor.loader.project_state(BEFORE_IDS).apps)
        migrate()
        classroom = Student.objects.first().classroom
        with pytest.raises(IntegrityError), transaction.atomic():
            Student.objects.create(classroom=classroom, name="ANA")
    finally:
        migrate()
