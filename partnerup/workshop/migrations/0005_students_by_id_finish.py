import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("classes", "0003_names_to_ids"), ("workshop", "0004_students_by_id_schema")]

    operations = [
        migrations.RemoveField(model_name="leadturn", name="leader"),
        migrations.RenameField(model_name="leadturn", old_name="leader_ref", new_name="leader"),
        migrations.AlterField(
            model_name="leadturn",
            name="leader",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="lead_turns",
                to="classes.student",
            ),
        ),
        migrations.RemoveField(model_name="headlinenote", name="student"),
        migrations.RenameField(
            model_name="headlinenote", old_name="student_ref", new_name="student"
        ),
        migrations.AlterField(
            model_name="headlinenote",
            name="student",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="headline_notes",
                to="classes.student",
            ),
        ),
        migrations.AddConstraint(
            model_name="headlinenote",
            constraint=models.UniqueConstraint(
                fields=("week", "student"), name="one_note_per_student"
            ),
        ),
    ]
