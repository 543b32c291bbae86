"""The yardstick for `make bench`: the smallest WSGI app, served by the same gunicorn configuration."""

from collections.abc import Callable, Iterable
from typing import Any

BODY = b"Hello, world!\n"


def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(BODY)))])
    return [BODY]
