"""Conference notes: what the teacher saw and taught in a writing conference.

A note written to a partnership is one row per member (each row is that student's
note, deleted with the student); `members` names everyone it was written to, so the
partnership's conferences are found again by it.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy

from partnerup.classes.models import Classroom, Student

SUPPORT_LEVELS = [
    ("model", gettext_lazy("Model")),
    ("example", gettext_lazy("Example")),
    ("reminder", gettext_lazy("Reminder")),
    ("coach", gettext_lazy("Coach")),
]
TEXT_MAX_LENGTH = 300
NEXT_STEP_MAX_LENGTH = 80
GREEN_DAYS, YELLOW_DAYS = 10, 24
MOST_DAYS = 365


class ConferenceNote(models.Model):
    classroom = models.ForeignKey(
        Classroom, on_delete=models.CASCADE, related_name="conference_notes"
    )
    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="conference_notes")
    date = models.DateField()
    members = models.CharField(max_length=400)  # everyone it was written to: sorted ids, ","
    skill = models.CharField(max_length=40)  # a checklist skill (voice/checklist.py)
    support = models.CharField(max_length=10, choices=SUPPORT_LEVELS, blank=True)
    compliment = models.CharField(max_length=TEXT_MAX_LENGTH, blank=True)
    teaching_point = models.CharField(max_length=TEXT_MAX_LENGTH, blank=True)
    next_step = models.CharField(max_length=NEXT_STEP_MAX_LENGTH, blank=True)  # skill or typed
    # The note form's one-time token: a double tap (or a second tablet resending the
    # same form) finds its note already written and records nothing.
    once = models.CharField(max_length=40, blank=True, db_index=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-created", "-pk"]
        indexes = [models.Index(fields=["classroom", "date"])]

    def __str__(self) -> str:
        return f"{self.date} {self.skill}"


class ConferringSettings(models.Model):
    """The radar's colours: green up to `green_days` since the last conference,
    yellow up to `yellow_days`, red after."""

    classroom = models.OneToOneField(
        Classroom, on_delete=models.CASCADE, related_name="conferring_settings"
    )
    green_days = models.PositiveSmallIntegerField(
        default=GREEN_DAYS, validators=[MinValueValidator(1), MaxValueValidator(MOST_DAYS)]
    )
    yellow_days = models.PositiveSmallIntegerField(
        default=YELLOW_DAYS, validators=[MinValueValidator(1), MaxValueValidator(MOST_DAYS)]
    )
