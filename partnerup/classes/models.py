"""A teacher's classes and the writers in them (the roster contract as a table)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.shortcuts import get_object_or_404


class Classroom(models.Model):
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="classrooms"
    )
    name = models.CharField(max_length=120)
    is_archived = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["is_archived", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def current_plan(self):
        return self.plans.filter(is_current=True).first()


def classes_for(user) -> models.QuerySet[Classroom]:
    """Every query of a class starts here, so an unscoped query stands out in review."""
    return Classroom.objects.filter(teacher=user)


def classroom_or_404(user, pk: int) -> Classroom:
    """The signed-in teacher's class, or 404 (never another teacher's, never a 403
    that would confirm the class exists)."""
    return get_object_or_404(classes_for(user), pk=pk)


class Student(models.Model):
    TALK_CHOICES = [("quiet", "Quiet"), ("balanced", "Balanced"), ("dominant", "Dominant")]

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="students")
    name = models.CharField(max_length=80)
    level = models.PositiveSmallIntegerField(null=True, blank=True)
    goals = models.JSONField(default=list, blank=True)
    strengths = models.JSONField(default=list, blank=True)
    interests = models.JSONField(default=list, blank=True)
    home_language = models.CharField(max_length=40, blank=True)
    english_level = models.DecimalField(max_digits=2, decimal_places=1, null=True, blank=True)
    choices = models.JSONField(default=list, blank=True)
    avoid = models.JSONField(default=list, blank=True)
    talk = models.CharField(max_length=10, choices=TALK_CHOICES, default="balanced")
    often_absent = models.BooleanField(default=False)
    social_support = models.BooleanField(default=False)
    floater = models.BooleanField(default=False)
    new_student = models.BooleanField(default=False)
    reading_partner = models.CharField(max_length=80, blank=True)
    past_partners = models.JSONField(default=list, blank=True)
    teacher_notes = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["classroom", "name"], name="unique_name_in_class")
        ]

    def __str__(self) -> str:
        return self.name


class Rule(models.Model):
    KINDS = [("keep_apart", "Keep apart"), ("keep_together", "Keep together"), ("lock", "Lock")]

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(max_length=20, choices=KINDS)
    students = models.JSONField(default=list)

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {', '.join(self.students)}"
