"""Fixtures shared by the whole suite."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings
from django.utils import translation

from pagecache import version

# Tests using these fixtures read or write the database: `make test-postgres` runs them again
# against PostgreSQL and Redis (the `database` marker).
DATABASE_FIXTURES = {"db", "transactional_db", "live_server"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.database)


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    # The manifest storage needs collectstatic; tests serve the source files directly instead.
    # tests/test_production.py checks the hashed, compressed files separately.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _default_language():
    # A request through the test client leaves its language active in the thread; without this,
    # what a test sees would depend on which test ran before it in the same process.
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_page_cache():
    # Each test's content is rolled back with its transaction; pages cached during one test must
    # not answer the next.
    cache.clear()
    version.forget()


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory) -> Path:
    """collectstatic as production runs it, once per session: it compresses every file.

    The admin's files are left out (no test measures them), which halves the time.
    """
    root = tmp_path_factory.mktemp("static")
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        call_command(
            "collectstatic", interactive=False, verbosity=0, ignore_patterns=["scss", "admin"]
        )
    return root


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the seed content once: every test runs in a transaction that is rolled back."""
    with django_db_blocker.unblock():
        call_command("seed", verbosity=0)


@pytest.fixture
def seeded(db):
    """The database with the seed content the site ships (settings.SEED_FIXTURES) loaded.

    The session's seed is normally there (`seed` then only checks); a test that emptied the
    database inside its transaction leaves it as it was once rolled back.
    """
    call_command("seed", verbosity=0)


@pytest.fixture
def editor(seeded) -> User:
    """A staff account in the Editors group, as the migration sets it up: no superuser powers."""
    user = User.objects.create_user("editor", password="a-long-editor-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def connections_kept_open():
    """Keep the test's database connection across requests, as Django's own test client does.

    Called through WSGI, each request would otherwise close the connection that holds the test's
    transaction (PostgreSQL then answers "the connection is closed").
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
