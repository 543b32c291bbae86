"""Whole responses, cached per content version: what a visitor asked for, keyed, stored and served.

A response is kept when it is the same for every visitor who sends the same request: status 200 or
a redirect, no cookie but the CSRF one, no `private`/`no-store`, no CSP nonce, and a `Vary` limited
to what the key holds (scheme, host, path, query, the htmx headers, the negotiated language where
the path has none). Requests with a session or message cookie are never served from the cache.

No CSRF token is ever served from the cache: before a page is stored, every token masked from the
visitor's secret is replaced by a placeholder, and each response gets a fresh token for its own
visitor's secret (and the cookie, if the visitor had none); its compressed form is put together
around the token without compressing the page again.

Used by the middleware (every request Django sees) and by the WSGI fast path (hits only).
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import re
import struct
import time
import zlib
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseBase, parse_cookie
from django.middleware import csrf as csrf_module
from django.utils import translation

logger = logging.getLogger(__name__)
# Django's own masking helpers (Django is pinned): a token made here is one CsrfViewMiddleware accepts.
csrf: Any = csrf_module

PLACEHOLDER = b"\x00csrf-token\x00"  # forms reject NUL: no editor's text can contain it
MASKED_TOKEN = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
STATUSES = {200, 301, 302, 303, 307, 308}
KEYED_HEADERS = ("HTTP_HX_REQUEST", "HTTP_HX_HISTORY_RESTORE_REQUEST")
VARY_KEYED = {"accept-encoding", "accept-language", "cookie", "hx-request"}
VARY_KEYED |= {"hx-history-restore-request"}
NOT_STORED = {"content-length", "content-encoding", "etag", "date", "set-cookie"}
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # deflate, no name, no time
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
# After a cache error, go without the cache for a while instead of waiting on it every request.
PAUSE_SECONDS = 10.0


@dataclass(frozen=True)
class Entry:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes  # uncompressed; a CSRF token's place holds PLACEHOLDER
    gzipped: bytes | None  # None when it holds a token, or is too small to gain from it
    etag: str
    has_token: bool
    # A page with one token: the compressed text before and after it (see _gzip_around()).
    gzip_around: tuple[bytes, bytes] | None = None


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
    return f"page:{stamp}:{ident}"


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
        found = [m for m in set(MASKED_TOKEN.findall(body)) if _unmask(m) == secret]
        for token in found:
            body = body.replace(token, PLACEHOLDER)
        has_token = bool(found)
        if secret.encode() in body:
            return None
    headers = tuple((k, v) for k, v in response.items() if k.lower() not in NOT_STORED)
    compress = not has_token and len(body) >= 200
    around = None
    if has_token and body.count(PLACEHOLDER) == 1:
        before, after = body.split(PLACEHOLDER)
        around = (_deflate(before, zlib.Z_FULL_FLUSH), _deflate(after, zlib.Z_FINISH))
    return Entry(
        status=response.status_code,
        headers=headers,
        body=body,
        gzipped=gzip.compress(body, compresslevel=6, mtime=0) if compress else None,
        etag=hashlib.sha256(body).hexdigest()[:24],
        has_token=has_token,
        gzip_around=around,
    )


def _deflate(data: bytes, flush: int) -> bytes:
    # A fresh compressor: nothing refers back to text compressed elsewhere.
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(flush)


def _gzip_around(around: tuple[bytes, bytes], token: bytes, body: bytes) -> bytes:
    """A page with its token, compressed without compressing the page again.

    The text before the token ends on a byte boundary (a full flush), the token goes in as an
    uncompressed ("stored") deflate block, and the text after it ends the stream: one valid gzip
    member, whose checksum is that of the whole page.
    """
    before, after = around
    stored = b"\x00" + struct.pack("<HH", len(token), 0xFFFF ^ len(token)) + token
    trailer = struct.pack("<II", zlib.crc32(body), len(body) & 0xFFFFFFFF)
    return GZIP_HEADER + before + stored + after + trailer


def _unmask(token: bytes) -> str:
    return csrf._unmask_cipher_token(token.decode())


def _visitor_secret(environ: dict[str, Any]) -> tuple[str, bool]:
    """The visitor's CSRF secret, and whether it is new (then the cookie must be set)."""
    cookie = parse_cookie(environ.get("HTTP_COOKIE", "")).get(settings.CSRF_COOKIE_NAME, "")
    try:
        csrf._check_token_format(cookie)
    except csrf.InvalidTokenFormat:
        return csrf._get_new_csrf_string(), True
    return (
        cookie if len(cookie) == csrf.CSRF_SECRET_LENGTH else csrf._unmask_cipher_token(cookie)
    ), False


def _cookie_header(secret: str) -> str:
    response = HttpResponse()
    response.set_cookie(
        settings.CSRF_COOKIE_NAME,
        secret,
        max_age=settings.CSRF_COOKIE_AGE,
        domain=settings.CSRF_COOKIE_DOMAIN,
        path=settings.CSRF_COOKIE_PATH,
        secure=settings.CSRF_COOKIE_SECURE,
        httponly=settings.CSRF_COOKIE_HTTPONLY,
        samesite=settings.CSRF_COOKIE_SAMESITE,
    )
    return response.cookies[settings.CSRF_COOKIE_NAME].OutputString()


def _accepts_gzip(environ: dict[str, Any]) -> bool:
    for coding in environ.get("HTTP_ACCEPT_ENCODING", "").lower().split(","):
        name, _sep, params = coding.partition(";")
        if name.strip() in ("gzip", "*"):
            return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def respond(entry: Entry, environ: dict[str, Any]) -> tuple[int, list[tuple[str, str]], bytes]:
    """Status, headers and body for this visitor, from a cache entry."""
    headers = list(entry.headers)
    body, etag = entry.body, entry.etag
    gzipped = entry.gzipped
    if entry.has_token:
        secret, new = _visitor_secret(environ)
        etag += "-" + hashlib.sha256(secret.encode()).hexdigest()[:8]
        token = csrf._mask_cipher_secret(secret).encode()
        body = body.replace(PLACEHOLDER, token)
        if entry.gzip_around and _accepts_gzip(environ):
            gzipped = _gzip_around(entry.gzip_around, token, body)
        if new:
            headers.append(("Set-Cookie", _cookie_header(secret)))
    names = {name.lower(): i for i, (name, _v) in enumerate(headers)}
    if "vary" in names:
        name, value = headers[names["vary"]]
        if "accept-encoding" not in value.lower():
            headers[names["vary"]] = (name, value + ", Accept-Encoding")
    else:
        headers.append(("Vary", "Accept-Encoding"))
    if "cache-control" not in names:
        # Browsers keep the page but ask each time: an editor's change shows on the next visit.
        headers.append(("Cache-Control", "no-cache"))
    headers.append(("ETag", f'W/"{etag}"'))
    if entry.status == 200 and _matches(environ.get("HTTP_IF_NONE_MATCH", ""), etag):
        kept = {"cache-control", "vary", "etag", "set-cookie", "content-location", "expires"}
        return 304, [(k, v) for k, v in headers if k.lower() in kept], b""
    if _accepts_gzip(environ) and (gzipped or (entry.has_token and len(body) >= 200)):
        body = gzipped or gzip.compress(body, compresslevel=6, mtime=0)
        headers.append(("Content-Encoding", "gzip"))
    headers.append(("Content-Length", str(len(body))))
    return entry.status, headers, b"" if environ.get("REQUEST_METHOD") == "HEAD" else body


def _matches(if_none_match: str, etag: str) -> bool:
    if if_none_match.strip() == "*":
        return True
    tags = (tag.strip().removeprefix("W/").strip('"') for tag in if_none_match.split(","))
    return etag in tags
