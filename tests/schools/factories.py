"""People and schools for the role tests: a teacher, a school with its teachers, a
co-teacher of a class."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from partnerup.schools.models import School, SchoolTeacher


def make_teacher(username: str, **fields):
    fields.setdefault("email", f"{username}@example.org")
    return get_user_model().objects.create_user(username, password=f"pw-{username}-123!", **fields)


def make_school(name: str = "Lincoln Elementary", admins=(), teachers=()) -> School:
    school = School.objects.create(name=name)
    for user in admins:
        SchoolTeacher.objects.create(school=school, user=user, is_admin=True)
    for user in teachers:
        SchoolTeacher.objects.create(school=school, user=user)
    return school


def add_co_teacher(classroom, user):
    classroom.co_teachers.add(user)
    return user
