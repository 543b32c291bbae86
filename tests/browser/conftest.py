"""Real-browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live server.

Every page a test opens is watched (tests/browser/chromium.py): a console error, a failed request,
an HTTP error status the test did not announce, or a request that leaves the site fails the test.
"""

import os
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS, PHONE, Watch, open_page

# Playwright's sync API keeps an event loop on the main thread; the test's own ORM calls are still
# synchronous, so Django's async-safety check does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker) -> Iterator[str]:
    """One live server for the session, sharing the tests' SQLite connection.

    pytest-django's `live_server` makes every test transactional: the database is emptied after
    each one and the next seeds it again, seconds a test. Sharing the connection instead, the
    server sees the test's own transaction (see `site`).
    """
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
    if not server.thread.connections_override:
        server.stop()
        pytest.fail("The browser tests run on the in-memory SQLite database (`make test`).")
    server._live_server_modified_settings.enable()
    yield server.url
    server._live_server_modified_settings.disable()
    server.stop()


@pytest.fixture
def site(live_site: str, db) -> str:
    """The live server's base URL, serving the seed content inside the test's transaction.

    Whatever the browser changes (an editor signing in, say) is rolled back with the test, as in
    any database test. `seed` puts the content back if a transactional test emptied the database.
    """
    call_command("seed", verbosity=0)
    return live_site


@pytest.fixture
def watch_page(browser: Browser, site: str) -> Iterator[tuple[Page, Watch]]:
    """A page with JavaScript on, and its Watch (set `allowed_statuses` for an expected 4xx)."""
    yield from open_page(browser, site)


@pytest.fixture
def page(watch_page: tuple[Page, Watch]) -> Page:
    """A page with JavaScript on, at desktop size."""
    return watch_page[0]


@pytest.fixture
def nojs_page(browser: Browser, site: str) -> Iterator[tuple[Page, Watch]]:
    """A watched page with JavaScript off, at desktop size."""
    yield from open_page(browser, site, java_script_enabled=False)


@pytest.fixture
def phone_page(browser: Browser, site: str) -> Iterator[tuple[Page, Watch]]:
    """A watched page with JavaScript on, at a phone's width."""
    yield from open_page(browser, site, viewport=PHONE, is_mobile=True, has_touch=True)


@pytest.fixture
def dark_phone_page(browser: Browser, site: str) -> Iterator[tuple[Page, Watch]]:
    """A watched page with JavaScript on, at a phone's width, on a system set to dark colours."""
    yield from open_page(
        browser, site, viewport=PHONE, is_mobile=True, has_touch=True, color_scheme="dark"
    )


@pytest.fixture
def dark_nojs_page(browser: Browser, site: str) -> Iterator[tuple[Page, Watch]]:
    """A watched page with JavaScript off, on a system set to dark colours."""
    yield from open_page(browser, site, java_script_enabled=False, color_scheme="dark")
