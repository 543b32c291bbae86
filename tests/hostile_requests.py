"""Hostile requests to every endpoint, built once from a fixed seed: odd keys and values, unicode,
NUL, repeated keys, bad percent-encoding, odd methods and headers, detect bodies up to 1 MB,
wrong content types. tests/test_hostile_input.py sends them.

A plain seeded generator rather than hypothesis: the requests are the same on every run and cost
nothing to make, no two are alike, and a failure names the request that caused it.
"""

import random
from dataclasses import dataclass, field
from urllib.parse import quote

MARKER = "<zz9>"  # an HTML tag no page contains: seen unescaped, it was echoed raw

PAGES = [
    "/",
    "/{lang}/",
    "/{lang}/compare/",
    "/{lang}/sources/",
    "/{lang}/advisor/",
    "/{lang}/advisor/hardware/",
    "/{lang}/advisor/priorities/",
    "/{lang}/advisor/verdict/",
    "/{lang}/advisor/detect/",
    "/api/v1/verdict",
    "/api/v1/comparison",
    "/api/v1/openapi.json",
    "/robots.txt",
    "/sitemap.xml",
    "/favicon.ico",
    "/admin/login/",
    "/{lang}/{junk}/",
    "/api/v1/{junk}",
    "//{junk}/x",
]
KEYS = [
    "cpu_arch",
    "hw_virt",
    "host_os",
    "guest_os",
    "existing",
    "priority",
    "vendor",
    "lang",
    "go",
    "goto",
    "only",
    "show",
    "detected",
    "detect_note",
    "next",
    "utm_source",
    "text",
]
VALUES = [
    "x86_64",
    "arm",
    "arm64",
    "yes",
    "no",
    "unknown",
    "linux",
    "windows",
    "ru",
    "es",
    "en",
    "next",
    "back",
    "differences",
    "",
    MARKER,
]
LANGS = ["en", "ru", "es", "de", "", "EN", "ru-RU", MARKER]
RAW_PAIRS = [
    "%",
    "%zz",
    "%ff%fe",
    "%00",
    "a=%E0%A4%A",
    "=",
    "&&",
    "a",
    "%C0%AF=1",
    "cpu_arch=x86_64&cpu_arch=arm",
    "guest_os=linux&guest_os=linux",
]
METHODS = ["GET"] * 8 + [
    "HEAD",
    "POST",
    "POST",
    "PUT",
    "DELETE",
    "OPTIONS",
    "PATCH",
    "TRACE",
    "FOO",
]
HEADER_VALUES = ["", "true", "*/*", "text/html", MARKER]
HEADERS = {
    "HTTP_ACCEPT_LANGUAGE": ["ru", "es;q=0.9", "*", "zz-ZZ"],
    "HTTP_HX_REQUEST": HEADER_VALUES,
    "HTTP_HX_HISTORY_RESTORE_REQUEST": HEADER_VALUES,
    "HTTP_HOST": ["testserver", "evil.example", "", "testserver:80", "[::1]"],
    "HTTP_ACCEPT": HEADER_VALUES,
    "HTTP_COOKIE": ["django_language=ru", "csrftoken=x"],
    "HTTP_X_FORWARDED_FOR": HEADER_VALUES,
}
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=zz",
    "application/json",
    "text/plain",
    "application/x-www-form-urlencoded; charset=koi8-r",
    "",
]
# Detect bodies up to 1 MB, made once: generating megabytes per request would be the test's cost.
BIG_BODIES = [
    body.encode()
    for body in (
        "text=" + quote("Architecture: x86_64\r\n") * 40_000,
        "text=" + "%3D" * 330_000,
        "text=" + quote("ID=" + " " * 1_000_000),
        "text=" + quote(":" * 300_000) + "&cpu_arch=x86_64",
    )
]
# Characters that break naive code: controls and NUL, separators, the ends of the planes,
# right-to-left and zero-width marks, combining accents, full-width forms, an emoji.
AWKWARD = (
    "\x00\x01\x1f\x7f\x80\x9f\xa0\xad\xff &=?#%+;/\\'\"<>`{}|^~\t"
    "\u0301\u200b\u200d\u200e\u202e\u2028\u2029\ufeff\uff1c\uffff\U0001f600\U0010ffff"
    "кирилицаñ中文עברית"
)


def _char(rng: random.Random, max_codepoint: int) -> str:
    if rng.random() < 0.7:
        char = rng.choice(AWKWARD)
        if ord(char) <= max_codepoint:
            return char
    while True:  # any code point but the surrogates, which no text can hold
        code = rng.randrange(max_codepoint + 1)
        if not 0xD800 <= code <= 0xDFFF:
            return chr(code)


def junk(rng: random.Random, max_size: int = 40, max_codepoint: int = 0x10FFFF) -> str:
    return "".join(_char(rng, max_codepoint) for _ in range(rng.randint(0, max_size)))


def _value(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return rng.choice(VALUES)
    if kind == 1:
        return junk(rng)
    if kind == 2:
        return junk(rng) + MARKER
    return junk(rng, 8) * rng.randint(0, 600)  # up to some 5,000 characters: too long


def _pair(rng: random.Random) -> str:
    kind = rng.randrange(3)
    if kind == 0:
        key = rng.choice(KEYS) if rng.random() < 0.5 else junk(rng)
        return f"{quote(key)}={quote(_value(rng))}"
    if kind == 1:
        return rng.choice(RAW_PAIRS)
    return "".join(rng.choice("%&=+;#?/\\\x00 abc") for _ in range(rng.randint(0, 30)))


def _query(rng: random.Random) -> str:
    return "&".join(_pair(rng) for _ in range(rng.randint(0, 12)))


def _body(rng: random.Random) -> bytes:
    kind = rng.randrange(4)
    if kind == 0:
        text = _query(rng)
    elif kind == 1:
        text = "text=" + quote(junk(rng, 300))
    elif kind == 2:
        return rng.choice(BIG_BODIES)
    else:
        return rng.randbytes(rng.randint(0, 200))
    return text.encode()


def _headers(rng: random.Random) -> dict[str, str]:
    # What a server can put in a header: WSGI hands headers over as latin-1 text.
    return {
        name: rng.choice(values)
        if rng.random() < 0.5
        else junk(rng, max_codepoint=255).replace("\r", "").replace("\n", "")
        for name, values in HEADERS.items()
        if rng.random() < 0.4
    }


@dataclass(frozen=True)
class HostileRequest:
    method: str
    path: str
    query: str
    content_type: str
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    def key(self) -> tuple:
        return (
            self.method,
            self.path,
            self.query,
            self.content_type,
            self.body,
            *self.headers.items(),
        )


def hostile_requests(count: int, seed: int = 20_240_501) -> list[HostileRequest]:
    """`count` different hostile requests, the same ones for the same seed."""
    rng = random.Random(seed)
    requests: dict[tuple, HostileRequest] = {}
    while len(requests) < count:
        method = rng.choice(METHODS)
        path = rng.choice(PAGES).format(lang=rng.choice(LANGS), junk=quote(junk(rng), safe="/%"))
        sends_body = method in ("POST", "PUT", "PATCH")
        request = HostileRequest(
            method=method,
            path=path,
            query=_query(rng),
            content_type=rng.choice(CONTENT_TYPES),
            body=_body(rng) if sends_body else b"",
            headers=_headers(rng),
        )
        requests.setdefault(request.key(), request)
    return list(requests.values())
