"""The activity record: who viewed, changed, exported or deleted a class's student data.

An entry holds plain values copied at the time (the class's id and name, its owner, the
teacher's username), never a foreign key: deleting a class or an account must leave the
record whole, and nothing may cascade into it or need updating. It holds no student
name — a student appears by id only. Rows are append-only: the model refuses to save an
existing row or delete one, and database triggers refuse UPDATE and DELETE (triggers.py).
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy

VIEWED, CHANGED, EXPORTED, DELETED, RESTORED = (
    "viewed",
    "changed",
    "exported",
    "deleted",
    "restored",
)
ACTION_LABELS = {
    VIEWED: gettext_lazy("viewed"),
    CHANGED: gettext_lazy("changed"),
    EXPORTED: gettext_lazy("exported"),
    DELETED: gettext_lazy("deleted"),
    RESTORED: gettext_lazy("restored"),
}
STUDENT_CARD = "student card"  # actor_label of a student signed in with their card
CLEAN_UP = "daily clean-up"  # actor_label of the daily command (retention)


class AppendOnlyError(Exception):
    """An entry of the activity record was about to be changed or deleted."""


class AuditEntry(models.Model):
    at = models.DateTimeField(default=timezone.now)
    class_id = models.BigIntegerField()
    class_name = models.CharField(max_length=120)  # the class's name at the time
    owner_id = models.BigIntegerField()  # the class's teacher at the time
    school_id = models.BigIntegerField(null=True, blank=True)
    actor_id = models.BigIntegerField(null=True, blank=True)  # the teacher; None: a student
    actor_label = models.CharField(max_length=150)  # the teacher's username, or STUDENT_CARD
    student_id = models.BigIntegerField(null=True, blank=True)  # the student it concerns
    action = models.CharField(max_length=10, choices=list(ACTION_LABELS.items()))
    page = models.CharField(max_length=100)  # the URL name, e.g. "workshop:today"
    what = models.CharField(max_length=100)  # plain English words (audit.pages)
    address = models.CharField(max_length=45)
    request_id = models.CharField(max_length=64)
    # Set on "viewed" entries only: actor, class, page and ten-minute window, unique, so
    # two requests at once cannot both record the same view (NULLs are never equal).
    view_key = models.CharField(max_length=200, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["class_id", "-at"], name="audit_class_at"),
            models.Index(fields=["owner_id", "-at"], name="audit_owner_at"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.what}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("an activity record entry cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("an activity record entry cannot be deleted")
