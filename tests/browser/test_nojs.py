"""A visitor with JavaScript off gets the whole product: every page, the comparison's filter, the
quotes, the language switcher, and the wizard through to a verdict, in each language."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import Watch, _open
from tests.browser.pages import ADVISOR_PAGES, LANGUAGES, PAGES, visit

ANSWERS = {
    "cpu_arch": ["x86_64"],
    "hw_virt": ["yes"],
    "host_os": ["suse"],
    "existing": ["xen_in_use"],
    "expertise": ["experienced"],
    "guest_os": ["linux", "bsd"],
    "live_migration": ["required"],
    "priority": ["performance"],
    "vendor": ["citrix"],
}


@pytest.fixture
def nojs(browser: Browser, site: str) -> Iterator[tuple[Page, Watch]]:
    """A watched page with JavaScript off (the conftest's nojs_page, with its Watch)."""
    yield from _open(browser, site, java_script_enabled=False)


def enhanced_controls_without_fallback(page: Page) -> list[str]:
    """htmx attributes on anything that would do nothing without JavaScript."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[hx-get], [hx-post]')].filter(e =>
                 !(e.matches('a[href]') || e.matches('form[action]') || e.closest('form[action]')))
               .map(e => e.outerHTML.slice(0, 120))"""
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_works_without_javascript(nojs, site, language):
    page, watch = nojs
    problems = []
    for site_page in PAGES:
        visit(page, watch, site, language, site_page)
        where = site_page.url(language)
        if not page.locator("h1").first.is_visible():
            problems.append(f"{where}: no visible heading")
        problems.extend(f"{where}: {html}" for html in enhanced_controls_without_fallback(page))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_comparison_filter_and_quotes_work_as_plain_links(nojs, site, language):
    page, _watch = nojs
    page.goto(f"{site}/{language}/compare/")
    every = page.locator("tr.criterion").count()
    page.locator("#show-differences").click()
    expect(page).to_have_url(re.compile(r"\?show=differences$"))
    assert 0 < page.locator("tr.criterion").count() < every
    quotes = page.locator("details.citations").first
    quotes.locator("summary").click()
    expect(quotes.locator("blockquote").first).to_be_visible()
    quotes.locator("a").first.click()
    expect(page).to_have_url(re.compile(rf"/{language}/sources/#"))
    expect(page.locator(":target")).to_be_visible()


def test_the_language_switcher_keeps_the_page_without_javascript(nojs, site):
    page, _watch = nojs
    page.goto(f"{site}/ru/compare/?show=differences")
    page.locator('.lang-switch a[hreflang="es"]').click()
    expect(page).to_have_url(re.compile(r"/es/compare/\?show=differences$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")


@pytest.mark.skipif(
    not ADVISOR_PAGES, reason="the advisor's pages are not in tests/browser/pages.py yet"
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_wizard_reaches_a_verdict_without_javascript(nojs, site, language):
    page, _watch = nojs
    page.goto(f"{site}/{language}/advisor/")
    page.locator('button[value="next"]').click()  # nothing answered: the step says what is missing
    expect(page.locator(".field-error").first).to_be_visible()
    for _step in range(6):
        if "/verdict/" in page.url:
            break
        for code, values in ANSWERS.items():
            for value in values:
                choice = page.locator(f'input[name="{code}"][value="{value}"]:not([type=hidden])')
                if choice.count():
                    choice.check()
        page.locator('button[value="next"]').click()
    expect(page).to_have_url(re.compile(r"/verdict/\?.*vendor=citrix"))
    expect(page.locator("h1")).to_contain_text("Xen")
