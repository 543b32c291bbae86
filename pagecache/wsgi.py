"""The page cache's fast path: a hit is answered before Django handles the request at all.

A hit costs one read of the content version and one cache read; everything Django would add is in
the stored headers already (see middleware.py). Anything else, or any error here, goes to Django.
The entries this process served lately are kept in its memory too: a page asked for again and
again costs no cache read at all. They are keyed by content version like the cache, so an editor's
change still shows on the next request.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any

from . import store, version

logger = logging.getLogger(__name__)
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
# Entries kept in each process: at most this many (the largest page, compressed and not, is ~90 KB).
KEPT = 128


class FastPath:
    def __init__(self, app: WSGIApp) -> None:
        self.app = app
        self.kept: dict[str, store.Entry] = {}  # cache key → entry, oldest first

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        try:
            answer = self._hit(environ)
        except Exception:  # the database is away: Django answers, with its own error handling
            logger.debug("Page cache fast path skipped", exc_info=True)
            answer = None
        if answer is None:
            if environ.get("pagecache.missed"):
                return self._render(environ, start_response)
            return self.app(environ, start_response)
        return _send(answer, start_response)

    def _render(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        """Django renders a miss; what it stored is sent from the entry, as a hit would be (the
        middleware leaves the entry here rather than building a second response from it)."""
        started: list[tuple[Any, ...]] = []

        def hold(*args: Any) -> Callable[[bytes], None]:
            started.append(args)
            return _no_write

        result = self.app(environ, hold)
        entry = environ.pop("pagecache.entry", None)
        if entry is None:
            start_response(*started[0])
            return result
        close = getattr(result, "close", None)
        if close is not None:
            close()  # Django's end of request: its signals run, its connections are tidied
        return _send(store.respond(entry, environ), start_response)

    def _hit(self, environ: dict[str, Any]) -> tuple[int, list[tuple[str, str]], bytes] | None:
        ident = store.request_id(environ)
        if ident is None:
            return None
        stamp = version.current()
        key = store.key(stamp, ident)
        entry = self.kept.get(key)
        if entry is None:
            entry = store.cache.get(key)
            if entry is None:
                # Django renders it under this stamp: no second version read, no second cache read.
                environ["pagecache.stamp"], environ["pagecache.missed"] = stamp, True
                environ["pagecache.ident"] = ident
                return None
            self._keep(key, entry)
        return store.respond(entry, environ)

    def _keep(self, key: str, entry: store.Entry) -> None:
        kept = self.kept
        while len(kept) >= KEPT:
            kept.pop(next(iter(kept)), None)
        kept[key] = entry


def _send(
    answer: tuple[int, list[tuple[str, str]], bytes], start_response: Callable[..., Any]
) -> list[bytes]:
    status, headers, body = answer
    start_response(f"{status} {HTTPStatus(status).phrase}", headers)
    return [body]


def _no_write(data: bytes) -> None:
    raise RuntimeError("Django writes no body through start_response()")
