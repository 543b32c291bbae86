"""`make cluster`: the production shape on one machine, and the harness of `make test-cluster`.

nginx (our own process, with a generated configuration in a run folder) in front of N app instances
(gunicorn, gunicorn.conf.py), all on the PostgreSQL and Redis that DATABASE_URL and REDIS_URL name.
Migrations, seeding and nginx's error pages are one step, done before any instance starts.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
GUNICORN = Path(sys.executable).with_name("gunicorn")
ERROR_PAGES = """
import django
django.setup()
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
import sys
for language in ("ru", "es", "en"):
    with translation.override(language):
        request = RequestFactory().get(f"/{language}/", HTTP_HOST=sys.argv[2])
        for status, template in (("414", "414.html"), ("503", "500.html")):
            html = render_to_string(template, request=request)
            open(f"{sys.argv[1]}/{status}.{language}.html", "w").write(html)
"""


class Cluster:
    def __init__(
        self,
        *,
        port: int,
        database_url: str,
        redis_url: str,
        run: Path,
        instances: int = 2,
        fresh: bool = False,
    ) -> None:
        self.port, self.run, self.fresh = port, run, fresh
        self.app_ports = [port + 1 + i for i in range(instances)]
        self.processes: list[subprocess.Popen[bytes] | None] = [None] * instances
        self.nginx: subprocess.Popen[bytes] | None = None
        self.env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
        self.env.update(
            DATABASE_URL=database_url,
            REDIS_URL=redis_url,
            DEBUG="0",
            SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            CSRF_TRUSTED_ORIGINS=f"http://127.0.0.1:{port},http://localhost:{port}",
            # django-axes reads the client's address from X-Forwarded-For only when nginx sent it.
            TRUSTED_PROXIES="127.0.0.1",
            FORWARDED_ALLOW_IPS="127.0.0.1",
            WEB_CONCURRENCY=os.environ.get("WEB_CONCURRENCY", "2"),
            ACCESS_LOG=str(run / "app-access.log"),
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def app_url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.app_ports[index]}"

    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    def prepare(self) -> None:
        """The one step before any instance starts: schema, seed content, nginx's files."""
        self.manage("migrate", "--noinput", "-v0")
        if self.fresh:  # tests: the seed content as shipped, whatever an earlier run changed
            self.manage("flush", "--noinput")
        self.manage("seed")
        errors = self.run / "_errors"
        errors.mkdir(parents=True, exist_ok=True)
        host = f"127.0.0.1:{self.port}"
        command = [sys.executable, "-c", ERROR_PAGES, str(errors), host]
        env = {**self.env, "DJANGO_SETTINGS_MODULE": "config.settings"}
        subprocess.run(command, cwd=ROOT, env=env, check=True)
        shutil.copy(ROOT / "deploy" / "proxy.conf", self.run / "proxy.conf")
        servers = "\n".join(
            f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in self.app_ports
        )
        template = (ROOT / "deploy" / "nginx.conf.template").read_text()
        (self.run / "nginx.conf").write_text(
            template.format(
                user="user root;" if os.geteuid() == 0 else "",
                run=self.run,
                port=self.port,
                servers=servers,
                static=ROOT / "staticfiles",
            )
        )

    def start_instance(self, index: int) -> None:
        command = [str(GUNICORN), "config.wsgi", "-c", "gunicorn.conf.py"]
        command += ["--bind", f"127.0.0.1:{self.app_ports[index]}"]
        # A session of its own, so that kill_instance() takes the master and its workers at once.
        self.processes[index] = subprocess.Popen(
            command, cwd=ROOT, env=self.env, start_new_session=True
        )
        _wait_for(self.app_url(index) + "/healthz")

    def kill_instance(self, index: int, sig: signal.Signals = signal.SIGKILL) -> None:
        process = self.processes[index]
        if process is not None:
            os.killpg(process.pid, sig)
            process.wait(timeout=10)
            self.processes[index] = None

    def start(self) -> None:
        for index in range(len(self.app_ports)):
            self.start_instance(index)
        command = [NGINX, "-p", str(self.run), "-c", str(self.run / "nginx.conf")]
        self.nginx = subprocess.Popen([*command, "-g", "daemon off;"])
        _wait_for(self.url + "/healthz")

    def stop(self) -> None:
        if self.nginx is not None:
            self.nginx.terminate()
            self.nginx.wait(timeout=10)
        for index, process in enumerate(self.processes):
            if process is not None:
                self.kill_instance(index, signal.SIGTERM)

    def __enter__(self) -> Cluster:
        self.prepare()
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"nothing answered {url} within {seconds} s") from None
            time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--port", type=int, default=8000, help="nginx; instances take the next ones"
    )
    parser.add_argument("--instances", type=int, default=2)
    args = parser.parse_args()
    database_url, redis_url = os.environ.get("DATABASE_URL"), os.environ.get("REDIS_URL")
    if not database_url or not redis_url:
        sys.exit("DATABASE_URL and REDIS_URL must name the PostgreSQL and Redis to use.")
    # `kill` or `timeout` stops the cluster as Ctrl+C does: nginx and the instances go too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with tempfile.TemporaryDirectory(prefix="xenkvm-cluster-") as folder:
        cluster = Cluster(
            port=args.port,
            database_url=database_url,
            redis_url=redis_url,
            run=Path(folder),
            instances=args.instances,
        )
        with cluster:
            ports = ", ".join(str(p) for p in cluster.app_ports)
            print(f"nginx on {cluster.url}/ in front of instances on {ports} (Ctrl+C stops)")
            print(f"Run folder: {folder}")
            try:
                signal.pause()
            except KeyboardInterrupt:
                print("Stopping")


if __name__ == "__main__":
    main()
