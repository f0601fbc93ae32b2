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


SURNAMES = ["García", "Lee", "Okafor", "Nguyen", "Smith", "Rossi", "Kowalski", "Haddad"]


def give_surnames(classroom) -> None:
    """Every student gets a surname, and two share a first name and an initial: Ana
    García and Ana Gómez (how a class shows names tells them apart)."""
    for student, surname in zip(classroom.students.order_by("pk"), SURNAMES * 8, strict=False):
        student.name = f"{student.name} {surname}"
        student.save()
    second = classroom.students.exclude(name="Ana García").order_by("pk").first()
    second.name = "Ana Gómez"
    second.save()
