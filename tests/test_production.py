"""The production configuration: hashed and compressed static files, PostgreSQL and Redis settings."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client, override_settings

# Under pytest-xdist, on the worker that collects the static files for test_weight.py too.
pytestmark = pytest.mark.xdist_group("collected_static")

REDIS = os.environ.get("REDIS_URL", "")
MANIFEST = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def manifest(root) -> dict[str, str]:
    return json.loads((root / "staticfiles.json").read_text())["paths"]


def test_collectstatic_writes_hashed_brotli_and_gzip_files(collected_static):
    css = manifest(collected_static)["css/site.css"]
    assert css != "css/site.css"
    for suffix in ("", ".br", ".gz"):
        assert (collected_static / (css + suffix)).is_file()


def test_whitenoise_serves_brotli_with_a_year_long_cache(collected_static, db):
    css = manifest(collected_static)["css/site.css"]
    with override_settings(STATIC_ROOT=collected_static, STORAGES=MANIFEST, DEBUG=False):
        response = Client().get(f"/static/{css}", headers={"Accept-Encoding": "br, gzip"})
        body = response.getvalue()
    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert "max-age=31536000" in response["Cache-Control"]
    assert len(body) < (collected_static / css).stat().st_size / 3


def test_pages_link_the_hashed_files(collected_static, seeded):
    with override_settings(STATIC_ROOT=collected_static, STORAGES=MANIFEST, DEBUG=False):
        html = Client().get("/en/compare/").content.decode()
    assert f"/static/{manifest(collected_static)['css/site.css']}" in html


@pytest.mark.database
@pytest.mark.skipif(not REDIS, reason="REDIS_URL is not set: `make test-postgres` runs this")
def test_the_cache_is_a_working_redis_in_the_production_configuration():
    backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS}
    with override_settings(CACHES={"default": backend}):
        cache = caches.create_connection("default")
        cache.set("xenkvm-test-key", {"verdict": "kvm"}, 30)
        assert cache.get("xenkvm-test-key") == {"verdict": "kvm"}
        cache.delete("xenkvm-test-key")
        assert cache.get("xenkvm-test-key") is None


def settings_under(env: dict[str, str]) -> dict[str, str]:
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'db': s.DATABASES['default']['ENGINE'], 'cache': s.CACHES['default']['BACKEND'],"
        " 'session': s.SESSION_ENGINE, 'debug': s.DEBUG}))"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", **env}
    environment = {key: value for key, value in environment.items() if value}
    output = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    return json.loads(output.stdout)


def test_database_url_and_redis_url_select_postgresql_and_redis():
    chosen = settings_under(
        {
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
            "REDIS_URL": "redis://127.0.0.1:6379/15",
            "DEBUG": "0",
        }
    )
    assert chosen["db"] == "django.db.backends.postgresql"
    assert chosen["cache"] == "django.core.cache.backends.redis.RedisCache"
    # Editors stay signed in when Redis is away: sessions live in the database only.
    assert chosen["session"] == "django.contrib.sessions.backends.db"
    assert chosen["debug"] is False


def test_without_environment_the_site_uses_embedded_sqlite():
    chosen = settings_under({"DATABASE_URL": "", "REDIS_URL": ""})
    assert chosen["db"] == "django.db.backends.sqlite3"


def test_the_suite_runs_on_the_database_database_url_names(db):
    from django.db import connection

    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    assert connection.vendor == expected
