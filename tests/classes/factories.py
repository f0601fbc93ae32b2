from partnerup.classes.models import Classroom, Rule, Student


def make_classroom(teacher, **fields):
    fields.setdefault("name", "Room 12")
    return Classroom.objects.create(teacher=teacher, **fields)


def make_student(classroom, **fields):
    fields.setdefault("name", f"Student {classroom.students.count() + 1}")
    return Student.objects.create(classroom=classroom, **fields)


def make_rule(classroom, **fields):
    fields.setdefault("kind", "keep_apart")
    fields.setdefault("students", [])
    return Rule.objects.create(classroom=classroom, **fields)


def pk_of(classroom, name: str) -> int:
    """A student's id by name: the web refers to students only by id."""
    return classroom.students.get(name=name).pk


def pks_of(classroom, *names: str) -> list[int]:
    return [pk_of(classroom, name) for name in names]


def load_class(classroom, students, rules=()):
    """Engine students and rules that name each other (a CSV roster) into the class."""
    from partnerup.classes.roster_import import load_roster

    load_roster(classroom, tuple(students), tuple(rules))
    return classroom
