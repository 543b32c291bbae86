from functools import partial

from django.db import migrations

from core.editors import grant_editor_permissions, revoke_editor_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0001_initial"),
        ("comparison", "0002_editors_group"),
    ]

    operations = [
        migrations.RunPython(
            partial(grant_editor_permissions, app_label="advisor"),
            partial(revoke_editor_permissions, app_label="advisor"),
        )
    ]
