"""Weight on a slow line: what the comparison's first view and an htmx swap cost, as production
serves them (gunicorn, DEBUG off, whitenoise's hashed brotli files, gzipped HTML)."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Response

from tests.browser.chromium import open_page
from tests.browser.pages import LANGUAGES
from tests.browser.production import production_server

# Under pytest-xdist, on one worker: one production server, and the static files it serves
# collected once with test_production.py.
pytestmark = pytest.mark.xdist_group("collected_static")

FIRST_VIEW_BUDGET = 60 * 1024
SWAP_BUDGET = 8 * 1024  # a wizard step
# The filter swaps in the whole table, quotes included (18 rows, ~70 KB of HTML before gzip).
TABLE_SWAP_BUDGET = 12 * 1024
# What the measurement assumes a browser offers, pinned (Chromium sends "gzip, deflate, br, zstd";
# whitenoise serves brotli, Django gzips the HTML).
ENCODINGS = {"Accept-Encoding": "br, gzip"}


@pytest.fixture(scope="session")
def production(collected_static: Path) -> Iterator[str]:
    with production_server(static_root=collected_static) as base:
        yield base


@pytest.fixture
def weighed_page(browser: Browser, production: str) -> Iterator[tuple[Page, list[Response]]]:
    responses: list[Response] = []
    for page, _watch in open_page(browser, production, extra_http_headers=ENCODINGS):
        page.on("response", lambda response: responses.append(response))
        yield page, responses


def transferred(responses: list[Response]) -> tuple[int, str]:
    """Bytes on the wire (headers and encoded bodies) and a line per response for the message."""
    total, lines = 0, []
    # A tab fetches each address once; the icon may come both from Chromium and fetch_icons().
    for response in {response.url: response for response in responses}.values():
        sizes = response.request.sizes()
        size = sizes["responseHeadersSize"] + sizes["responseBodySize"]
        encoding = response.headers.get("content-encoding", "identity")
        total += size
        lines.append(f"  {size / 1024:6.1f} KB  {encoding:8}  {response.url}")
    return total, "\n".join(lines)


def htmx_only(responses: list[Response]) -> tuple[list[Response], str]:
    """The responses to htmx's requests, checking that nothing reloaded the page.

    The first view's favicon may still land after the click: it is no part of the swap."""
    lines = transferred(responses)[1]
    assert all(r.request.resource_type != "document" for r in responses), lines
    # htmx's XMLHttpRequests, a redirect it followed included (that hop drops the HX-Request header).
    swapped = [r for r in responses if r.request.resource_type == "xhr"]
    assert swapped and swapped[0].request.headers.get("hx-request") == "true", lines
    return swapped, lines


def fetch_icons(page: Page) -> None:
    """Make sure the favicon a tab shows is counted: headless Chromium may not fetch it in time."""
    page.evaluate(
        """() => Promise.all([...document.querySelectorAll("link[rel~=icon]")]
                 .map(link => fetch(link.href).then(r => r.arrayBuffer())))"""
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_comparison_first_view_transfers_at_most_60_kb(weighed_page, production, language):
    page, responses = weighed_page
    page.goto(f"{production}/{language}/compare/", wait_until="networkidle")
    fetch_icons(page)
    total, lines = transferred(responses)
    kinds = {r.request.resource_type for r in responses}
    assert {"document", "stylesheet", "script", "fetch"} <= kinds, lines
    assert any("favicon" in r.url and r.ok for r in responses), lines
    assert all(r.headers.get("content-encoding") in ("br", "gzip") for r in responses), lines
    assert total <= FIRST_VIEW_BUDGET, f"first view: {total / 1024:.1f} KB\n{lines}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_comparison_filter_swap_transfers_only_the_compressed_table(
    weighed_page, production, language
):
    page, responses = weighed_page
    page.goto(f"{production}/{language}/compare/", wait_until="networkidle")
    responses.clear()
    page.locator("#show-differences").click()
    page.wait_for_url("**?show=differences")
    page.wait_for_load_state("networkidle")
    swapped, lines = htmx_only(responses)
    total, lines = transferred(swapped)
    assert len(swapped) == 1 and swapped[0].headers.get("content-encoding") == "gzip", lines
    assert total <= TABLE_SWAP_BUDGET, f"table swap: {total / 1024:.1f} KB\n{lines}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_wizard_step_swap_transfers_at_most_8_kb(weighed_page, production, language):
    page, responses = weighed_page
    page.goto(f"{production}/{language}/advisor/", wait_until="networkidle")
    page.locator('input[name="cpu_arch"][value="x86_64"]').check()
    page.locator('input[name="hw_virt"][value="yes"]').check()
    responses.clear()
    page.locator('button[value="next"]').click()
    page.wait_for_url(re.compile(r"/advisor/\w+/\?cpu_arch=x86_64"))
    page.wait_for_load_state("networkidle")
    swapped, lines = htmx_only(responses)
    total, lines = transferred(swapped)
    assert total <= SWAP_BUDGET, f"step swap: {total / 1024:.1f} KB\n{lines}"
