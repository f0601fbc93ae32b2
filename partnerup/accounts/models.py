"""Sign-in tries counted in the database, so a limit holds without cookies, across
app processes and under requests sent at the same time (see limits.py)."""

from __future__ import annotations

from django.db import models


class SignInCounter(models.Model):
    """Tries at one kind of sign-in (`scope`) from one account or address (`key`) since
    `started`. A class's own sign-in page counts per class, and its rows go with it."""

    scope = models.CharField(max_length=20)
    key = models.CharField(max_length=200)
    classroom = models.ForeignKey(
        "classes.Classroom", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    tries = models.PositiveIntegerField(default=0)
    started = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="one_counter_per_scope_and_key")
        ]
