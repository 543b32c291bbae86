"""CSRF tokens in cached pages: taken out before a page is stored, a fresh one put in per visitor.

Every token masked from the visitor's secret is replaced by a placeholder before the page is
stored; each response gets a new token masked from its own visitor's secret (and the cookie, when
the visitor had none). The compressed page is put together around the token without compressing
the page again.

Tokens are made as Django's CsrfViewMiddleware makes and reads them (Django is pinned), with the
random characters drawn from `secrets` in one call instead of one call per character.
"""

from __future__ import annotations

import re
import secrets
import struct
import time
import zlib
from typing import Any

from django.conf import settings
from django.http import HttpResponse, parse_cookie
from django.middleware import csrf as csrf_module

# Django's own masking helpers: a token made here is one CsrfViewMiddleware accepts.
csrf: Any = csrf_module

PLACEHOLDER = b"\x00csrf-token\x00"  # forms reject NUL: no editor's text can contain it
MASKED_TOKEN = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # deflate, no name, no time
CHARS: str = csrf.CSRF_ALLOWED_CHARS
POSITION = {char: number for number, char in enumerate(CHARS)}
# Random bytes below this are used (modulo the alphabet); the rest would favour some characters.
UNBIASED = 256 - 256 % len(CHARS)


def strip(body: bytes, secret: str) -> tuple[bytes, bool]:
    """The page with every token masked from `secret` replaced by PLACEHOLDER; whether it had one."""
    found = [m for m in set(MASKED_TOKEN.findall(body)) if _unmask(m) == secret]
    for token in found:
        body = body.replace(token, PLACEHOLDER)
    return body, bool(found)


def _unmask(token: bytes) -> str:
    return csrf._unmask_cipher_token(token.decode())


def _random_chars(count: int) -> str:
    chars: list[str] = []
    while len(chars) < count:
        chars += [CHARS[b % len(CHARS)] for b in secrets.token_bytes(count + 8) if b < UNBIASED]
    return "".join(chars[:count])


def masked(secret: str) -> bytes:
    """A new token for `secret`: a random mask, then the secret shifted by it (as Django does)."""
    mask = _random_chars(csrf.CSRF_SECRET_LENGTH)
    size = len(CHARS)
    cipher = "".join(
        CHARS[(POSITION[s] + POSITION[m]) % size] for s, m in zip(secret, mask, strict=True)
    )
    return (mask + cipher).encode()


def visitor_secret(environ: dict[str, Any]) -> tuple[str, bool]:
    """The visitor's CSRF secret, and whether it is new (then the cookie must be set)."""
    cookie = parse_cookie(environ.get("HTTP_COOKIE", "")).get(settings.CSRF_COOKIE_NAME, "")
    try:
        csrf._check_token_format(cookie)
    except csrf.InvalidTokenFormat:
        return _random_chars(csrf.CSRF_SECRET_LENGTH), True
    return (
        cookie if len(cookie) == csrf.CSRF_SECRET_LENGTH else csrf._unmask_cipher_token(cookie)
    ), False


_cookie_made: list[Any] = [None, ("", "")]  # the second it was made at, the text around the value
_COOKIE_VALUE = "0" * 32


def cookie_header(secret: str) -> str:
    """The Set-Cookie value Django would send for this secret; its expiry date is made once a second."""
    now = int(time.time())
    if _cookie_made[0] != now:
        response = HttpResponse()
        response.set_cookie(
            settings.CSRF_COOKIE_NAME,
            _COOKIE_VALUE,
            max_age=settings.CSRF_COOKIE_AGE,
            domain=settings.CSRF_COOKIE_DOMAIN,
            path=settings.CSRF_COOKIE_PATH,
            secure=settings.CSRF_COOKIE_SECURE,
            httponly=settings.CSRF_COOKIE_HTTPONLY,
            samesite=settings.CSRF_COOKIE_SAMESITE,
        )
        text = response.cookies[settings.CSRF_COOKIE_NAME].OutputString()
        _cookie_made[:] = [now, tuple(text.split(_COOKIE_VALUE, 1))]
    before, after = _cookie_made[1]
    return before + secret + after


def deflate(data: bytes, flush: int) -> bytes:
    # A fresh compressor: nothing refers back to text compressed elsewhere.
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(flush)


def around(body: bytes) -> tuple[bytes, bytes]:
    """A page with one placeholder, compressed on either side of it (see gzip_around())."""
    before, after = body.split(PLACEHOLDER)
    return deflate(before, zlib.Z_FULL_FLUSH), deflate(after, zlib.Z_FINISH)


def gzip_around(parts: tuple[bytes, bytes], token: bytes, body: bytes) -> bytes:
    """A page with its token, compressed without compressing the page again.

    The text before the token ends on a byte boundary (a full flush), the token goes in as an
    uncompressed ("stored") deflate block, and the text after it ends the stream: one valid gzip
    member, whose checksum is that of the whole page.
    """
    before, after = parts
    stored = b"\x00" + struct.pack("<HH", len(token), 0xFFFF ^ len(token)) + token
    trailer = struct.pack("<II", zlib.crc32(body), len(body) & 0xFFFFFFFF)
    return GZIP_HEADER + before + stored + after + trailer
