"""`make screenshots`: a full-page PNG of every page at phone and desktop width, in each language.

`make screenshots THEME=dark` (or `bench/screenshots.py --theme=dark`) shows the pages as a system
set to dark colours sees them; the files then end in -dark.png.

Writes screenshots/<lang>-<page>-<width>.png from the production server (tests/browser/production.py),
for the pages the browser tests check (tests/browser/pages.py). Reports, and exits 1 on, a wrong
status, a console error or a page wider than the screen.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import ConsoleMessage, sync_playwright  # noqa: E402

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE  # noqa: E402
from tests.browser.pages import pages  # noqa: E402
from tests.browser.production import production_server  # noqa: E402

OUT = ROOT / "screenshots"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--theme", choices=["light", "dark"], default="light")
    theme = parser.parse_args().theme
    suffix = "" if theme == "light" else f"-{theme}"
    OUT.mkdir(exist_ok=True)
    problems: list[str] = []
    errors: list[str] = []  # console errors of the page being shot

    def keep_error(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    with production_server() as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for viewport, mobile in ((PHONE, True), (DESKTOP, False)):
            context = browser.new_context(
                viewport=viewport, is_mobile=mobile, has_touch=mobile, color_scheme=theme
            )
            page = context.new_page()
            page.on("console", keep_error)
            for language, site_page in pages():
                where = f"{site_page.url(language)} at {viewport['width']} px"
                errors.clear()
                response = page.goto(base + site_page.url(language), wait_until="networkidle")
                status = response.status if response else None
                if status != site_page.status:
                    problems.append(f"{where}: HTTP {status}, expected {site_page.status}")
                # Chromium logs the expected 404 of the not-found page as a console error too.
                expected = f"status of {site_page.status}"
                problems.extend(f"{where}: {e}" for e in errors if expected not in e)
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                if overflow > 0:
                    problems.append(f"{where}: scrolls sideways by {overflow} px")
                path = OUT / f"{language}-{site_page.name}-{viewport['width']}{suffix}.png"
                page.screenshot(path=path, full_page=True)
                print(path.relative_to(ROOT))
            context.close()
        browser.close()
    for problem in problems:
        print("!", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
