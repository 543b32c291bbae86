"""The real server, as `make run` starts it (gunicorn, 2 workers, each with its own memory cache
and the entries it served lately in its memory): an editor's change is on the very next request,
whichever worker answers it."""

import http.client
import os
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.browser.production import free_port

# Under pytest-xdist, on one worker: the module's one server.
pytestmark = pytest.mark.xdist_group("workers")

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
VERDICT = "/api/v1/verdict?cpu_arch=x86_64&hw_virt=yes&existing=new_server"
CHANGE = """
from comparison.models import Criterion
from advisor.models import Rule
row = Criterion.objects.get(slug="performance")
row.title_en = "Performance, as edited a moment ago"
row.save()
rule = Rule.objects.filter(conditions__code="new_server").first()
rule.conditions.clear()
print(rule.code)
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("workers")
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(
        DEBUG="0",
        STATIC_PLAIN="1",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        WEB_CONCURRENCY="2",
        ACCESS_LOG="",
    )

    def manage(*args: str) -> str:
        run = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
        )
        return run.stdout.decode()

    manage("migrate", "--noinput", "-v0")
    manage("seed")
    port = free_port()
    command = [
        str(GUNICORN),
        "config.wsgi",
        "-c",
        "gunicorn.conf.py",
        "--bind",
        f"127.0.0.1:{port}",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    yield base, manage
    process.terminate()
    process.wait(timeout=10)


def _get_many(url: str, count: int = 40) -> list[str]:
    def get(_: int) -> str:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode()

    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(get, range(count)))


def test_every_worker_shows_an_edit_on_the_next_request(server):
    base, manage = server
    pages = _get_many(base + "/en/compare/")  # every worker has the page cached now
    assert not any("as edited a moment ago" in page for page in pages)
    assert all("new_server" in page for page in _get_many(base + VERDICT))
    rule = manage("shell", "-c", CHANGE).strip().splitlines()[-1]
    assert all("as edited a moment ago" in page for page in _get_many(base + "/en/compare/"))
    assert not any(f'"code": "{rule}"' in page for page in _get_many(base + VERDICT))


def test_head_gets_the_headers_and_no_body_from_the_real_server(server):
    base, _manage = server
    host, port = base.removeprefix("http://").split(":")
    for _ in range(3):
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        connection.request("HEAD", "/en/compare/")
        response = connection.getresponse()
        assert response.status == 200
        assert int(response.getheader("Content-Length", "0")) > 10_000
        assert response.read() == b""
        connection.close()
