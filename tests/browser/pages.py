"""Every page a visitor can reach, in every language: the one list the browser checks walk.

The accessibility, no-JavaScript and print tests, `make screenshots` and `make audit` all read
this module, so a page added here is checked everywhere.
"""

from dataclasses import dataclass

from playwright.sync_api import Page, Response

from tests.browser.chromium import Watch

LANGUAGES = ("ru", "es", "en")


@dataclass(frozen=True)
class SitePage:
    name: str  # short and file-name safe: used in test ids and screenshot names
    path: str  # what follows /<lang>; starts with "/"
    status: int = 200

    def url(self, language: str) -> str:
        return f"/{language}{self.path}"


HARDWARE = "cpu_arch=x86_64&hw_virt=yes"
HOST = f"{HARDWARE}&host_os=rhel&existing=new_server&expertise=beginner"
GUESTS = f"{HOST}&guest_os=linux&live_migration=not_needed"
ANSWERS = f"{GUESTS}&priority=linux_integration&vendor=red_hat"
# Both ruled out: no VT-x/AMD-V rules KVM out, and then Windows guests rule Xen out.
BLOCKED = "cpu_arch=arm&hw_virt=no&host_os=non_linux&guest_os=windows"

SITE_PAGES = [
    SitePage("home", "/"),
    SitePage("compare", "/compare/"),
    SitePage("compare-differences", "/compare/?show=differences"),
    SitePage("sources", "/sources/"),
    SitePage("not-found", "/no-such-page/", status=404),
]

ADVISOR_PAGES = [
    SitePage("advisor", "/advisor/"),
    SitePage("advisor-errors", "/advisor/?go=next"),
    SitePage("advisor-host", f"/advisor/host/?{HARDWARE}"),
    SitePage("advisor-guests", f"/advisor/guests/?{HOST}"),
    SitePage("advisor-priorities", f"/advisor/priorities/?{GUESTS}"),
    SitePage("verdict", f"/advisor/verdict/?{ANSWERS}"),
    SitePage("verdict-none", f"/advisor/verdict/?{BLOCKED}"),
]

PAGES = SITE_PAGES + ADVISOR_PAGES
BY_NAME = {page.name: page for page in PAGES}

# Lighthouse (bench/audit.py): the comparison, the wizard's first step and a verdict.
AUDITED = [BY_NAME["compare"], BY_NAME["advisor"], BY_NAME["verdict"]]
# Printed to PDF by tests/browser/test_print.py, with a text the PDF must contain (by language).
PRINTED = [BY_NAME["compare"], BY_NAME["verdict"]]


def pages(only: list[SitePage] | None = None) -> list[tuple[str, SitePage]]:
    """(language, page) for every page, or for `only` these, in every language."""
    return [(language, page) for language in LANGUAGES for page in (only or PAGES)]


def ids(cases: list[tuple[str, SitePage]]) -> list[str]:
    return [f"{language}-{page.name}" for language, page in cases]


def visit(page: Page, watch: Watch, site: str, language: str, site_page: SitePage) -> Response:
    """Open `site_page` in `language` on a watched page and check its HTTP status."""
    if site_page.status != 200:
        watch.allowed_statuses.add(site_page.status)
    response = page.goto(site + site_page.url(language))
    assert response is not None and response.status == site_page.status, site_page.url(language)
    return response
