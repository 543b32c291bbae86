"""One machine or many: visitor pages survive a Redis that is down or hangs, `/healthz` tells a load
balancer the truth, and two editors saving at once on SQLite both succeed."""

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.test import Client

from pagecache import store

pytestmark = pytest.mark.django_db


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A server that accepts connections and never answers (a hung Redis)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for conn in [*held, server]:
        conn.close()


def _redis_at(settings, port: int, monkeypatch) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    monkeypatch.setattr(store.cache, "paused_until", 0.0)


@pytest.mark.parametrize("redis", ["closed port", "never answers"])
def test_visitor_pages_work_while_redis_is_away(seeded, settings, monkeypatch, request, redis):
    port = _closed_port() if redis == "closed port" else request.getfixturevalue("silent_server")
    _redis_at(settings, port, monkeypatch)
    client = Client()
    start = time.monotonic()
    for url in ["/en/compare/", "/ru/advisor/", "/api/v1/verdict?hw_virt=no", "/es/"] * 3:
        assert client.get(url).status_code == 200
    # One wait of about a second, then the cache is skipped instead of waited on.
    assert time.monotonic() - start < 6


def test_an_editor_stays_signed_in_while_redis_is_away(editor, settings, monkeypatch):
    client = Client()
    client.force_login(editor)
    _redis_at(settings, _closed_port(), monkeypatch)
    assert client.get("/admin/comparison/criterion/").status_code == 200


def test_healthz_answers_200_when_the_database_and_the_cache_answer(seeded, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_cache_is_away(seeded, settings, monkeypatch):
    _redis_at(settings, _closed_port(), monkeypatch)
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "unreachable"


def test_healthz_answers_503_when_the_database_is_away(seeded, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OSError("database unreachable")

    monkeypatch.setattr("pagecache.version.current", unreachable)
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@pytest.mark.skipif(
    connections["default"].vendor != "sqlite", reason="SQLite's locking is what is tested"
)
def test_two_editors_saving_at_once_on_sqlite_both_succeed(tmp_path):
    """Each transaction reads, then writes, while the other is open: the pattern of an admin save.

    With deferred transactions the second writer cannot upgrade its read lock and fails at once
    with "database is locked"; with the settings' IMMEDIATE transactions it waits its turn.
    """
    options = settings.DATABASES["default"]["OPTIONS"]
    params = {**connections["default"].settings_dict, "NAME": str(tmp_path / "db.sqlite3")}
    params.update(OPTIONS=options, TEST={})
    setup = DatabaseWrapper(params, alias="setup")
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE row (id INTEGER PRIMARY KEY, text TEXT)")
        cursor.execute("INSERT INTO row VALUES (1, 'seed')")
    setup.close()
    errors: list[Exception] = []
    both_reading = threading.Barrier(2)

    def editor(name: str) -> None:
        connections[name] = DatabaseWrapper(params, alias=name)
        try:
            with transaction.atomic(using=name), connections[name].cursor() as cursor:
                cursor.execute("SELECT text FROM row WHERE id = 1")
                # With IMMEDIATE the other editor waits for the lock instead of reading.
                with contextlib.suppress(threading.BrokenBarrierError):
                    both_reading.wait(timeout=0.5)
                time.sleep(0.2)
                cursor.execute("UPDATE row SET text = %s WHERE id = 1", [name])
        except Exception as error:
            errors.append(error)
        finally:
            connections[name].close()

    threads = [threading.Thread(target=editor, args=(name,)) for name in ("ana", "ben")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
