"""axe-core over an open page: every <details> opened first, the violations as a report."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

AXE = Axe()


def open_all_details(page: Page) -> None:
    """Citations and help sit in <details>; axe checks only what is shown."""
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")


def axe_report(page: Page, where: str) -> str:
    result = AXE.run(page)
    return (
        f"{where}: {result.violations_count} violations\n{result.generate_report()}"
        if result.violations_count
        else ""
    )
