"""Whole responses, cached per content version: what a visitor asked for, keyed, stored and served.

A response is kept when it is the same for every visitor who sends the same request: status 200 or
a redirect, no cookie but the CSRF one, no `private`/`no-store`, no CSP nonce, and a `Vary` limited
to what the key holds (scheme, host, path, query, the htmx headers, the negotiated language where
the path has none). Requests with a session or message cookie are never served from the cache.

No CSRF token is ever served from the cache (tokens.py): a stored page holds a placeholder where
the token was, and each response gets a fresh token for its own visitor.

An entry holds everything a hit needs, worked out once when it is stored: the body plain and
compressed, and the headers to send with each. Used by the middleware (every request Django sees)
and by the WSGI fast path (hits only).
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import re
import time
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseBase, parse_cookie
from django.utils import translation
from isal import igzip

from . import tokens

logger = logging.getLogger(__name__)
# The entries' layout: entries stored by an earlier layout are never read.
LAYOUT = 2
STATUSES = {200, 301, 302, 303, 307, 308}
KEYED_HEADERS = ("HTTP_HX_REQUEST", "HTTP_HX_HISTORY_RESTORE_REQUEST")
VARY_KEYED = {"accept-encoding", "accept-language", "cookie", "hx-request"}
VARY_KEYED |= {"hx-history-restore-request"}
NOT_STORED = {"content-length", "content-encoding", "etag", "date", "set-cookie"}
NOT_MODIFIED_HEADERS = {
    "cache-control",
    "vary",
    "etag",
    "set-cookie",
    "content-location",
    "expires",
}
# A page without a query string is asked for again and again: worth zlib's best compression. Each
# of the many verdict permalinks and API queries is mostly asked for once: compressed fast, by
# ISA-L (isal), which gives a 23 KB verdict page the size zlib's level 2 gives it in a quarter of
# the time (45 µs). An htmx fragment (a comparison filter, a what-if change) is what a visitor
# waits for after a click: the best level costs 0.05 ms more for a what-if verdict and 0.6 ms
# more for the whole comparison table, once per entry, and saves a fifth of the table's bytes.
BEST, FAST = 6, 2  # zlib's level, ISA-L's level (0–3)
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
# After a cache error, go without the cache for a while instead of waiting on it every request.
PAUSE_SECONDS = 10.0


Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Entry:
    status: int
    # What every response from this entry says (Vary and Cache-Control included) but the
    # body's own ETag, Content-Encoding, Content-Length and a CSRF cookie.
    headers: Headers
    body: bytes  # uncompressed; a CSRF token's place holds tokens.PLACEHOLDER
    gzipped: bytes | None  # None when it holds a token, or is too small to gain from it
    etag: str
    has_token: bool
    # A page with one token: the compressed text before and after it (see tokens.gzip_around()).
    gzip_around: tuple[bytes, bytes] | None = None
    # A page without a token: all the headers, sent with the body plain and compressed.
    plain_headers: Headers = ()
    gzip_headers: Headers | None = None


class _Cache:
    """The cache backend, skipped for PAUSE_SECONDS after it failed or timed out."""

    paused_until = 0.0

    def _run(self, action: str, *args: Any) -> Any:
        if time.monotonic() < self.paused_until:
            return None
        try:
            return getattr(caches[settings.PAGECACHE_ALIAS], action)(*args)
        except Exception:
            logger.warning("Page cache unavailable; serving without it", exc_info=True)
            self.paused_until = time.monotonic() + PAUSE_SECONDS
            return None

    def get(self, key: str) -> Entry | None:
        return self._run("get", key)

    def set(self, key: str, entry: Entry) -> None:
        self._run("set", key, entry, settings.PAGECACHE_SECONDS)


cache = _Cache()


def request_id(environ: dict[str, Any]) -> str | None:
    """What identifies the response to this request, or None when it must not come from a cache."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    path = environ.get("PATH_INFO", "")
    if path == "/" or path.startswith(settings.PAGECACHE_EXCLUDE):
        return None
    cookies = parse_cookie(environ.get("HTTP_COOKIE", ""))
    # "advisor_answers" refills a wizard step for one visitor (advisor/draft.py).
    if cookies.keys() & {settings.SESSION_COOKIE_NAME, "messages", "advisor_answers"}:
        return None
    parts = [_scheme(environ), environ.get("HTTP_HOST", "").lower(), path]
    parts += [environ.get("QUERY_STRING", "")] + [environ.get(h, "") for h in KEYED_HEADERS]
    if path.split("/")[1] not in LANGUAGE_CODES:
        # LocaleMiddleware varies these on Accept-Language and the language cookie.
        visitor = SimpleNamespace(COOKIES=cookies, META=environ)
        parts.append(translation.get_language_from_request(visitor))  # type: ignore[arg-type]
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:40]


def key(stamp: str, ident: str) -> str:
    return f"page{LAYOUT}:{stamp}:{ident}"


def _scheme(environ: dict[str, Any]) -> str:
    if settings.SECURE_PROXY_SSL_HEADER:
        header, value = settings.SECURE_PROXY_SSL_HEADER
        if environ.get(header) == value:
            return "https"
    return environ.get("wsgi.url_scheme", "http")


def entry_for(request: HttpRequest, response: HttpResponseBase) -> Entry | None:
    """The response as a cache entry, or None when it is not the same for every visitor."""
    if not isinstance(response, HttpResponse) or response.status_code not in STATUSES:
        return None
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME} or response.get("Content-Encoding"):
        return None
    if {"private", "no-store"} & set(
        re.split(r"[\s,]+", response.get("Cache-Control", "").lower())
    ):
        return None
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if vary - VARY_KEYED or "nonce-" in response.get("Content-Security-Policy", ""):
        return None
    body, has_token = response.content, False
    secret = request.META.get("CSRF_COOKIE")
    if secret:
        body, has_token = tokens.strip(body, secret)
        if secret.encode() in body:
            return None
    headers = _final(tuple((k, v) for k, v in response.items() if k.lower() not in NOT_STORED))
    etag = hashlib.sha256(body).hexdigest()[:24]
    if has_token:
        around = tokens.around(body) if body.count(tokens.PLACEHOLDER) == 1 else None
        return Entry(response.status_code, headers, body, None, etag, True, around)
    plain = (*headers, ("ETag", f'W/"{etag}"'))
    gzipped = gzip_headers = None
    if len(body) >= 200:
        if request.META.get("QUERY_STRING") and not request.META.get("HTTP_HX_REQUEST"):
            gzipped = igzip.compress(body, compresslevel=FAST, mtime=0)
        else:
            gzipped = gzip.compress(body, compresslevel=BEST, mtime=0)
        gzip_headers = (*plain, ("Content-Encoding", "gzip"), _length(gzipped))
    return Entry(
        status=response.status_code,
        headers=headers,
        body=body,
        gzipped=gzipped,
        etag=etag,
        has_token=False,
        plain_headers=(*plain, _length(body)),
        gzip_headers=gzip_headers,
    )


def _final(headers: Headers) -> Headers:
    """The stored headers with `Vary: Accept-Encoding`, and `Cache-Control: no-cache` by default."""
    found = list(headers)
    names = [name.lower() for name, _value in found]
    if "vary" in names:
        position = names.index("vary")
        name, value = found[position]
        if "accept-encoding" not in value.lower():
            found[position] = (name, value + ", Accept-Encoding")
    else:
        found.append(("Vary", "Accept-Encoding"))
    if "cache-control" not in names:
        # Browsers keep the page but ask each time: an editor's change shows on the next visit.
        found.append(("Cache-Control", "no-cache"))
    return tuple(found)


def _length(body: bytes) -> tuple[str, str]:
    return ("Content-Length", str(len(body)))


_gzip_accepted: dict[str, bool] = {}


def _accepts_gzip(environ: dict[str, Any]) -> bool:
    header = environ.get("HTTP_ACCEPT_ENCODING", "")
    try:
        return _gzip_accepted[header]
    except KeyError:
        pass
    accepted = False
    for coding in header.lower().split(","):
        name, _sep, params = coding.partition(";")
        if name.strip() in ("gzip", "*"):
            accepted = params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
            break
    if len(_gzip_accepted) < 256:  # browsers send a handful of different values
        _gzip_accepted[header] = accepted
    return accepted


def respond(entry: Entry, environ: dict[str, Any]) -> tuple[int, list[tuple[str, str]], bytes]:
    """Status, headers and body for this visitor, from a cache entry."""
    if entry.has_token:
        return _with_token(entry, environ)
    if entry.status == 200 and _matches(environ.get("HTTP_IF_NONE_MATCH", ""), entry.etag):
        return _not_modified(entry.plain_headers)
    if entry.gzip_headers is not None and _accepts_gzip(environ):
        headers, body = entry.gzip_headers, entry.gzipped or b""
    else:
        headers, body = entry.plain_headers, entry.body
    return entry.status, list(headers), b"" if environ.get("REQUEST_METHOD") == "HEAD" else body


def _with_token(entry: Entry, environ: dict[str, Any]) -> tuple[int, list[tuple[str, str]], bytes]:
    secret, new = tokens.visitor_secret(environ)
    etag = entry.etag + "-" + hashlib.sha256(secret.encode()).hexdigest()[:8]
    headers = [*entry.headers, ("ETag", f'W/"{etag}"')]
    if new:
        headers.append(("Set-Cookie", tokens.cookie_header(secret)))
    if entry.status == 200 and _matches(environ.get("HTTP_IF_NONE_MATCH", ""), etag):
        return _not_modified(headers)
    token = tokens.masked(secret)
    body = entry.body.replace(tokens.PLACEHOLDER, token)
    if _accepts_gzip(environ) and len(body) >= 200:
        if entry.gzip_around:
            body = tokens.gzip_around(entry.gzip_around, token, body)
        else:
            body = gzip.compress(body, compresslevel=BEST, mtime=0)
        headers.append(("Content-Encoding", "gzip"))
    headers.append(_length(body))
    return entry.status, headers, b"" if environ.get("REQUEST_METHOD") == "HEAD" else body


def _not_modified(headers: Any) -> tuple[int, list[tuple[str, str]], bytes]:
    return 304, [(k, v) for k, v in headers if k.lower() in NOT_MODIFIED_HEADERS], b""


def _matches(if_none_match: str, etag: str) -> bool:
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    tags = (tag.strip().removeprefix("W/").strip('"') for tag in if_none_match.split(","))
    return etag in tags
