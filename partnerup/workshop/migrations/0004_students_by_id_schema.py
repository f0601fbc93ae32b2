import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("classes", "0002_students_by_id"), ("workshop", "0003_headline_partners")]

    operations = [
        migrations.AddField(
            model_name="leadturn",
            name="leader_ref",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="classes.student",
            ),
        ),
        migrations.RemoveConstraint(model_name="headlinenote", name="one_note_per_student"),
        migrations.AddField(
            model_name="headlinenote",
            name="student_ref",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="classes.student",
            ),
        ),
    ]
