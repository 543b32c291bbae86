"""Real-browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live server.

Every page a test opens is watched: a console error, a failed request, an HTTP error status the
test did not announce, or a request that leaves the site fails the test at teardown.
"""

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Route,
    ViewportSize,
    WebError,
    sync_playwright,
)

# Playwright's sync API keeps an event loop on the main thread; the test's own ORM calls are still
# synchronous, so Django's async-safety check does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = ViewportSize(width=360, height=780)
DESKTOP = ViewportSize(width=1440, height=900)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db) -> str:
    """The live server's base URL, with the seed content loaded."""
    call_command("seed", verbosity=0)
    return live_server.url


@dataclass
class Watch:
    """What went wrong on the pages of one browser context."""

    origin: str
    allowed_statuses: set[int] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.route("**/*", self._route)
        context.on("console", self._console)
        context.on("weberror", self._page_error)
        context.on("requestfailed", self._failed)
        context.on("response", self._response)

    def _route(self, route: Route) -> None:
        url = route.request.url
        if url.startswith(("data:", "blob:")) or _origin(url) == self.origin:
            route.continue_()
        else:
            self.problems.append(f"request leaving the site: {url}")
            route.abort()

    def _console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        # Chromium logs every 4xx/5xx document as a console error; an announced status is not one.
        status = re.search(r"the server responded with a status of (\d+)", message.text)
        if status and int(status.group(1)) in self.allowed_statuses:
            return
        self.problems.append(f"console error: {message.text}")

    def _page_error(self, error: WebError) -> None:
        self.problems.append(f"page error: {error.error}")

    def _failed(self, request: Request) -> None:
        # A navigation cancels the requests of the page it leaves (a favicon, say): not a failure.
        if request.failure == "net::ERR_ABORTED":
            return
        if _origin(request.url) == self.origin:
            self.problems.append(f"failed request: {request.url} ({request.failure})")

    def _response(self, response) -> None:
        if response.status >= 400 and response.status not in self.allowed_statuses:
            self.problems.append(f"HTTP {response.status}: {response.url}")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _open(browser: Browser, site: str, **options) -> Iterator[tuple[Page, Watch]]:
    options.setdefault("viewport", DESKTOP)
    context = browser.new_context(**options)
    watch = Watch(origin=_origin(site))
    watch.attach(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page, watch
    context.close()
    assert not watch.problems, "\n".join(watch.problems)


@pytest.fixture
def watch_page(browser: Browser, site: str) -> Iterator[tuple[Page, Watch]]:
    """A page with JavaScript on, and its Watch (set `allowed_statuses` for an expected 4xx)."""
    yield from _open(browser, site)


@pytest.fixture
def page(watch_page: tuple[Page, Watch]) -> Page:
    """A page with JavaScript on, at desktop size."""
    return watch_page[0]


@pytest.fixture
def dark_watch_page(browser: Browser, site: str) -> Iterator[tuple[Page, Watch]]:
    """Like watch_page, on a system set to dark colours (prefers-color-scheme: dark)."""
    yield from _open(browser, site, color_scheme="dark")


@pytest.fixture
def dark_nojs_page(browser: Browser, site: str) -> Iterator[Page]:
    """A page with JavaScript off, on a system set to dark colours."""
    for page, _watch in _open(browser, site, java_script_enabled=False, color_scheme="dark"):
        yield page


@pytest.fixture
def nojs_page(browser: Browser, site: str) -> Iterator[Page]:
    """A page with JavaScript off, at desktop size."""
    for page, _watch in _open(browser, site, java_script_enabled=False):
        yield page


@pytest.fixture
def phone_page(browser: Browser, site: str) -> Iterator[Page]:
    """A page with JavaScript on, at a phone's width."""
    for page, _watch in _open(browser, site, viewport=PHONE, is_mobile=True, has_touch=True):
        yield page
