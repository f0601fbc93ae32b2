"""The install's operator sets up schools and their admins:

    manage.py school create "Lincoln Elementary" --admin ms_rivera
    manage.py school add-teacher "Lincoln Elementary" mr_lee [--admin]
    manage.py school remove-teacher "Lincoln Elementary" mr_lee
    manage.py school list

Teachers are named by username or email. A teacher belongs to one school at most.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from partnerup.engine import refused_character
from partnerup.schools.models import SCHOOL_NAME_MAX_LENGTH, School, SchoolTeacher
from partnerup.schools.services import RoleRefused, account_named


class Command(BaseCommand):
    help = "Create schools, add or remove their teachers and admins, list them."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="a new school and its first admin")
        create.add_argument("name")
        create.add_argument("--admin", required=True, help="username or email")
        add = actions.add_parser("add-teacher", help="put a teacher in a school")
        add.add_argument("name")
        add.add_argument("teacher", help="username or email")
        add.add_argument("--admin", action="store_true", help="make them a school admin")
        remove = actions.add_parser("remove-teacher", help="take a teacher out of a school")
        remove.add_argument("name")
        remove.add_argument("teacher", help="username or email")
        actions.add_parser("list", help="every school with its teachers")

    def handle(self, *args, action, **options):
        run = {
            "create": self.create,
            "add-teacher": self.add_teacher,
            "remove-teacher": self.remove_teacher,
            "list": self.list,
        }[action]
        try:
            with transaction.atomic():
                run(**options)
        except RoleRefused as refused:
            raise CommandError(str(refused)) from None

    def create(self, name, admin, **_):
        name = _school_name(name)
        if School.objects.filter(name=name).exists():
            raise CommandError(f"There is already a school named {name!r}.")
        school = School.objects.create(name=name)
        self._place(school, admin, is_admin=True)
        self.stdout.write(f"Created {name} with {admin} as its admin.")

    def add_teacher(self, name, teacher, admin, **_):
        school = _school(name)
        self._place(school, teacher, is_admin=admin)
        role = "an admin" if admin else "a teacher"
        self.stdout.write(f"{teacher} is {role} of {school.name}.")

    def remove_teacher(self, name, teacher, **_):
        school, user = _school(name), account_named(teacher)
        if not SchoolTeacher.objects.filter(school=school, user=user).delete()[0]:
            raise CommandError(f"{user} is not a teacher of {school.name}.")
        self.stdout.write(f"{user} is no longer a teacher of {school.name}.")

    def list(self, **_):
        schools = School.objects.prefetch_related("teachers__user")
        if not schools:
            self.stdout.write("No schools yet.")
        for school in schools:
            self.stdout.write(school.name)
            for place in school.teachers.all():
                self.stdout.write(f"  {place.user}{' (admin)' if place.is_admin else ''}")

    def _place(self, school: School, typed: str, is_admin: bool) -> None:
        user = account_named(typed)
        place = SchoolTeacher.objects.select_for_update().filter(user=user).first()
        if place is not None and place.school_id != school.pk:
            raise CommandError(f"{user} already belongs to {place.school.name}.")
        SchoolTeacher.objects.update_or_create(
            user=user, defaults={"school": school, "is_admin": is_admin}
        )


def _school_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > SCHOOL_NAME_MAX_LENGTH:
        raise CommandError(f"A school's name is 1 to {SCHOOL_NAME_MAX_LENGTH} characters.")
    problem = refused_character(name)
    if problem:
        raise CommandError(f"The school's name has {problem}; type it again.")
    return name


def _school(name: str) -> School:
    found = School.objects.filter(name=_school_name(name)).first()
    if found is None:
        raise CommandError(f"There is no school named {name!r}: `school list` shows them.")
    return found
