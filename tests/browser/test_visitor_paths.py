"""Where a visitor used to stumble in the wizard and on the verdict page, in a real Chromium:
a refused paste, the progress bar, the keyboard on what-if lists, Back and Reload, the chart."""

import re

import pytest
from playwright.sync_api import Request, expect

from tests.browser.pages import LANGUAGES

PAGES = ["watch_page", "nojs_page"]  # with JavaScript, and without
OTHER = {"ru": "es", "es": "en", "en": "ru"}
# KVM ruled out (no VT-x) while it has the most points: the longest bar carries "· ruled out".
KVM_OUT_AHEAD = "hw_virt=no&host_os=rhel&existing=new_server&expertise=beginner&guest_os=linux"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fixture", PAGES)
def test_a_refused_paste_leaves_an_address_that_reloads_and_switches_language(
    request, site, fixture, language
):
    page, _watch = request.getfixturevalue(fixture)
    page.goto(f"{site}/{language}/advisor/?priority=maturity")
    page.locator("details.detect summary").click()
    page.locator("details.detect textarea").fill("just some text")
    page.locator("details.detect button[type=submit]").click()
    expect(page.locator("#detect-error")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"/{language}/advisor/\?priority=maturity$"))

    page.reload()
    expect(page.locator("#step-title")).to_be_visible()
    other = OTHER[language]
    page.locator(f".lang-switch a[hreflang={other}]").click()
    expect(page).to_have_url(re.compile(rf"/{other}/advisor/\?priority=maturity$"))
    expect(page.locator("html")).to_have_attribute("lang", other)
    expect(page.locator("details.detect")).to_be_visible()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fixture", PAGES)
def test_a_step_chosen_in_the_progress_bar_takes_the_unsaved_change_along(
    request, site, fixture, language
):
    page, _watch = request.getfixturevalue(fixture)
    page.goto(f"{site}/{language}/advisor/?cpu_arch=x86_64&hw_virt=yes")
    page.locator("label[for=cpu_arch-ia64]").click()
    page.locator("button[name=goto][value=guests]").click()
    expect(page).to_have_url(re.compile(r"/advisor/guests/\?cpu_arch=ia64&hw_virt=yes$"))
    expect(page.locator("input[type=hidden][name=cpu_arch]")).to_have_value("ia64")
    page.go_back()
    expect(page.locator("#cpu_arch-ia64")).to_be_checked()


@pytest.mark.parametrize("fixture", PAGES)
def test_enter_on_an_answer_goes_to_the_next_step(request, site, fixture):
    # The progress bar's buttons come first in the form; Enter must still mean "Next".
    page, _watch = request.getfixturevalue(fixture)
    page.goto(f"{site}/es/advisor/?cpu_arch=x86_64")
    page.locator("#hw_virt-yes").check()
    page.locator("#hw_virt-yes").press("Enter")
    expect(page).to_have_url(re.compile(r"/es/advisor/host/\?cpu_arch=x86_64&hw_virt=yes$"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_arrow_keys_on_a_what_if_list_send_one_request_and_add_no_history_entry(
    page, site, language
):
    page.goto(f"{site}/{language}/advisor/")
    page.goto(f"{site}/{language}/advisor/verdict/?cpu_arch=x86_64&hw_virt=yes")
    entries = page.evaluate("history.length")
    sent: list[str] = []

    def note(request: Request) -> None:
        if "/advisor/verdict/" in request.url:
            sent.append(request.url)

    page.on("request", note)
    page.locator("#whatif-priority").focus()
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    expect(page.locator("#permalink")).to_have_value(re.compile("priority=maturity"), timeout=5000)
    page.wait_for_timeout(1000)  # nothing more is on its way
    assert len(sent) == 1, sent
    assert page.evaluate("history.length") == entries
    expect(page).to_have_url(re.compile("priority=maturity"))
    page.go_back()
    expect(page).to_have_url(re.compile(rf"/{language}/advisor/$"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_back_without_javascript_shows_the_what_if_answers_of_the_verdict_shown(
    nojs_page, site, language
):
    page, _watch = nojs_page
    page.goto(f"{site}/{language}/advisor/verdict/?hw_virt=yes&existing=new_server")
    page.select_option("#whatif-hw_virt", "no")
    page.locator(".what-if button[type=submit]").click()
    expect(page).to_have_url(re.compile("hw_virt=no"))
    page.go_back()
    expect(page).to_have_url(re.compile("hw_virt=yes"))
    expect(page.locator("#whatif-hw_virt")).to_have_value("yes")


@pytest.mark.parametrize("width", [360, 1440])
def test_the_charts_labels_stay_inside_the_drawing(page, site, width):
    page.set_viewport_size({"width": width, "height": 900})
    outside = []
    for language in LANGUAGES:
        page.goto(f"{site}/{language}/advisor/verdict/?{KVM_OUT_AHEAD}")
        expect(page.locator(".score-chart .chart-value").last).to_contain_text("·")
        outside += page.evaluate(
            """() => {
                 const svg = document.querySelector('.score-chart').getBoundingClientRect();
                 return [...document.querySelectorAll('.score-chart text')]
                   .map(t => [t.textContent, t.getBoundingClientRect()])
                   .filter(([, b]) => b.left < svg.left || b.right > svg.right
                                      || b.top < svg.top || b.bottom > svg.bottom)
                   .map(([text, b]) => `${text}: ${Math.round(b.right - svg.right)} px past`);
               }"""
        )
    assert not outside, outside


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fixture", PAGES)
def test_back_to_a_step_and_reload_keeps_that_steps_answers(request, site, fixture, language):
    page, _watch = request.getfixturevalue(fixture)
    page.goto(f"{site}/{language}/advisor/")
    for ids in (["cpu_arch-x86_64", "hw_virt-yes"], ["host_os-suse", "existing-other"]):
        for element_id in ids:
            page.locator(f"label[for='{element_id}']").click()
        if ids[0] == "host_os-suse":
            page.locator("label[for='expertise-beginner']").click()
        page.locator(".wizard-nav button[value=next]").click()
        expect(page.locator("#step-title")).to_contain_text("2" if "x86" in ids[0] else "3")
    page.go_back()
    expect(page).to_have_url(re.compile(r"/advisor/host/"))
    page.reload()
    expect(page.locator("#host_os-suse")).to_be_checked()
    expect(page.locator("#existing-other")).to_be_checked()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_language_switcher_keeps_the_passage_being_read(page, site, language):
    page.goto(f"{site}/{language}/sources/")
    anchor = page.locator("mark[id]").nth(3).get_attribute("id")
    page.goto(f"{site}/{language}/sources/#{anchor}")
    other = OTHER[language]
    page.locator(f".lang-switch a[hreflang={other}]").click()
    expect(page).to_have_url(re.compile(rf"/{other}/sources/#{anchor}$"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_printed_only_differences_comparison_says_it_is_filtered(nojs_page, site, language):
    page, _watch = nojs_page
    page.goto(f"{site}/{language}/compare/?show=differences")
    note = page.locator(".filter-note")
    expect(note).to_be_hidden()
    page.emulate_media(media="print")
    expect(note).to_be_visible()
