"""A visitor on a screen reader, a keyboard, a phone or without JavaScript: every page in every
language walked once (axe, landmarks, no-JS, a phone in the dark theme), table headers, a visible
focus, the skip link, and the wizard completed with the keyboard alone."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_report, open_all_details
from tests.browser.colours import background, luminance
from tests.browser.pages import BY_NAME, LANGUAGES, PAGES, visit

WIZARD_ANSWERS = {  # question code → option codes, in the order the steps ask them
    "cpu_arch": ["x86_64"],
    "hw_virt": ["yes"],
    "host_os": ["rhel"],
    "existing": ["new_server"],
    "expertise": ["beginner"],
    "guest_os": ["linux", "windows"],
    "live_migration": ["not_needed"],
    "priority": ["linux_integration"],
    "vendor": ["red_hat"],
}


def landmark_problems(page: Page, language: str) -> list[str]:
    problems = []
    if page.locator("html").get_attribute("lang") != language:
        problems.append("<html lang> is not the page's language")
    for role in ("banner", "main", "contentinfo"):
        if page.get_by_role(role).count() != 1:
            problems.append(f"not exactly one {role} landmark")
    navigations = page.get_by_role("navigation").all()
    if len(navigations) < 2 or not all(nav.get_attribute("aria-label") for nav in navigations):
        problems.append("the main and language navigations are missing or unnamed")
    if page.locator("h1").count() != 1:
        problems.append("not exactly one h1")
    ungrouped = page.evaluate(
        """[...document.querySelectorAll('input[type=radio], input[type=checkbox]')]
             .filter(i => !i.closest('fieldset')?.querySelector('legend')?.textContent.trim())
             .map(i => i.name + '=' + i.value)"""
    )
    if ungrouped:
        problems.append(f"answer options outside a fieldset with a legend: {ungrouped}")
    return problems


def enhanced_controls_without_fallback(page: Page) -> list[str]:
    """htmx attributes on anything that would do nothing without JavaScript."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[hx-get], [hx-post]')].filter(e =>
                 !(e.matches('a[href]') || e.matches('form[action]') || e.closest('form[action]')))
               .map(e => e.outerHTML.slice(0, 120))"""
    )


def sideways_scroll(page: Page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_passes_axe_works_without_javascript_and_fits_a_phone(
    watch_page, nojs_page, dark_phone_page, site, language
):
    """One walk over every page: axe and the landmarks with JavaScript on, a heading and plain
    links and forms with JavaScript off, and on a phone set to dark colours no sideways scrolling,
    a dark page and axe again (the phone layout restyles the table, the header, the wizard and the
    verdict; the dark theme recolours everything)."""
    problems: list[str] = []
    for site_page in PAGES:
        where = site_page.url(language)
        page, watch = watch_page
        visit(page, watch, site, language, site_page)
        problems.extend(f"{where}: {problem}" for problem in landmark_problems(page, language))
        open_all_details(page)
        problems.append(axe_report(page, where))

        page, watch = nojs_page
        visit(page, watch, site, language, site_page)
        if not page.locator("h1").first.is_visible():
            problems.append(f"{where} without JavaScript: no visible heading")
        problems.extend(
            f"{where} without JavaScript: {html}"
            for html in enhanced_controls_without_fallback(page)
        )

        page, watch = dark_phone_page
        visit(page, watch, site, language, site_page)
        if overflow := sideways_scroll(page):
            problems.append(f"{where} at 360 px scrolls sideways by {overflow} px")
        if luminance(background(page)) >= 0.05:
            problems.append(f"{where} on a dark system is not dark")
        open_all_details(page)
        problems.append(axe_report(page, f"{where} at 360 px, dark"))
    assert not any(problems), "\n\n".join(filter(None, problems))


@pytest.mark.parametrize("width", [1440, 360])
def test_the_comparison_table_announces_its_column_and_row_headers(page, site, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site}/ru/compare/")
    table = page.get_by_role("table")
    headers = [h.text_content().strip() for h in table.get_by_role("columnheader").all()]
    assert headers == ["Критерий", "Xen", "KVM"]
    rows = table.locator("tr.criterion")
    assert rows.count() == 18
    assert table.get_by_role("rowheader").count() == 18 + table.locator("tr.topic-row").count()
    assert table.get_by_role("rowgroup", name="Архитектура").count() == 1
    # On phones each cell shows "Xen" or "KVM" above it; the column header already names the
    # cell for a screen reader, so the visual label stays out of the cell's accessible name.
    xen_cell = rows.first.get_by_role("cell").first.aria_snapshot()
    assert not re.match(r'- cell "Xen\b', xen_cell), xen_cell


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(page, site):
    page.goto(f"{site}/es/compare/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Saltar al contenido principal")
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0 and box["height"] > 10
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.locator(":focus").evaluate("e => e.closest('main') !== null")


@pytest.mark.parametrize("name", ["compare", "advisor"])
def test_every_tab_stop_shows_a_visible_focus_ring(page, site, name):
    page.goto(site + BY_NAME[name].url("en"))
    seen: list[tuple[str, str]] = []
    for _ in range(60):
        page.keyboard.press("Tab")
        tag, label, style, width = page.evaluate(
            """() => { const e = document.activeElement, s = getComputedStyle(e);
                       return [e.tagName, e.textContent.trim().slice(0, 30) || e.name,
                               s.outlineStyle, parseFloat(s.outlineWidth)]; }"""
        )
        if tag == "BODY" or (seen and (tag, label) == seen[0]):
            break  # past the last tab stop
        seen.append((tag, label))
        assert style != "none" and width >= 2, f"no visible focus on <{tag}> {label!r}"
    assert {"A", "BUTTON"} & {tag for tag, _ in seen} and len(seen) >= 8, seen


def active(page: Page, attribute: str) -> str:
    return page.evaluate(f"document.activeElement.{attribute}")


def tab_until(page: Page, attribute: str, value: str, limit: int = 40) -> None:
    for _ in range(limit):
        if active(page, attribute) == value:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"no tab stop with {attribute}={value!r} within {limit} presses")


def choose_with_keyboard(page: Page, code: str, values: list[str]) -> None:
    """Tab into the question, then Space and the arrow keys, as a keyboard user does."""
    for value in values:
        target = page.locator(f'input[name="{code}"][value="{value}"]')
        tab_until(page, "name", code)
        if target.get_attribute("type") == "radio":
            page.keyboard.press("Space")  # checks the radio Tab landed on
            for _ in range(10):
                if target.is_checked():
                    break
                page.keyboard.press("ArrowDown")
        else:
            tab_until(page, "value", value, limit=10)
            page.keyboard.press("Space")
        assert target.is_checked(), f"{code}={value} could not be chosen with the keyboard"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_wizard_can_be_completed_with_the_keyboard_alone(page, site, language):
    page.goto(f"{site}/{language}/advisor/")
    for _step in range(6):
        if "/verdict/" in page.url:
            break
        heading = page.locator("#step-title").inner_text()
        for code, values in WIZARD_ANSWERS.items():
            if page.locator(f'input[name="{code}"]:not([type=hidden])').count():
                choose_with_keyboard(page, code, values)
        tab_until(page, "value", "next")
        page.keyboard.press("Enter")
        page.wait_for_function(
            "h => location.pathname.includes('/verdict/') || document.querySelector('#step-title')?.innerText !== h",
            arg=heading,
        )
    expect(page).to_have_url(re.compile(r"/verdict/\?.*priority=linux_integration"))
    expect(page.locator("h1")).to_contain_text("KVM")
