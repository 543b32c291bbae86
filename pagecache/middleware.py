"""The page cache inside Django: the outermost middleware, so a stored response carries the headers
every other middleware added. The WSGI fast path (wsgi.py) answers hits before Django starts; this
middleware stores what it missed, and serves hits itself where no fast path runs (tests, runserver).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.gzip import GZipMiddleware

from . import store, version


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.gzip = GZipMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        environ = request.META
        ident = environ.get("pagecache.ident") or store.request_id(environ)
        if ident is None:
            return self.get_response(request)
        stamp = environ.get("pagecache.stamp") or version.current()
        key = store.key(stamp, ident)
        entry = None if environ.get("pagecache.missed") else store.cache.get(key)
        if entry is not None:
            return as_response(*store.respond(entry, environ))
        # Everything below reads the content as of this stamp or later, never earlier.
        version.remember(stamp)
        head, accept = request.method == "HEAD", environ.pop("HTTP_ACCEPT_ENCODING", None)
        if head:  # rendered as GET once, then served to both
            request.method = environ["REQUEST_METHOD"] = "GET"
        try:
            response = self.get_response(request)
        finally:
            version.remember(None)
            if head:
                request.method = environ["REQUEST_METHOD"] = "HEAD"
            if accept is not None:
                environ["HTTP_ACCEPT_ENCODING"] = accept
        entry = store.entry_for(request, response)
        if entry is None:
            return self.gzip.process_response(request, response)
        store.cache.set(key, entry)
        if environ.get("pagecache.missed"):  # the fast path sends it (wsgi.py)
            environ["pagecache.entry"] = entry
            return response
        return as_response(*store.respond(entry, environ))


def as_response(status: int, headers: list[tuple[str, str]], body: bytes) -> HttpResponse:
    response = HttpResponse(body, status=status)
    for name, value in headers:
        if name.lower() == "set-cookie":
            response.cookies.load(value)
        else:
            response.headers[name] = value
    return response
