import uuid

from django.db import migrations, models


def first_row(apps, schema_editor):
    apps.get_model("pagecache", "ContentVersion").objects.using(schema_editor.connection.alias).create(
        pk=1, stamp=uuid.uuid4().hex
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveBigIntegerField(default=1, help_text="How many times the content has changed.", verbose_name="number")),
                ("stamp", models.CharField(max_length=32, verbose_name="stamp")),
                ("changed", models.DateTimeField(auto_now=True, verbose_name="changed")),
            ],
            options={"verbose_name": "content version", "verbose_name_plural": "content versions"},
        ),
        migrations.RunPython(first_row, migrations.RunPython.noop),
    ]
