from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("classes", "0003_names_to_ids")]

    operations = [
        migrations.RemoveField(model_name="student", name="reading_partner"),
        migrations.RenameField(
            model_name="student", old_name="reading_partner_ref", new_name="reading_partner"
        ),
        migrations.AddConstraint(
            model_name="student",
            constraint=models.UniqueConstraint(
                fields=("classroom", "name_key"), name="unique_name_in_class"
            ),
        ),
        migrations.AddConstraint(
            model_name="student",
            constraint=models.UniqueConstraint(
                condition=models.Q(("external_id", ""), _negated=True),
                fields=("classroom", "external_id"),
                name="unique_external_id_in_class",
            ),
        ),
    ]
