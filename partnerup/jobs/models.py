"""Partner jobs: the roles a class teaches (each with its sentence frames, in English
and Spanish) and which of them are in use for a unit or for one day.

Who has which job is never stored: the engine rotates the roles in use inside each
partnership from the day's A/B order and the number of the unit's workshop days.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from partnerup.classes.models import Classroom
from partnerup.plans.models import Plan

ROLE_WORDS = 60
FRAME_WORDS = 160


class PartnerRole(models.Model):
    """A role the class uses: one job ("Editor"), or a pair role whose two halves go
    to two partners ("Listener" and "Talker")."""

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="partner_roles")
    key = models.CharField(max_length=40)
    en = models.CharField(max_length=ROLE_WORDS)
    es = models.CharField(max_length=ROLE_WORDS, blank=True)
    pair_en = models.CharField(max_length=ROLE_WORDS, blank=True)  # a pair role's other half
    pair_es = models.CharField(max_length=ROLE_WORDS, blank=True)
    icon = models.CharField(max_length=40)  # a starter role's key (starters.py)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["classroom", "key"], name="one_role_per_key")
        ]

    def __str__(self) -> str:
        return self.en

    @property
    def is_pair(self) -> bool:
        return bool(self.pair_en)

    def job_words(self, half: int, language: str) -> str:
        """The words of one half ("Listener") in `language`, the English if none."""
        en, es = (self.pair_en, self.pair_es) if half else (self.en, self.es)
        return es if language == "es" and es else en


class RoleFrame(models.Model):
    """A sentence frame on a role's "What is my job?" chart."""

    role = models.ForeignKey(PartnerRole, on_delete=models.CASCADE, related_name="frames")
    en = models.CharField(max_length=FRAME_WORDS)
    es = models.CharField(max_length=FRAME_WORDS, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.en

    def words(self, language: str) -> str:
        return self.es if language == "es" and self.es else self.en


class JobChoice(models.Model):
    """The roles in use (ids, in order) for a unit (a saved plan) or for one day."""

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="job_choices")
    plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.CASCADE, related_name="job_choices"
    )
    day = models.DateField(null=True, blank=True)
    roles = models.JSONField(default=list)  # PartnerRole ids

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["plan"], condition=Q(plan__isnull=False), name="one_job_choice_per_unit"
            ),
            models.UniqueConstraint(
                fields=["classroom", "day"],
                condition=Q(day__isnull=False),
                name="one_job_choice_per_day",
            ),
        ]
