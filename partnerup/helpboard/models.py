"""The help board: students post "I can help with…" and "I need help with…" a skill,
and each open need is matched to a classmate who can help (engine.match_helpers)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from partnerup.classes.models import Classroom, Student
from partnerup.engine import TAG_MAX_LENGTH


class HelpBoard(models.Model):
    """A class's board settings: whether the teacher approves posts before they show."""

    classroom = models.OneToOneField(Classroom, on_delete=models.CASCADE, related_name="helpboard")
    needs_approval = models.BooleanField(default=False)


class HelpPost(models.Model):
    NEED, OFFER = "need", "offer"
    KINDS = [(NEED, "I need help with"), (OFFER, "I can help with")]

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="help_posts")
    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="help_posts")
    kind = models.CharField(max_length=5, choices=KINDS)
    skill = models.CharField(max_length=TAG_MAX_LENGTH)  # a checklist skill or a class tag
    is_approved = models.BooleanField(default=True)
    created = models.DateTimeField(default=timezone.now)
    closed = models.DateTimeField(null=True, blank=True)
    # A need's helper: who it is matched to while open, who helped once closed.
    helper = models.ForeignKey(
        Student, null=True, blank=True, on_delete=models.SET_NULL, related_name="helped_posts"
    )
    matched = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created", "pk"]
        constraints = [
            # A double tap cannot post the same thing twice while it is open.
            models.UniqueConstraint(
                fields=["student", "kind", "skill"],
                condition=Q(closed__isnull=True),
                name="one_open_help_post",
            )
        ]
        indexes = [models.Index(fields=["classroom", "closed"])]

    @property
    def is_need(self) -> bool:
        return self.kind == self.NEED
