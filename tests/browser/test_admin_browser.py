"""The admin as an editor sees it: the three languages side by side without overlap, stacked when
narrow; the history pages under the site's Content-Security-Policy; axe finds nothing to fix."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from playwright.sync_api import FloatRect, Page

from advisor.models import Question, Rule
from comparison.models import Criterion

PASSWORD = "a-long-editor-password"
AXE = Axe()

# The page, and translated fields on it (textareas and one-line inputs).
FORMS = [
    ("criterion", ["xen", "kvm", "note", "title"]),
    ("rule", ["reason", "note"]),
    ("question", ["text", "help_text"]),
]


def _url(kind: str) -> str:
    if kind == "criterion":
        return f"/admin/comparison/criterion/{Criterion.objects.get(slug='live-migration').pk}/"
    if kind == "rule":
        return f"/admin/advisor/rule/{Rule.objects.all()[0].pk}/"
    return f"/admin/advisor/question/{Question.objects.get(code='cpu_arch').pk}/"


def _sign_in(page: Page, site: str) -> None:
    # A superuser: the live server's database is emptied between tests, the Editors group with it.
    User.objects.create_superuser("writer", password=PASSWORD)
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", "writer")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def _boxes(page: Page, field: str) -> list[FloatRect]:
    boxes = []
    for language in ("ru", "es", "en"):
        box = page.locator(f"#id_{field}_{language}").bounding_box()
        assert box is not None, f"{field}_{language} is not shown"
        boxes.append(box)
    return boxes


def _overlap(a: FloatRect, b: FloatRect) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("width", [1280, 1440, 1920])
@pytest.mark.parametrize(("kind", "fields"), FORMS, ids=[kind for kind, _ in FORMS])
def test_the_three_languages_stand_side_by_side_without_overlap(
    page: Page, site: str, width: int, kind: str, fields: list[str]
):
    _sign_in(page, site)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site}{_url(kind)}change/")
    for field in fields:
        ru, es, en = _boxes(page, field)
        assert not _overlap(ru, es) and not _overlap(es, en) and not _overlap(ru, en), field
        assert ru["x"] < es["x"] < en["x"] and ru["y"] == es["y"] == en["y"], field
        assert en["x"] + en["width"] <= page.evaluate("document.documentElement.clientWidth")


def test_on_a_narrow_screen_the_languages_are_stacked(page: Page, site: str):
    _sign_in(page, site)
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(f"{site}{_url('criterion')}change/")
    ru, es, en = _boxes(page, "xen")
    assert ru["y"] + ru["height"] <= es["y"] and es["y"] + es["height"] <= en["y"]


@pytest.mark.parametrize("language", ["ru", "es", "en"])
def test_every_column_of_the_lists_is_in_view(page: Page, site: str, language: str):
    _sign_in(page, site)
    page.set_extra_http_headers({"Accept-Language": language})
    for width in (1280, 1440, 1920):
        page.set_viewport_size({"width": width, "height": 900})
        for url in [
            "/admin/comparison/criterion/",
            "/admin/advisor/rule/",
            "/admin/advisor/question/",
        ]:
            page.goto(f"{site}{url}")
            scroll, client = page.evaluate(
                "(() => { const r = document.querySelector('#changelist-form .results');"
                " return [r.scrollWidth, r.clientWidth]; })()"
            )
            assert scroll <= client, f"{url} scrolls sideways in {language} at {width} px"


@pytest.mark.parametrize("suffix", ["history/", "change/"])
def test_the_history_runs_under_the_policy(page: Page, site: str, suffix: str):
    # The page's Watch fails the test on any CSP violation or console error.
    _sign_in(page, site)
    page.goto(f"{site}{_url('criterion')}{suffix}")
    page.wait_for_load_state("networkidle")
    assert page.locator("#content").is_visible()


@pytest.mark.parametrize(
    "path",
    ["criterion:change/", "criterion:history/", "rule:change/", "question:change/", "lists"],
)
def test_the_admin_pages_an_editor_uses_pass_axe(page: Page, site: str, path: str):
    _sign_in(page, site)
    if path == "lists":
        urls = [
            "/admin/comparison/criterion/",
            "/admin/advisor/rule/",
            "/admin/advisor/question/",
            "/admin/advisor/rule/verdict-map/",
        ]
    else:
        kind, suffix = path.split(":")
        urls = [f"{_url(kind)}{suffix}"]
    for url in urls:
        page.goto(f"{site}{url}")
        page.wait_for_timeout(200)  # the two-box selects are built on load
        result = AXE.run(page)
        assert result.violations_count == 0, f"{url}\n{result.generate_report()}"
