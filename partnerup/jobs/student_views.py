"""The student's "What is my job?" page: today's job, its picture and its sentence
frames, in the card's language (read aloud with "Read to me")."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from partnerup.voice.session import student_required

from .services import student_jobs


@student_required
def my_job(request, card):
    jobs = student_jobs(card.student, timezone.localdate(), card.language)
    return render(request, "jobs/mine.html", {"card": card, "jobs": jobs})
