"""What students say about their partnership: their goal in their own words, check-ins
on a partner's goal, reflections after a session, and the flags the teacher closed.

Every row belongs to a student (by foreign key, so removing a student or a class
removes it); classmates inside a row are ids, never names.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

from partnerup.classes.models import Classroom, Student
from partnerup.engine import FACES, FLAG_KINDS, GOAL_LEVELS

GOAL_WORDS_MAX_LENGTH = 120
SENTENCE_MAX_LENGTH = 200
NOTE_MAX_LENGTH = 1000

NOT_YET, STARTING_TO, YES = GOAL_LEVELS
GOAL_LEVEL_CHOICES = [
    (NOT_YET, gettext_lazy("Not yet")),
    (STARTING_TO, gettext_lazy("Starting to")),
    (YES, gettext_lazy("Yes!")),
]
SAD, OKAY, HAPPY = FACES
FACE_CHOICES = [
    (SAD, gettext_lazy("Not really")),
    (OKAY, gettext_lazy("A bit")),
    (HAPPY, gettext_lazy("A lot")),
]


class GoalWords(models.Model):
    """The student's goal in their own words (the checklist goal is voice.Answers.goal)."""

    student = models.OneToOneField(Student, on_delete=models.CASCADE, related_name="goal_words")
    words = models.CharField(max_length=GOAL_WORDS_MAX_LENGTH, blank=True)
    updated = models.DateTimeField(auto_now=True)


class CheckIn(models.Model):
    """A student's check-in on a partner's goal after a session: one per partner per day
    (a second tap that day changes it). The goal is kept as it was that day."""

    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="checkins_given")
    partner = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="checkins_about")
    on = models.DateField()
    level = models.PositiveSmallIntegerField(choices=GOAL_LEVEL_CHOICES)
    goal_skill = models.CharField(max_length=40, blank=True)
    goal_words = models.CharField(max_length=GOAL_WORDS_MAX_LENGTH, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "partner", "on"], name="one_checkin_per_partner_per_day"
            )
        ]


class Reflection(models.Model):
    """A student's reflection on their partnership after a session: one per day,
    editable that day. `partners` are their partners that day (ids)."""

    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="reflections")
    on = models.DateField()
    partners = models.JSONField(default=list)
    comfortable = models.PositiveSmallIntegerField(choices=FACE_CHOICES)
    partner_helped = models.PositiveSmallIntegerField(choices=FACE_CHOICES)
    helped_with = models.JSONField(default=list)  # checklist skills
    sentence = models.CharField(max_length=SENTENCE_MAX_LENGTH, blank=True)
    wants_talk = models.BooleanField(default=False)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["student", "on"], name="one_reflection_per_day")
        ]


class ClosedFlag(models.Model):
    """A flag the teacher closed ("talked with them"), kept as history. The flag is
    about `student` (with `partners`, ids); `reflections` are the ids it came from,
    which raise no flag of this kind again."""

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="closed_flags")
    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="closed_flags")
    partners = models.JSONField(default=list)
    kind = models.CharField(max_length=20, choices=[(k, k) for k in FLAG_KINDS])
    reflections = models.JSONField(default=list)
    # The engine's sentence before names go in (names are shown as they are now).
    template = models.CharField(max_length=200)
    times = models.PositiveSmallIntegerField(default=1)
    note = models.TextField(max_length=NOTE_MAX_LENGTH, blank=True)
    closed = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-closed", "-pk"]
