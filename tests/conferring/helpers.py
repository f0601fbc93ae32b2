from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from partnerup.conferring.models import ConferenceNote
from partnerup.conferring.services import current_partnerships, members_token

HTMX = {"HTTP_HX_REQUEST": "true"}


def days_ago(days: int):
    return timezone.localdate() - timedelta(days=days)


def note_for(classroom, pks, days=0, skill="lead", next_step=""):
    """A note written `days` ago to the students `pks` together."""
    return ConferenceNote.objects.bulk_create(
        ConferenceNote(
            classroom=classroom,
            student_id=pk,
            date=days_ago(days),
            members=members_token(pks),
            skill=skill,
            next_step=next_step,
        )
        for pk in pks
    )


def partnerships(classroom):
    return current_partnerships(classroom.current_plan)


def url(name, classroom, *args):
    return reverse(f"conferring:{name}", args=[classroom.pk, *args])
