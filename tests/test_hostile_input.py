"""Thousands of generated hostile requests to every endpoint: none gets a 5xx, none echoes its
input unescaped into HTML, none takes a second. (`-m "not hostile"` skips it while developing.)"""

import time
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = [pytest.mark.hostile, pytest.mark.usefixtures("seeded")]

EXAMPLES = int(__import__("os").environ.get("HOSTILE_EXAMPLES", "10500"))
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
    "only",
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

junk = st.text(min_size=0, max_size=40)
# What a server can put in a header: WSGI hands headers over as latin-1 text.
header_junk = st.text(
    alphabet=st.characters(max_codepoint=255, exclude_characters="\r\n"), max_size=40
)
key = st.one_of(st.sampled_from(KEYS), junk)
value = st.one_of(
    st.sampled_from(VALUES),
    junk,
    st.builds(lambda s: s + MARKER, junk),
    st.builds(lambda s, n: s * n, st.text(max_size=8), st.integers(0, 600)),
)
raw_pair = st.one_of(
    st.builds(lambda k, v: f"{quote(k)}={quote(v)}", key, value),
    st.sampled_from(
        [
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
    ),
    st.builds(lambda s: s, st.text(alphabet="%&=+;#?/\\\x00 abc", max_size=30)),
)
query = st.lists(raw_pair, max_size=12).map("&".join)
method = st.sampled_from(
    ["GET"] * 8 + ["HEAD", "POST", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "FOO"]
)
header_value = st.one_of(st.sampled_from(["", "true", "*/*", "text/html", MARKER]), header_junk)
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ACCEPT_LANGUAGE": st.one_of(
            st.sampled_from(["ru", "es;q=0.9", "*", "zz-ZZ"]), header_junk
        ),
        "HTTP_HX_REQUEST": header_value,
        "HTTP_HX_HISTORY_RESTORE_REQUEST": header_value,
        "HTTP_HOST": st.sampled_from(["testserver", "evil.example", "", "testserver:80", "[::1]"]),
        "HTTP_ACCEPT": header_value,
        "HTTP_COOKIE": st.one_of(
            st.sampled_from(["django_language=ru", "csrftoken=x"]), header_junk
        ),
        "HTTP_X_FORWARDED_FOR": header_value,
    },
)
content_type = st.sampled_from(
    [
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=zz",
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded; charset=koi8-r",
        "",
    ]
)
# Detect bodies up to 1 MB, built once: generating megabytes per example would be the test's cost.
BIG_BODIES = [
    "text=" + quote("Architecture: x86_64\r\n") * 40_000,
    "text=" + "%3D" * 330_000,
    "text=" + quote("ID=" + " " * 1_000_000),
    "text=" + quote(":" * 300_000) + "&cpu_arch=x86_64",
]
body = st.one_of(
    query,
    st.builds(lambda t: "text=" + quote(t), st.text(max_size=300)),
    st.sampled_from(BIG_BODIES),
    st.binary(max_size=200),
)
request = st.fixed_dictionaries(
    {
        "path": st.builds(
            lambda p, lang, j: p.format(lang=lang, junk=quote(j, safe="/%")),
            st.sampled_from(PAGES),
            st.sampled_from(LANGS),
            junk,
        ),
        "method": method,
        "query": query,
        "headers": headers,
        "content_type": content_type,
        "body": body,
    }
)

seen: dict[int, int] = {}
# One client for all the examples: each new Client loads the middleware again, which would be
# most of the test's time. Its cookies are cleared before every request.
client = Client()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
@given(request=request)
def test_no_hostile_request_breaks_the_site(request):
    client.cookies.clear()
    data = request["body"].encode() if isinstance(request["body"], str) else request["body"]

    def send():
        started = time.perf_counter()
        response = client.generic(
            request["method"],
            request["path"],
            data=data if request["method"] in ("POST", "PUT", "PATCH") else b"",
            content_type=request["content_type"],
            QUERY_STRING=request["query"],
            **request["headers"],
        )
        return response, time.perf_counter() - started

    response, took = send()
    if took >= 1.0:
        # Once more before failing: a request slow by construction is slow every time, while a
        # busy machine (the suite shares it) can stall any one request.
        response, took = send()
    seen[response.status_code] = seen.get(response.status_code, 0) + 1
    assert response.status_code < 500, (request, response.status_code)
    assert took < 1.0, (request, took)
    if "text/html" in response.get("Content-Type", ""):
        assert MARKER.encode() not in response.content, request


def test_figures(capsys):
    # Runs after the test above (same module, file order): the statuses it saw, for the record.
    with capsys.disabled():
        print(f"\nhostile requests: {sum(seen.values())}; statuses: {dict(sorted(seen.items()))}")
