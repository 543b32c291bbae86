"""The production shape under stress (`make test-cluster`): nginx in front of two instances on
PostgreSQL and Redis. Skipped by `make test`; the figures are printed for the CI log."""

import http.client
import json
import os
import random
import re
import socket
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from http.cookiejar import CookieJar

import pytest

from deploy.cluster import Cluster

pytestmark = pytest.mark.skipif(
    not os.environ.get("CLUSTER_TESTS"),
    reason="needs PostgreSQL, Redis and nginx: make test-cluster",
)
PAGES = ["/en/", "/ru/compare/", "/es/sources/", "/en/advisor/", "/api/v1/comparison?lang=es"]
NEW_SERVER = "/api/v1/verdict?cpu_arch=x86_64&hw_virt=yes&existing=new_server"
EDITOR = ("cluster-editor", "a-long-cluster-password-1")
MAKE_EDITOR = """
from django.contrib.auth.models import User
from advisor.models import Rule
User.objects.filter(username="{0}").delete()
User.objects.create_superuser("{0}", password="{1}")
print(Rule.objects.filter(conditions__code="new_server").first().pk)
"""


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    port = int(os.environ.get("CLUSTER_PORT", "8000"))
    with Cluster(
        port=port,
        database_url=os.environ["DATABASE_URL"],
        redis_url=os.environ["REDIS_URL"],
        run=tmp_path_factory.mktemp("cluster"),
        fresh=True,
    ) as running:
        yield running


def _get(base: str, path: str, timeout: float = 10) -> tuple[int, bytes]:
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _never_seen() -> str:
    answers = {
        "cpu_arch": random.choice(["x86_32", "x86_64", "ia64", "unknown"]),
        "hw_virt": random.choice(["yes", "no", "unknown"]),
        "host_os": random.choice(["rhel", "suse", "other_linux", "custom_kernel", "non_linux"]),
        "guest_os": random.sample(["linux", "windows", "bsd", "solaris"], random.randint(1, 4)),
    }
    query = urllib.parse.urlencode(answers, doseq=True)
    return random.choice([f"/en/advisor/verdict/?{query}", f"/api/v1/verdict?{query}&lang=ru"])


def test_killing_an_instance_under_load_fails_no_request(cluster):
    counts: Counter[int | str] = Counter()
    failures: list[str] = []
    stop = threading.Event()
    lock = threading.Lock()

    def load() -> None:
        while not stop.is_set():
            path = random.choice([*PAGES, NEW_SERVER, _never_seen()])
            status: int | str
            try:
                status = _get(cluster.url, path)[0]
            except OSError as error:
                status = type(error).__name__
            with lock:
                counts[status] += 1
                if status != 200:
                    failures.append(f"{status} {path}")

    threads = [threading.Thread(target=load) for _ in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(4)
    before = sum(counts.values())
    killed_at = time.monotonic()
    cluster.kill_instance(0)
    time.sleep(6)
    stop.set()
    for thread in threads:
        thread.join()
    total = sum(counts.values())
    print(
        f"\nLoad through nginx, 8 clients, 10 s: {total} requests ({total / 10:.0f}/s), "
        f"{len(failures)} failed; instance 1 killed with SIGKILL after {before} requests, "
        f"{total - before} more in the {time.monotonic() - killed_at:.1f} s after; statuses {dict(counts)}"
    )
    cluster.start_instance(0)
    assert failures == []


def _signed_in(base: str) -> urllib.request.OpenerDirector:
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/admin/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    form = {"username": EDITOR[0], "password": EDITOR[1], "csrfmiddlewaretoken": token[1]}
    form["next"] = "/admin/"
    opener.open(base + "/admin/login/", urllib.parse.urlencode(form).encode()).read()
    return opener


def test_an_edit_through_one_instance_shows_through_the_other_at_once(cluster):
    rule_pk = cluster.manage("shell", "-c", MAKE_EDITOR.format(*EDITOR)).split()[-1]
    other = cluster.app_url(1)
    codes = {r["code"] for r in json.loads(_get(other, NEW_SERVER)[1])["reasons"]}
    editor = _signed_in(cluster.app_url(0))
    page = editor.open(cluster.app_url(0) + f"/admin/advisor/rule/{rule_pk}/delete/").read()
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    form = urllib.parse.urlencode({"post": "yes", "csrfmiddlewaretoken": token[1].decode()})
    editor.open(cluster.app_url(0) + f"/admin/advisor/rule/{rule_pk}/delete/", form.encode())
    after = {r["code"] for r in json.loads(_get(other, NEW_SERVER)[1])["reasons"]}
    assert len(after) == len(codes) - 1


def _slow_client(base: str, stop: threading.Event) -> None:
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    with socket.create_connection((host, int(port))) as conn:
        for byte in b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + b"x" * 1000:
            if stop.is_set():
                return
            conn.send(bytes([byte]))
            time.sleep(0.2)


def test_two_slow_clients_do_not_stop_the_site(cluster):
    stop = threading.Event()
    slow = [threading.Thread(target=_slow_client, args=(cluster.url, stop)) for _ in range(2)]
    for thread in slow:
        thread.start()
    time.sleep(1)
    timings = []
    for path in PAGES * 4:
        start = time.monotonic()
        assert _get(cluster.url, path, timeout=5)[0] == 200
        timings.append(time.monotonic() - start)
    stop.set()
    for thread in slow:
        thread.join()
    assert max(timings) < 2


def test_nginx_serves_static_files_and_limits_what_it_passes_on(cluster):
    css = urllib.request.urlopen(cluster.url + "/static/css/site.css")
    assert css.status == 200
    assert css.headers["Cross-Origin-Opener-Policy"] is None  # not from Django
    status, body = _get(cluster.url, "/en/compare/?" + "a" * 9000)
    assert status == 414
    assert b"Xen or KVM?" in body
    host, port = urllib.parse.urlsplit(cluster.url).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("POST", "/en/advisor/detect/", body=b"x" * 1_100_000)
    assert connection.getresponse().status == 413
    statuses = [_get(cluster.url, "/admin/login/")[0] for _ in range(12)]
    assert 429 in statuses
    assert _get(cluster.url, "/healthz")[0] == 200
