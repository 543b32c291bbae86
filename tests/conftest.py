"""Fixtures shared by the whole suite."""

import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    # The manifest storage needs collectstatic; tests serve the source files directly instead.
    # tests/test_production.py checks the hashed, compressed files separately.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def seeded(db):
    """The database with the seed content the site ships (settings.SEED_FIXTURES) loaded."""
    call_command("seed", verbosity=0)
