"""`python manage.py daily`: the upkeep a school's PartnerUp needs once a day (README:
The daily clean-up). One line per task; counts only, never a name."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from partnerup.upkeep.retention import Removed
from partnerup.upkeep.tasks import TASKS


class Command(BaseCommand):
    help = "Run the daily clean-up: retention of archived classes, expired sessions."

    def handle(self, *args, **options) -> None:
        now = timezone.now()
        for name, task in TASKS:
            done = task(now)
            rows, detail = (done.rows, done.detail) if isinstance(done, Removed) else (done, "")
            removed = f"{name}: removed {rows:,} {'row' if rows == 1 else 'rows'}"
            line = " ".join(part for part in (removed, detail) if part)
            self.stdout.write(line)
