"""The site as production serves it, for measuring: gunicorn, DEBUG off, whitenoise's hashed and
compressed static files, a seeded SQLite database of its own.

pytest-django's live server hands static files to Django's StaticFilesHandler, uncompressed and
unhashed, so page weights and Lighthouse scores taken there would not be the ones visitors get.
Used by tests/browser/test_weight.py, bench/screenshots.py and bench/audit.py.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")

SETTINGS = """\
from config.settings import *  # noqa: F403

STATIC_ROOT = {static_root!r}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode} before serving {url}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url} within {seconds} s")


@contextmanager
def production_server(static_root: Path | None = None) -> Iterator[str]:
    """Collect, migrate, seed and serve in a temporary folder; yield the base URL.

    `static_root`: static files already collected for production (the tests' session collects
    them once); without it the server collects its own.
    """
    with tempfile.TemporaryDirectory(prefix="xenkvm-production-") as folder:
        work = Path(folder)
        (work / "production_settings.py").write_text(
            SETTINGS.format(static_root=str(static_root or work / "static"))
        )
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
        }
        env.update(
            DEBUG="0",
            DJANGO_SETTINGS_MODULE="production_settings",
            PYTHONPATH=os.pathsep.join([str(work), str(ROOT)]),
            DATABASE_URL=f"sqlite:///{work / 'db.sqlite3'}",
        )

        def manage(*args: str) -> None:
            subprocess.run(
                [sys.executable, "manage.py", *args],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )

        if static_root is None:
            # Admin files are never on the measured pages; leaving them out halves the compression time.
            manage("collectstatic", "--noinput", "--ignore=scss", "--ignore=admin", "-v0")
        manage("migrate", "--noinput", "-v0")
        manage("seed")
        port = free_port()
        # The configuration `make run` uses; no access log, as for the yardstick in `make bench`.
        command = [str(GUNICORN), "config.wsgi", "-c", "gunicorn.conf.py"]
        env.update(WEB_CONCURRENCY="2", ACCESS_LOG="")
        server = subprocess.Popen([*command, "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_for(f"{base}/en/", server)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=10)
