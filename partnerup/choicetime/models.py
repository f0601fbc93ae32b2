"""A natural partnership the teacher saw in choice time: two or three students who
chose to work together on a day. Students are linked by key, so removing a student
removes them from every entry (and an entry left with one student is not a
partnership any more: services ignore it)."""

from __future__ import annotations

from django.db import models

from partnerup.classes.models import Classroom, Student


class ChoiceTimePartnership(models.Model):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="choice_time")
    date = models.DateField()
    students = models.ManyToManyField(Student, related_name="choice_time_partnerships")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.classroom} {self.date}"
