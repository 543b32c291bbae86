"""The WSGI app gunicorn serves (config/wsgi.py): the page cache's fast path in front of Django. A
response Django renders and stores is sent from the stored entry, exactly as the next request for
it is sent from the cache; anything Django does not store is sent as Django made it."""

import gzip
import io
import sys

import pytest

from config.wsgi import application

pytestmark = pytest.mark.usefixtures("seeded", "connections_kept_open")

VERDICT = "/es/advisor/verdict/?hw_virt=no&guest_os=linux&expertise=beginner"


def served(url, method="GET", **headers):
    path, _, query = url.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        **{"HTTP_" + name.upper(): value for name, value in headers.items()},
    }
    started = []
    result = application(
        environ, lambda status, headers, exc_info=None: started.append((status, headers))
    )
    body = b"".join(result)
    getattr(result, "close", lambda: None)()
    status, response_headers = started[0]
    return status, {k: v for k, v in response_headers if k.lower() != "date"}, body


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_a_page_rendered_now_is_sent_as_the_cache_sends_it_next_time(method):
    first = served(VERDICT, method, accept_encoding="gzip")
    again = served(VERDICT, method, accept_encoding="gzip")
    assert first == again
    status, headers, body = first
    assert status == "200 OK"
    assert headers["Content-Encoding"] == "gzip" and headers["ETag"].startswith('W/"')
    assert headers["Content-Language"] == "es" and "Content-Security-Policy" in headers
    if method == "GET":
        assert b"verdict-headline" in gzip.decompress(body)
    else:
        assert body == b"" and int(headers["Content-Length"]) > 0


def test_a_page_with_a_form_gets_its_own_token_when_rendered_and_when_kept():
    first = served("/en/advisor/")
    again = served("/en/advisor/")
    tokens = [
        body.split(b'name="csrfmiddlewaretoken" value="')[1][:64] for _s, _h, body in (first, again)
    ]
    assert tokens[0] != tokens[1]
    assert "csrftoken=" in first[1]["Set-Cookie"] and "csrftoken=" in again[1]["Set-Cookie"]


def test_what_django_does_not_keep_is_sent_as_django_made_it():
    status, headers, body = served("/en/advisor/verdict/?cpu_arch=sparc")
    assert status.startswith("400")
    assert "ETag" not in headers and b"sparc" in body
