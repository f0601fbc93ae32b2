"""Every reference to a student by display name becomes a reference by id.

Names are made unique per class after NFC, trimming and case folding (a later
duplicate gets " (2)"); a name that matches no student of the class is dropped,
as planning already ignored it.
"""

import re

from django.db import migrations

from partnerup.classes.keys import map_arrangement, student_key
from partnerup.engine import name_key, normalise_name


def _unique_names(students) -> None:
    taken: set[str] = set()
    for student in students:
        base = normalise_name(student.name) or f"Student {student.pk}"
        name, number = base, 2
        while name_key(name) in taken:
            name, number = f"{base} ({number})", number + 1
        taken.add(name_key(name))
        student.name, student.name_key = name, name_key(name)


class _Class:
    """One class's names as the old rows wrote them, and the ids they stand for."""

    def __init__(self, students) -> None:
        self.exact: dict[str, int] = {}
        self.folded: dict[str, int] = {}
        for s in students:
            self.exact.setdefault(s.old_name, s.pk)
            self.folded.setdefault(name_key(s.old_name), s.pk)
        longest_first = sorted(self.exact, key=len, reverse=True)
        self.in_text = (
            re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in longest_first))
            if longest_first
            else None
        )

    def pk(self, name) -> int | None:
        if not isinstance(name, str) or not name:
            return None
        return self.exact.get(name) or self.folded.get(name_key(name))

    def pks(self, names) -> list[int]:
        found = [self.pk(n) for n in names or []]
        return list(dict.fromkeys(pk for pk in found if pk is not None))

    def key(self, name) -> str | None:
        pk = self.pk(name)
        return student_key(pk) if pk else None

    def arrangement(self, arrangement: dict) -> dict:
        if not arrangement:
            return arrangement
        converted = map_arrangement(arrangement, self.key)
        for group in converted["groups"]:
            group["reasons"] = [self.text(r) for r in group["reasons"]]
        return converted

    def text(self, sentence: str) -> str:
        if self.in_text is None:
            return sentence
        return self.in_text.sub(lambda m: student_key(self.exact[m.group(0)]), sentence)


def forwards(apps, schema_editor):
    Classroom = apps.get_model("classes", "Classroom")
    Student = apps.get_model("classes", "Student")
    for classroom in Classroom.objects.all():
        students = list(Student.objects.filter(classroom=classroom).order_by("pk"))
        for s in students:
            s.old_name = s.name
        _unique_names(students)
        names = _Class(students)
        for s in students:
            s.choices = names.pks(s.choices)[:3]
            s.avoid = names.pks(s.avoid)
            s.past_partners = names.pks(s.past_partners)
            s.reading_partner_ref_id = names.pk(s.reading_partner)
            s.save()
        _convert_class(apps, classroom, names)


def _convert_class(apps, classroom, names: _Class) -> None:
    for rule in apps.get_model("classes", "Rule").objects.filter(classroom=classroom):
        rule.students = names.pks(rule.students)
        if len(rule.students) < 2:
            rule.delete()
        else:
            rule.save()
    for plan in apps.get_model("plans", "Plan").objects.filter(classroom=classroom):
        plan.arrangement = names.arrangement(plan.arrangement)
        plan.save()
    for day in apps.get_model("workshop", "WorkshopDay").objects.filter(classroom=classroom):
        day.absent = names.pks(day.absent)
        day.arrangement = names.arrangement(day.arrangement)
        day.save()
        for turn in apps.get_model("workshop", "LeadTurn").objects.filter(day=day):
            members = names.pks(turn.members.split("|"))
            turn.leader_ref_id = names.pk(turn.leader)
            if turn.leader_ref_id is None or len(members) < 2:
                turn.delete()
                continue
            turn.members = "|".join(str(pk) for pk in sorted(members))
            turn.save()
    Temporary = apps.get_model("workshop", "TemporaryPartners")
    for temporary in Temporary.objects.filter(classroom=classroom):
        temporary.choosers = names.pks(temporary.choosers)
        temporary.arrangement = names.arrangement(temporary.arrangement)
        temporary.save()
    for week in apps.get_model("workshop", "HeadlineWeek").objects.filter(classroom=classroom):
        week.groups = [g for g in (names.pks(group) for group in week.groups) if g]
        week.save()
        for note in apps.get_model("workshop", "HeadlineNote").objects.filter(week=week):
            note.student_ref_id = names.pk(note.student)
            note.delete() if note.student_ref_id is None else note.save()
    Answers = apps.get_model("voice", "Answers")
    for answers in Answers.objects.filter(student__classroom=classroom):
        answers.answered_ads = names.pks(answers.answered_ads)
        answers.save()


class Migration(migrations.Migration):
    dependencies = [
        ("classes", "0002_students_by_id"),
        ("plans", "0001_initial"),
        ("workshop", "0004_students_by_id_schema"),
        ("voice", "0004_attempts_by_device"),
    ]

    operations = [migrations.RunPython(forwards)]  # names cannot be told back from ids
