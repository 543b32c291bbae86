"""Every change to the content bumps the content version, in the same transaction.

Admin saves and deletes, inlines, many-to-many changes and fixtures (`raw` saves) all send these
signals. Migrations use historical models, which may run before this app's table exists: the
version is bumped once after `migrate` instead. `QuerySet.update()` and `bulk_create()` send no
signal: code that uses them on content calls `version.bump()` itself.
"""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.db import connections
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from . import version


def _is_content(sender: Any) -> bool:
    meta = getattr(sender, "_meta", None)
    return (
        meta is not None
        and meta.app_label in settings.CONTENT_APPS
        and sender.__module__ != "__fake__"  # a migration's historical model
    )


def _saved_or_deleted(sender: Any, using: str = "default", **kwargs: Any) -> None:
    if _is_content(sender):
        version.bump(using)


def _m2m_changed(sender: Any, action: str, using: str = "default", **kwargs: Any) -> None:
    if action.startswith("post_") and _is_content(sender):
        version.bump(using)


def _migrated(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    # Data migrations may have changed the content. (`migrate` of another app alone may come first.)
    if version.TABLE in connections[using].introspection.table_names():
        version.bump(using)


def connect(app: AppConfig) -> None:
    post_save.connect(_saved_or_deleted, dispatch_uid="pagecache-save")
    post_delete.connect(_saved_or_deleted, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="pagecache-m2m")
    post_migrate.connect(_migrated, sender=app, dispatch_uid="pagecache-migrate")
