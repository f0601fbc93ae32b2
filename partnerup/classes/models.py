"""A teacher's classes and the writers in them (the roster contract as a table)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy

from partnerup.engine import (
    ENGLISH_LEVELS,
    EXTERNAL_ID_MAX_LENGTH,
    LEVELS,
    NAME_MAX_LENGTH,
    NAME_STYLES,
    TAG_MAX_LENGTH,
    TALK_STYLES,
    name_key,
    normalise_name,
)

NAME_STYLE_LABELS = {
    "full": gettext_lazy("Full name (Ana García)"),
    "first_initial": gettext_lazy("First name and last initial (Ana G.)"),
}


class Classroom(models.Model):
    # The owner: the only one who may delete the class, hand it on or choose its
    # co-teachers (partnerup/schools). Co-teachers plan and run the day like the owner.
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="classrooms"
    )
    co_teachers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="co_taught_classes"
    )
    name = models.CharField(max_length=120)
    is_archived = models.BooleanField(default=False)
    # When it was archived (cleared when it comes back): the retention clock
    # (partnerup/upkeep/retention.py) deletes its students' answers that many days later.
    archived_at = models.DateTimeField(null=True, blank=True)
    # When the daily clean-up deleted its students' answers, reflections, days and notes.
    student_data_removed_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    # The columns of the last roster imported and the field each fed ({"headers": [...],
    # "fields": [...]}), offered first when the next file has the same headers.
    import_columns = models.JSONField(default=dict, blank=True)
    # How pages, print and student pages show names (engine.NAME_STYLES).
    name_display = models.CharField(
        max_length=20,
        choices=[(style, NAME_STYLE_LABELS[style]) for style in NAME_STYLES],
        default="full",
        verbose_name=gettext_lazy("Show names as"),
    )

    class Meta:
        ordering = ["is_archived", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def current_plan(self):
        return self.plans.filter(is_current=True).first()

    def set_archived(self, is_archived: bool, now) -> None:
        """Archive or bring back; bringing back stops the retention clock."""
        self.is_archived = is_archived
        self.archived_at = now if is_archived else None
        self.save(update_fields=["is_archived", "archived_at"])


def classes_for(user) -> models.QuerySet[Classroom]:
    """Every query of a class starts here, so an unscoped query stands out in review:
    the classes the user owns and the classes they co-teach."""
    co_taught = Classroom.co_teachers.through.objects.filter(user=user).values("classroom")
    return Classroom.objects.filter(Q(teacher=user) | Q(pk__in=co_taught))


def owned_classes(user) -> models.QuerySet[Classroom]:
    """The classes the user owns: theirs to delete or hand on."""
    return Classroom.objects.filter(teacher=user)


def classroom_or_404(user, pk: int) -> Classroom:
    """The signed-in teacher's class, or 404 (never another teacher's, never a 403
    that would confirm the class exists)."""
    return get_object_or_404(classes_for(user), pk=pk)


def lock_class(classroom: Classroom) -> None:
    """Inside a transaction: hold the class's row until it ends, so requests that
    change the class's state (plans, days, imports) run one after the other. SQLite
    needs nothing more: its write transactions already run one at a time (IMMEDIATE)."""
    Classroom.objects.select_for_update().filter(pk=classroom.pk).exists()


TALK_LABELS = {
    "quiet": gettext_lazy("Quiet"),
    "balanced": gettext_lazy("Balanced"),
    "dominant": gettext_lazy("Dominant"),
}


def _within(bounds: tuple[int, int], message) -> list:
    """Validators for a number the engine bounds (its LEVELS, ENGLISH_LEVELS)."""
    return [MinValueValidator(bounds[0], message), MaxValueValidator(bounds[1], message)]


class Student(models.Model):
    """A writer in a class. Everything else refers to a student by id (foreign keys,
    or ids inside JSON lists), so renaming a student changes this row only."""

    TALK_CHOICES = [(style, TALK_LABELS[style]) for style in TALK_STYLES]

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="students")
    name = models.CharField(max_length=NAME_MAX_LENGTH)
    # The name as compared: NFC, trimmed, case-folded; unique in the class.
    name_key = models.CharField(max_length=NAME_MAX_LENGTH * 3, editable=False)
    # The school's student id, when an import gave one: the next import matches by it.
    external_id = models.CharField(max_length=EXTERNAL_ID_MAX_LENGTH, blank=True)
    level = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=_within(LEVELS, gettext_lazy("Writing level is 1, 2, 3 or 4.")),
    )
    goals = models.JSONField(default=list, blank=True)
    strengths = models.JSONField(default=list, blank=True)
    interests = models.JSONField(default=list, blank=True)
    home_language = models.CharField(max_length=TAG_MAX_LENGTH, blank=True)
    english_level = models.DecimalField(
        max_digits=2,
        decimal_places=1,
        null=True,
        blank=True,
        validators=_within(ENGLISH_LEVELS, gettext_lazy("English level is WIDA 1-6.")),
    )
    choices = models.JSONField(default=list, blank=True)  # classmates' ids, ranked
    avoid = models.JSONField(default=list, blank=True)  # classmates' ids
    talk = models.CharField(max_length=10, choices=TALK_CHOICES, default="balanced")
    often_absent = models.BooleanField(default=False)
    social_support = models.BooleanField(default=False)
    floater = models.BooleanField(default=False)
    new_student = models.BooleanField(default=False)
    reading_partner = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    past_partners = models.JSONField(default=list, blank=True)  # classmates' ids
    teacher_notes = models.TextField(max_length=4000, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["classroom", "name_key"], name="unique_name_in_class"),
            models.UniqueConstraint(
                fields=["classroom", "external_id"],
                condition=~Q(external_id=""),
                name="unique_external_id_in_class",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def set_name(self, name: str) -> None:
        self.name = normalise_name(name)
        self.name_key = name_key(name)

    def save(self, *args, **kwargs) -> None:
        self.set_name(self.name)
        super().save(*args, **kwargs)


class Rule(models.Model):
    KINDS = [
        ("keep_apart", gettext_lazy("Keep apart")),
        ("keep_together", gettext_lazy("Keep together")),
        ("lock", gettext_lazy("Lock")),
    ]

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(max_length=20, choices=KINDS)
    students = models.JSONField(default=list)  # the students' ids

    def __str__(self) -> str:
        return self.get_kind_display()

    def described(self, names: dict[int, str]) -> str:
        """The rule in words with the class's names as they are now."""
        return f"{self.get_kind_display()}: {', '.join(names.get(pk, '?') for pk in self.students)}"
