"""Debian's Chromium driven by Playwright: its launch options, the two screen sizes, and the Watch
that fails a test on a console error (a Content-Security-Policy violation included), a failed request, an unannounced HTTP error status or a
request that leaves the site. The fixtures in conftest.py, bench/screenshots.py and bench/audit.py
use it.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Response,
    Route,
    ViewportSize,
    WebError,
)

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


CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@dataclass
class Watch:
    """What went wrong on the pages of one browser context."""

    origin: str
    allowed_statuses: set[int] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        # A Content-Security-Policy violation is a console error too, even where Chromium logs none.
        context.add_init_script(CSP_LISTENER)
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

    def _response(self, response: Response) -> None:
        if response.status >= 400 and response.status not in self.allowed_statuses:
            self.problems.append(f"HTTP {response.status}: {response.url}")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def open_page(browser: Browser, site: str, **options: Any) -> Iterator[tuple[Page, Watch]]:
    """A watched page in a context of its own (desktop size unless `viewport` says otherwise)."""
    options.setdefault("viewport", DESKTOP)
    context = browser.new_context(**options)
    watch = Watch(origin=_origin(site))
    watch.attach(context)
    page = context.new_page()
    # Generous: the suite shares the machine, and a heavy admin page can take seconds under load.
    page.set_default_timeout(30_000)
    yield page, watch
    context.close()
    assert not watch.problems, "\n".join(watch.problems)
