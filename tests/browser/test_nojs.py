"""A visitor with JavaScript off gets the whole product: the comparison's filter, the quotes, the
language switcher, and the wizard through to a verdict, in each language. (Every page without
JavaScript: the walk in test_accessibility.py.)"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.pages import LANGUAGES

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


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_comparison_filter_and_quotes_work_as_plain_links(nojs_page, site, language):
    page, _watch = nojs_page
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


def test_the_language_switcher_keeps_the_page_without_javascript(nojs_page, site):
    page, _watch = nojs_page
    page.goto(f"{site}/ru/compare/?show=differences")
    page.locator('.lang-switch a[hreflang="es"]').click()
    expect(page).to_have_url(re.compile(r"/es/compare/\?show=differences$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_wizard_reaches_a_verdict_without_javascript(nojs_page, site, language):
    page, _watch = nojs_page
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
