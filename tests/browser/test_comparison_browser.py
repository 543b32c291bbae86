"""The comparison in a real browser: the htmx filter, phone and desktop layouts, citations."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.chromium import DESKTOP, PHONE
from tests.browser.pages import LANGUAGES

ROWS = 18


def test_the_filter_swaps_the_table_in_place_and_keeps_the_keyboard_on_the_toggle(page, site):
    page.goto(f"{site}/ru/compare/")
    assert page.locator("tr.criterion").count() == ROWS
    page.evaluate("window.notReloaded = true")
    page.locator("#show-differences").focus()
    expect(page.locator("#show-differences")).to_have_text("Только различия")
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/ru/compare/\?show=differences$"))
    expect(page.locator("#show-differences")).to_be_focused()
    expect(page.locator("#show-differences")).to_have_attribute("aria-current", "true")
    expect(page.locator("#rows-shown")).to_have_text(re.compile(rf"^Показано \d+ строк из {ROWS}$"))
    assert 0 < page.locator("tr.criterion").count() < ROWS
    assert page.evaluate("window.notReloaded") is True


def test_after_filtering_the_language_switcher_keeps_the_filter(page, site):
    page.goto(f"{site}/ru/compare/")
    page.locator("#show-differences").click()
    expect(page).to_have_url(re.compile(r"\?show=differences$"))
    page.locator('.lang-switch a[hreflang="en"]').click()
    expect(page).to_have_url(re.compile(r"/en/compare/\?show=differences$"))
    expect(page.locator("#show-differences")).to_have_attribute("aria-current", "true")


def test_back_after_filtering_shows_every_row_again(page, site):
    page.goto(f"{site}/es/compare/")
    page.locator("#show-differences").click()
    expect(page).to_have_url(re.compile(r"\?show=differences$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"/es/compare/$"))
    expect(page.locator("tr.criterion")).to_have_count(ROWS)
    expect(page.locator("#show-all")).to_have_attribute("aria-current", "true")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_table_stacks_into_labelled_cards_on_a_phone(phone_page, site, language):
    page, _watch = phone_page
    page.goto(f"{site}/{language}/compare/")
    row = page.locator("tr.criterion").nth(3)
    row.scroll_into_view_if_needed()
    heading, xen, kvm = (
        row.locator(cell).bounding_box() for cell in ("th", ".cell-xen", ".cell-kvm")
    )
    assert heading["y"] < xen["y"] < kvm["y"], "cells are not stacked"
    assert xen["width"] > PHONE["width"] * 0.8 and kvm["width"] > PHONE["width"] * 0.8
    labels = row.locator("td").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content)"
    )
    assert all(("Xen" in label) != ("KVM" in label) for label in labels), labels
    assert (
        not page.locator("thead").is_visible()
        or page.locator("thead").bounding_box()["height"] <= 1
    )


def test_the_column_headers_stay_in_view_down_a_long_table_on_a_desktop(page, site):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{site}/ru/compare/")
    page.locator("tr.criterion").nth(12).scroll_into_view_if_needed()
    assert page.evaluate("scrollY") > 1000
    header = page.locator("thead th").nth(1).bounding_box()
    assert 0 <= header["y"] < 5, header
    columns = [page.locator("thead th").nth(i).bounding_box()["x"] for i in range(3)]
    assert columns == sorted(columns) and columns[2] > DESKTOP["width"] / 2


def test_a_citation_opens_and_leads_to_its_highlighted_passage(page, site):
    page.goto(f"{site}/es/compare/")
    citations = page.locator("tr.criterion details.citations").first
    expect(citations.locator("blockquote").first).to_be_hidden()
    citations.locator("summary").click()
    quote = citations.locator("blockquote").first
    expect(quote).to_be_visible()
    assert quote.get_attribute("lang") in ("ru", "es")
    citations.locator("a").first.click()
    expect(page).to_have_url(re.compile(r"/es/sources/#[\w-]+$"))
    target = page.locator("mark:target, :target")
    expect(target.first).to_be_in_viewport()
    assert target.first.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
