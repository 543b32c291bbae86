"""The dark theme: it follows the system setting with no JavaScript, colours every page (the chart
included) with enough contrast for axe, and leaves paper in the light colours."""

import re

import pytest
from playwright.sync_api import Page

from tests.browser.axe import axe_report, open_all_details
from tests.browser.pages import BY_NAME, LANGUAGES, PAGES, visit

# KVM ruled out with Xen ahead, then both in play: the three kinds of bar between them.
CHART = "/en/advisor/verdict/?hw_virt=no&existing=new_server&priority=performance&guest_os=linux"
CHARTS = [CHART, "/en/advisor/verdict/?existing=new_server&priority=performance"]


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2) of a computed "rgb(r, g, b)" colour."""
    channels = [int(c) / 255 for c in re.findall(r"\d+", colour)[:3]]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    high, low = sorted([luminance(one), luminance(other)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def colours(page: Page, selector: str, prop: str) -> list[str]:
    return page.eval_on_selector_all(selector, f"els => els.map(e => getComputedStyle(e).{prop})")


def background(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violations_in_the_dark_theme_on_every_page(dark_watch_page, site, language):
    page, watch = dark_watch_page
    reports = []
    for site_page in PAGES:
        visit(page, watch, site, language, site_page)
        assert luminance(background(page)) < 0.05, f"{site_page.url(language)} is not dark"
        open_all_details(page)
        reports.append(axe_report(page, f"{site_page.url(language)} (dark)"))
    assert not any(reports), "\n\n".join(filter(None, reports))


def test_the_dark_theme_needs_no_javascript_and_is_there_before_the_stylesheet(
    dark_nojs_page, site
):
    page, _watch = dark_nojs_page
    for name in ("home", "compare", "sources", "advisor", "verdict"):
        page.goto(site + BY_NAME[name].url("ru"))
        assert luminance(background(page)) < 0.05, name
    # The browser paints the first frame in the scheme the page declares, before any CSS loads.
    order = page.eval_on_selector_all(
        "head > meta, head > link[rel=stylesheet]",
        "els => els.map(e => e.name || e.rel)",
    )
    assert order.index("color-scheme") < order.index("stylesheet")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_charts_bars_and_labels_stand_out_in_both_themes(browser, site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    bars, labels = [], []
    for chart in CHARTS:
        page.goto(site + chart)
        bars += colours(page, ".score-chart rect", "fill")
        labels += colours(page, ".score-chart text", "fill")
    body = background(page)
    context.close()
    assert len(set(bars)) == 3  # Xen, KVM and a side ruled out
    assert all(contrast(bar, body) >= 3 for bar in bars), (scheme, bars, body)
    assert all(contrast(label, body) >= 4.5 for label in labels), (scheme, labels, body)


def test_a_dark_system_prints_the_light_colours(browser, site):
    shown = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.emulate_media(media="print")
        page.goto(site + CHART)
        shown[scheme] = (
            background(page),
            page.evaluate("getComputedStyle(document.body).color"),
            colours(page, ".score-chart rect, .score-chart text, .badge", "fill"),
        )
        context.close()
    assert shown["dark"] == shown["light"]
    assert luminance(shown["dark"][0]) > 0.9
