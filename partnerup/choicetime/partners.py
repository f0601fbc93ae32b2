"""What the planner needs from the choice-time log (classes.services asks, so this
module imports only models: no cycle with classes.services)."""

from __future__ import annotations

from collections import defaultdict

from .models import ChoiceTimePartnership

Through = ChoiceTimePartnership.students.through


def choice_time_partners(classroom_pk: int, student_pk: int | None = None) -> dict[int, list[int]]:
    """{student id: classmates (ids) they chose to work with in choice time, most
    recently logged first}, in one query. With `student_pk`, only that student's."""
    rows = Through.objects.filter(choicetimepartnership__classroom_id=classroom_pk)
    if student_pk is not None:
        rows = rows.filter(
            choicetimepartnership__in=Through.objects.filter(student_id=student_pk).values(
                "choicetimepartnership_id"
            )
        )
    members: dict[int, list[int]] = defaultdict(list)
    ordered = rows.order_by("-choicetimepartnership__date", "-choicetimepartnership_id")
    for entry, pk in ordered.values_list("choicetimepartnership_id", "student_id"):
        members[entry].append(pk)
    partners: dict[int, list[int]] = defaultdict(list)
    for pks in members.values():
        if len(pks) < 2:  # a removed student's partner alone: no partnership left
            continue
        for pk in pks:
            partners[pk].extend(o for o in pks if o != pk and o not in partners[pk])
    return dict(partners)


def entries_naming(student_pk: int) -> int:
    """How many choice-time entries name this student (what removing them changes)."""
    return Through.objects.filter(student_id=student_pk).count()


def forget_students(classroom_pk: int, pks: set[int]) -> None:
    """Before these students are removed: their entries that would be left with fewer
    than two students are no partnership any more and go (the rest lose them by
    cascade)."""
    named = Through.objects.filter(
        choicetimepartnership__classroom_id=classroom_pk, student_id__in=pks
    ).values_list("choicetimepartnership_id", flat=True)
    for entry in ChoiceTimePartnership.objects.filter(pk__in=list(named)).prefetch_related(
        "students"
    ):
        if len({s.pk for s in entry.students.all()} - pks) < 2:
            entry.delete()
