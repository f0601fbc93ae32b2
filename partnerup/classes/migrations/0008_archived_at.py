"""When a class was archived, and when its students' answers were removed (retention).

Classes already archived start the clock now, so the first daily clean-up after this
migration removes nothing a teacher had no warning of."""

from django.db import migrations, models
from django.utils import timezone


def start_the_clock(apps, schema_editor):
    Classroom = apps.get_model("classes", "Classroom")
    Classroom.objects.filter(is_archived=True, archived_at__isnull=True).update(
        archived_at=timezone.now()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("classes", "0007_name_display"),
    ]

    operations = [
        migrations.AddField(
            model_name="classroom",
            name="archived_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="classroom",
            name="student_data_removed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(start_the_clock, migrations.RunPython.noop),
    ]
