import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("classes", "0001_initial")]

    operations = [
        migrations.RemoveConstraint(model_name="student", name="unique_name_in_class"),
        migrations.AddField(
            model_name="student",
            name="name_key",
            field=models.CharField(default="", editable=False, max_length=240),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="student",
            name="external_id",
            field=models.CharField(blank=True, default="", max_length=64),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="student",
            name="home_language",
            field=models.CharField(blank=True, max_length=80),
        ),
        migrations.AlterField(
            model_name="student",
            name="teacher_notes",
            field=models.TextField(blank=True, max_length=4000),
        ),
        migrations.AddField(
            model_name="student",
            name="reading_partner_ref",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="classes.student",
            ),
        ),
    ]
