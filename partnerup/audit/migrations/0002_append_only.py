"""Triggers that refuse UPDATE and DELETE on the activity record (SQLite, PostgreSQL)."""

from django.db import migrations

from partnerup.audit import triggers


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_entries")]
    operations = [migrations.RunPython(triggers.install, triggers.remove)]
