"""The page cache's fast path: a hit is answered before Django handles the request at all.

A hit costs one read of the content version and one cache read; everything Django would add is in
the stored headers already (see middleware.py). Anything else, or any error here, goes to Django.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any

from . import store, version

logger = logging.getLogger(__name__)
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class FastPath:
    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        try:
            answer = self._hit(environ)
        except Exception:  # the database is away: Django answers, with its own error handling
            logger.debug("Page cache fast path skipped", exc_info=True)
            answer = None
        if answer is None:
            return self.app(environ, start_response)
        status, headers, body = answer
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [body]

    @staticmethod
    def _hit(environ: dict[str, Any]) -> tuple[int, list[tuple[str, str]], bytes] | None:
        ident = store.request_id(environ)
        if ident is None:
            return None
        stamp = version.current()
        entry = store.cache.get(store.key(stamp, ident))
        if entry is None:
            # Django renders it under this stamp: no second version read, no second cache read.
            environ["pagecache.stamp"], environ["pagecache.missed"] = stamp, True
            return None
        return store.respond(entry, environ)
