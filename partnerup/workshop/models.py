"""The workshop day: today's partnerships (the plan repaired for absences), who led
each turn-and-talk, and the support a student gets beyond the plan.

Every day is kept: it is the class's history of who actually worked with whom.
"""

from __future__ import annotations

from django.db import models

from partnerup.classes.models import Classroom, Student
from partnerup.plans.history import UndoHistory
from partnerup.plans.models import Plan


class WorkshopDay(UndoHistory):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="days")
    date = models.DateField()
    plan = models.ForeignKey(Plan, null=True, on_delete=models.SET_NULL, related_name="days")
    absent = models.JSONField(default=list)  # students' ids
    arrangement = models.JSONField(default=dict)  # the engine's plan for today (keys.py)
    is_accepted = models.BooleanField(default=False)
    turns_done = models.PositiveIntegerField(default=0)  # turn-and-talks recorded today

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["classroom", "date"], name="one_day_per_date")
        ]

    def __str__(self) -> str:
        return f"{self.classroom} {self.date}"


class LeadTurn(models.Model):
    """One turn-and-talk: who led it in which partnership (the lead ledger)."""

    day = models.ForeignKey(WorkshopDay, on_delete=models.CASCADE, related_name="turns")
    members = models.CharField(max_length=400)  # the partnership: sorted ids joined by |
    leader = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="lead_turns")
    created = models.DateTimeField(auto_now_add=True)


class Support(models.Model):
    """Beyond the plan: a new student observing a partnership, or a writer who works
    with the teacher until they can work with a classmate."""

    student = models.OneToOneField(Student, on_delete=models.CASCADE, related_name="support")
    observe_until = models.DateField(null=True, blank=True)
    with_teacher = models.BooleanField(default=False)


class Routine(models.Model):
    """A class's workshop habits."""

    classroom = models.OneToOneField(Classroom, on_delete=models.CASCADE, related_name="routine")
    quiet_lead_first = models.BooleanField(default=False)


class TemporaryPartners(models.Model):
    """For a day or a week: half the class assigned, the other half choosing; the
    workshop days in between start from this instead of the plan."""

    classroom = models.ForeignKey(
        Classroom, on_delete=models.CASCADE, related_name="temporary_partners"
    )
    starts = models.DateField()
    ends = models.DateField()
    choosers = models.JSONField(default=list)  # students' ids
    arrangement = models.JSONField(default=dict)  # the engine's plan, choosers as floaters
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]


class HeadlineWeek(models.Model):
    """Monday headline partners: a weekly partner for sharing the weekend's news,
    never the long-term partner and not repeated for as long as possible."""

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="headlines")
    monday = models.DateField()
    groups = models.JSONField(default=list)  # [[id, id], ...] (one three in an odd class)

    class Meta:
        ordering = ["-monday"]
        constraints = [
            models.UniqueConstraint(fields=["classroom", "monday"], name="one_headline_week")
        ]


class HeadlineNote(models.Model):
    """ "Two pluses and a wish" a headline partner gave a student that week."""

    week = models.ForeignKey(HeadlineWeek, on_delete=models.CASCADE, related_name="notes")
    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="headline_notes")
    plus_one = models.CharField(max_length=200, blank=True)
    plus_two = models.CharField(max_length=200, blank=True)
    wish = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["week", "student"], name="one_note_per_student")
        ]
