"""The dark theme: it follows the system setting with no JavaScript, colours the chart with enough
contrast, and leaves paper in the light colours. (axe over every page in the dark theme: the walk
in test_accessibility.py.)"""

import pytest

from tests.browser.colours import background, colours, contrast, luminance
from tests.browser.pages import BY_NAME

# KVM ruled out with Xen ahead, then both in play: the three kinds of bar between them.
CHART = "/en/advisor/verdict/?hw_virt=no&existing=new_server&priority=performance&guest_os=linux"
CHARTS = [CHART, "/en/advisor/verdict/?existing=new_server&priority=performance"]


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
