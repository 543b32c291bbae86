"""Thousands of hostile requests to every endpoint (tests/hostile_requests.py): none gets a 5xx,
none echoes its input unescaped into HTML, none takes a second. (`-m "not hostile"` skips them
while developing, `HOSTILE_REQUESTS=500` sends fewer.)"""

import os
import time
from collections import Counter
from typing import Any

import pytest
from django.test import Client

from tests.hostile_requests import MARKER, HostileRequest, hostile_requests

pytestmark = [pytest.mark.hostile, pytest.mark.usefixtures("seeded")]

COUNT = int(os.environ.get("HOSTILE_REQUESTS", "10500"))
# In slices, so that parallel workers share them; each slice reports what went wrong in it.
SLICES = 6
REQUESTS = hostile_requests(COUNT)


def send(client: Client, request: HostileRequest) -> tuple[int, bytes, str, float]:
    environ: dict[str, Any] = {"QUERY_STRING": request.query, **request.headers}
    started = time.perf_counter()
    response = client.generic(
        request.method,
        request.path,
        data=request.body,
        content_type=request.content_type,
        **environ,
    )
    took = time.perf_counter() - started
    return response.status_code, response.content, response.get("Content-Type", ""), took


def problems_with(client: Client, request: HostileRequest, statuses: Counter) -> list[str]:
    client.cookies.clear()
    status, content, content_type, took = send(client, request)
    if took >= 1.0:
        # Once more before failing: a request slow by construction is slow every time, while a
        # busy machine (the suite shares it) can stall any one request.
        status, content, content_type, took = send(client, request)
    statuses[status] += 1
    problems = []
    if status >= 500:
        problems.append(f"HTTP {status}")
    if took >= 1.0:
        problems.append(f"took {took:.1f} s")
    if "text/html" in content_type and MARKER.encode() in content:
        problems.append("echoed the marker unescaped")
    return [f"{problem}: {request!r:.600}" for problem in problems]


@pytest.mark.parametrize("part", range(SLICES))
def test_no_hostile_request_breaks_the_site(part):
    # One client for the slice: each new Client loads the middleware again, which would be most
    # of the test's time. Its cookies are cleared before every request.
    client = Client()
    statuses: Counter[int] = Counter()
    problems = [
        problem
        for request in REQUESTS[part::SLICES]
        for problem in problems_with(client, request, statuses)
    ]
    assert not problems, "\n".join(problems[:20])
    # Every kind of answer the site gives bad input turns up, and none of them is an error.
    assert {200, 302, 400, 404, 405} <= set(statuses), statuses


def test_the_requests_are_all_different_and_the_same_on_every_run():
    assert len({request.key() for request in REQUESTS}) == len(REQUESTS) == COUNT
    assert hostile_requests(50) == REQUESTS[:50]
