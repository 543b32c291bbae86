"""The "Editors" group: staff who change the content. Used by the apps' data migrations."""

from typing import Any

from django.contrib.auth.management import create_permissions

EDITORS = "Editors"


def grant_editor_permissions(apps: Any, schema_editor: Any, *, app_label: str) -> None:
    """Give the Editors group (created if missing) every permission on one app's models."""
    # Permissions are normally created after all migrations have run; make them exist now.
    app_config = apps.get_app_config(app_label)
    # The migration state's app config has no models module; create_permissions only checks it's set.
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label))


def revoke_editor_permissions(apps: Any, schema_editor: Any, *, app_label: str) -> None:
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=EDITORS).first()
    if group is not None:
        group.permissions.remove(*group.permissions.filter(content_type__app_label=app_label))
