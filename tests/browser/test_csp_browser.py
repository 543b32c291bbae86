"""The Content-Security-Policy holds in a real browser: the pages, htmx's swaps and the admin
run without one violation (the page fixtures fail a test on any)."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page


def test_the_wizard_runs_under_the_policy(page: Page, site: str):
    page.goto(f"{site}/en/advisor/")
    page.locator("input[name=cpu_arch][value=x86_64]").check()
    page.get_by_role("button", name="Next").click()
    page.wait_for_load_state("networkidle")
    page.goto(f"{site}/ru/advisor/verdict/?cpu_arch=x86_64&hw_virt=yes")
    page.goto(f"{site}/es/compare/")
    page.wait_for_load_state("networkidle")


def test_a_policy_violation_fails_a_browser_test(watch_page, site: str):
    page, watch = watch_page
    page.goto(f"{site}/en/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = 1'; document.body.append(s); }"
    )
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.ran") is None
    assert any("CSP violation: script-src" in problem for problem in watch.problems)
    watch.problems.clear()  # expected here: the teardown check is for the other tests


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/advisor/rule/",
        "/admin/advisor/rule/add/",
        "/admin/comparison/criterion/add/",
    ],
)
def test_the_admin_runs_under_the_policy(page: Page, site: str, path: str):
    User.objects.create_superuser("admin", password="a-long-admin-password")
    page.goto(f"{site}/admin/login/?next={path}")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "a-long-admin-password")
    page.click("input[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(path)
