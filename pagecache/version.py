"""The content version every process reads before it trusts anything cached.

`current()` is one indexed read of a one-row table: every worker and every instance sees an editor's
change on its very next request, with no message to send and nothing to expire. `bump()` runs inside
the editor's own transaction (see signals.py), so the new version and the new content become
visible together, or not at all.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.db import connections
from django.db.models import F
from django.utils import timezone, translation

from .models import ContentVersion

TABLE = ContentVersion._meta.db_table
# The stamp a request read first, kept for the rest of it (set by the page cache).
_request = threading.local()


def current(using: str = "default") -> str:
    stamp = getattr(_request, "stamp", None)
    if stamp:
        return stamp
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT stamp FROM {TABLE} WHERE id = 1")
        row = cursor.fetchone()
    if row is None:  # the row was deleted by hand: start again
        bump(using)
        return current(using)
    return row[0]


def remember(stamp: str | None) -> None:
    """Pin the stamp for the rest of this request (None: forget it when the request ends)."""
    _request.stamp = stamp


def bump(using: str = "default") -> None:
    """A new version, in the caller's transaction."""
    fields = {"stamp": uuid.uuid4().hex, "changed": timezone.now()}
    updated = ContentVersion.objects.using(using).filter(pk=1)
    if not updated.update(number=F("number") + 1, **fields):
        ContentVersion.objects.using(using).create(pk=1, **fields)


def per_version[**P, T](function: Callable[P, T]) -> Callable[P, T]:
    """Compute `function` once per content version, language and arguments, in this process.

    The result must not depend on the request: the advisor's rules and wizard, as dataclasses.
    Only the latest version's results are kept.
    """
    kept: dict[tuple[object, ...], T] = {}
    lock = threading.Lock()
    latest = [""]

    @wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        stamp = current()
        key = (stamp, translation.get_language(), args, tuple(sorted(kwargs.items())))
        try:
            return kept[key]
        except KeyError:
            pass
        value = function(*args, **kwargs)
        with lock:
            if stamp != latest[0]:
                kept.clear()
                latest[0] = stamp
            kept[key] = value
        return value

    _memos.append(kept)
    return wrapper


_memos: list[dict[tuple[object, ...], Any]] = []


def forget() -> None:
    """Drop every result kept by `per_version` in this process (tests roll content back)."""
    for kept in _memos:
        kept.clear()
