from functools import partial

from django.db import migrations

from core.editors import grant_editor_permissions, revoke_editor_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("comparison", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(
            partial(grant_editor_permissions, app_label="comparison"),
            partial(revoke_editor_permissions, app_label="comparison"),
        )
    ]
