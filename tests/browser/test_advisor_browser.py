"""The wizard and the verdict page in a real Chromium: with htmx and without JavaScript."""

import re

from playwright.sync_api import Page, expect

from tests.browser.chromium import Watch

STEPS = [
    ["cpu_arch-x86_64", "hw_virt-yes"],
    ["host_os-rhel", "existing-new_server", "expertise-beginner"],
    ["guest_os-linux", "guest_os-windows", "live_migration-not_needed"],
    ["priority-linux_integration", "vendor-none"],
]


def answer(page: Page, ids: list[str]) -> None:
    for element_id in ids:
        page.locator(f"label[for='{element_id}']").click()


def test_the_wizard_in_spanish_with_javascript_swaps_only_the_step_and_keeps_the_address(
    page: Page, site: str
):
    page.goto(f"{site}/es/advisor/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("#cpu_arch-unknown + label")).to_have_text("No lo sé")
    page.evaluate("window.sameDocument = true")
    for number, ids in enumerate(STEPS[:-1], start=2):
        answer(page, ids)
        page.locator("button[name=go][value=next]").click()
        expect(page.locator("#step-title")).to_contain_text(f"{number}")
        expect(page).to_have_url(
            re.compile(rf"/es/advisor/{['host', 'guests', 'priorities'][number - 2]}/\?")
        )
        assert page.evaluate("window.sameDocument") is True  # htmx swapped the step, no page load
        expect(page.locator("#step-title")).to_be_focused()
    expect(page).to_have_url(re.compile("cpu_arch=x86_64.*existing=new_server.*guest_os=windows"))
    # The language switcher follows the new address, answers included.
    expect(page.locator(".lang-switch a[hreflang=ru]")).to_have_attribute(
        "href", re.compile("/ru/advisor/priorities/.*guest_os=windows")
    )

    page.go_back()
    expect(page).to_have_url(re.compile("/es/advisor/guests/"))
    expect(page.locator("#guest_os-windows")).to_be_checked()
    page.go_forward()
    expect(page).to_have_url(re.compile("/es/advisor/priorities/"))

    answer(page, STEPS[-1])
    page.locator("button[name=go][value=next]").click()
    expect(page).to_have_url(re.compile(r"/es/advisor/verdict/\?"))
    expect(page.locator("h1.verdict-headline")).to_have_class(re.compile("verdict-kvm"))
    expect(page.locator("#chart-desc")).to_contain_text("KVM: 8 puntos")


def test_the_wizard_in_russian_without_javascript_works_with_plain_forms(
    nojs_page: tuple[Page, Watch], site: str
):
    page, _watch = nojs_page
    page.goto(f"{site}/ru/advisor/")
    page.locator("button[name=go][value=next]").click()
    expect(page.locator("#cpu_arch-error")).to_be_visible()
    expect(page.locator("legend").first).to_have_text("Какая архитектура процессора у сервера?")
    for ids in STEPS:
        answer(page, ids)
        page.locator("button[name=go][value=next]").click()
    expect(page).to_have_url(re.compile(r"/ru/advisor/verdict/\?cpu_arch=x86_64&hw_virt=yes"))
    expect(page.locator("h1.verdict-headline")).to_have_class(re.compile("verdict-kvm"))
    expect(page.locator("[data-copy]")).to_be_hidden()
    expect(page.locator("#permalink")).to_have_value(
        re.compile(r"/ru/advisor/verdict/\?cpu_arch=x86_64")
    )

    # What-if without JavaScript: the plain form reloads the page with the changed answer.
    page.select_option("#whatif-hw_virt", "no")
    page.locator(".what-if button[type=submit]").click()
    expect(page.locator("h1.verdict-headline")).to_have_class(re.compile("verdict-none"))


def test_a_what_if_change_on_the_verdict_page_changes_the_verdict_in_place(page: Page, site: str):
    page.goto(
        f"{site}/en/advisor/verdict/?cpu_arch=x86_64&hw_virt=yes&existing=new_server&guest_os=linux"
    )
    expect(page.locator("h1.verdict-headline")).to_have_text("KVM suits these answers better")
    page.evaluate("window.sameDocument = true")
    page.select_option("#whatif-hw_virt", "no")
    expect(page.locator("h1.verdict-headline")).to_have_text("Xen suits these answers better")
    expect(page).to_have_url(re.compile(r"hw_virt=no"))
    assert page.evaluate("window.sameDocument") is True
    expect(page).to_have_title(re.compile("^Verdict: Xen"))
    expect(page.locator("#permalink")).to_have_value(re.compile("hw_virt=no"))
    page.locator("#whatif-guest_os-windows").check()
    expect(page.locator("h1.verdict-headline")).to_have_class(re.compile("verdict-none"))
    expect(page.locator(".what-would-change")).to_be_visible()


def test_the_copy_button_copies_the_permalink(browser, site: str):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site}/en/advisor/verdict/?hw_virt=yes")
    page.locator("[data-copy]").click()
    expect(page.locator("[data-copy]")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()").endswith(
        "/en/advisor/verdict/?hw_virt=yes"
    )
    context.close()


def test_a_tampered_answer_shows_a_clear_message(watch_page, site: str):
    page, watch = watch_page
    watch.allowed_statuses.add(400)
    response = page.goto(f"{site}/es/advisor/verdict/?cpu_arch=<b>sparc</b>")
    assert response.status == 400
    expect(page.locator(".invalid-answers")).to_contain_text("<b>sparc</b>")
