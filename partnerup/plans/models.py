"""Partnership plans: a draft the teacher adjusts on the board, then saved plans.

A saved plan is never changed afterwards, so a class's plans are its history; editing
a saved plan starts a new draft from it. A class has at most one draft and one
current plan.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from partnerup.classes.models import Classroom

from .history import UndoHistory


class Plan(UndoHistory):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="plans")
    name = models.CharField(max_length=120, blank=True)
    starts = models.DateField(null=True, blank=True)
    ends = models.DateField(null=True, blank=True)
    settings = models.JSONField(default=dict)  # the planning choices, see services
    arrangement = models.JSONField(default=dict)  # the engine's plan (plan_to_dict)
    is_draft = models.BooleanField(default=True)
    is_current = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    saved = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-saved", "-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["classroom"], condition=Q(is_current=True), name="one_current_plan"
            ),
            models.UniqueConstraint(
                fields=["classroom"], condition=Q(is_draft=True), name="one_draft_plan"
            ),
        ]

    def __str__(self) -> str:
        return self.name or _("Draft plan")

    @property
    def has_ended(self) -> bool:
        """Its end date has passed (a current plan that ended should be replaced)."""
        return self.ends is not None and self.ends < timezone.localdate()

    @property
    def dates(self) -> str:
        if self.starts and self.ends:
            return f"{_short_day(self.starts)} – {_short_day(self.ends)}"
        if self.starts:
            return _("from %(date)s") % {"date": _short_day(self.starts)}
        return ""


def _short_day(day) -> str:
    return dateformat.format(day, pgettext("date format", "M j"))
