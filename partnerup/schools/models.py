"""Who teaches what: schools, their teachers and admins, and invitations.

A class has one owner (`Classroom.teacher`) and co-teachers (`Classroom.co_teachers`).
A school groups teachers (each in at most one); its admins see every class of the
school read-only and can hand a class to another teacher of the school. Joining a
class or a school is always by invitation, which the invitee accepts or declines; an
answered or withdrawn invitation is deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

SCHOOL_NAME_MAX_LENGTH = 120


class School(models.Model):
    name = models.CharField(max_length=SCHOOL_NAME_MAX_LENGTH, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SchoolTeacher(models.Model):
    """A teacher's place in a school (at most one school per teacher)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="teachers")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="school_place"
    )
    is_admin = models.BooleanField(default=False)

    class Meta:
        ordering = ["user__username"]

    def __str__(self) -> str:
        return f"{self.user} ({self.school})"


class Invitation(models.Model):
    """An open invitation to co-teach a class (`classroom`) or to join a school
    (`school`): exactly one of the two is set."""

    CO_TEACH = "co_teach"
    JOIN_SCHOOL = "join_school"

    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    classroom = models.ForeignKey(
        "classes.Classroom", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.CASCADE, related_name="invitations"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(classroom__isnull=True) ^ Q(school__isnull=True),
                name="invitation_to_a_class_or_a_school",
            ),
            models.UniqueConstraint(
                fields=["invitee", "classroom"], name="one_invitation_per_class"
            ),
            models.UniqueConstraint(fields=["invitee", "school"], name="one_invitation_per_school"),
        ]

    @property
    def kind(self) -> str:
        return self.CO_TEACH if self.classroom_id else self.JOIN_SCHOOL
