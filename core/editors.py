"""The "Editors" group: staff who change the content. Used by the apps' data migrations."""

from typing import Any

EDITORS = "Editors"


def grant_editor_permissions(apps: Any, schema_editor: Any, *, app_label: str) -> None:
    """Give the Editors group (created if missing) every permission on one app's models."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    # Django creates permissions after all migrations have run; these are the same rows
    # (content type, codename, name), made now, which that later step then leaves alone.
    for model in apps.get_app_config(app_label).get_models():
        options = model._meta
        content_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=options.model_name
        )
        for action in options.default_permissions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{options.model_name}",
                defaults={"name": f"Can {action} {options.verbose_name_raw}"},
            )
            group.permissions.add(permission)


def revoke_editor_permissions(apps: Any, schema_editor: Any, *, app_label: str) -> None:
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=EDITORS).first()
    if group is not None:
        group.permissions.remove(*group.permissions.filter(content_type__app_label=app_label))
