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
