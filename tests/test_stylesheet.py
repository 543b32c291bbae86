"""The stylesheet built from Bootstrap's Sass keeps only the parts the pages use: every Bootstrap
class a template uses must be in it."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
SITE_CSS = ROOT / "build" / "static" / "css" / "site.css"
BOOTSTRAP_CSS = ROOT / "node_modules" / "bootstrap" / "dist" / "css" / "bootstrap.css"


def classes_defined(css: str) -> set[str]:
    return set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", css))


def classes_used() -> set[str]:
    used = set()
    for template in TEMPLATES.rglob("*.html"):
        for value in re.findall(r'class="([^"]*)"', template.read_text()):
            used.update(re.sub(r"{%.*?%}|{{.*?}}", " ", value).split())
    return used


def test_the_trimmed_stylesheet_keeps_every_bootstrap_class_a_template_uses():
    bootstrap = classes_defined(BOOTSTRAP_CSS.read_text())
    site = classes_defined(SITE_CSS.read_text())
    used = classes_used()
    assert {"btn", "table", "d-flex", "visually-hidden"} <= used & bootstrap
    assert not (used & bootstrap) - site, "add these to static/scss/site.scss"
