"""Reading pages in tests through Django's own HTML parser (`django.test.html.parse_html`)."""

import re
from collections.abc import Iterator

from django.test.html import Element, parse_html

# Attributes whose text a visitor sees or hears.
SHOWN_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}


def elements(html: str | Element, name: str | None = None) -> Iterator[Element]:
    """Every element of a page (or under one element), or only those called `name`."""
    node = parse_html(html) if isinstance(html, str) else html
    for child in node.children:
        if isinstance(child, Element):
            if name is None or child.name == name:
                yield child
            yield from elements(child, name)


def attribute(element: Element, name: str) -> str | None:
    return dict(element.attributes).get(name)


def visible_text(html: str) -> str:
    """The text a visitor sees: no script or style, plus the attribute texts shown or read aloud."""
    parts: list[str] = []

    def walk(node: Element) -> None:
        for name, value in node.attributes:
            if value and (name in SHOWN_ATTRIBUTES or (node.name == "meta" and name == "content")):
                parts.append(value)
        if node.name in ("script", "style"):
            return
        for child in node.children:
            if isinstance(child, Element):
                walk(child)
            else:
                parts.append(child)

    walk(parse_html(html))
    return re.sub(r"\s+", " ", " ".join(parts))


def text(element: Element) -> str:
    """The element's own text and its descendants', white space folded."""
    parts = [child if isinstance(child, str) else text(child) for child in element.children]
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def headed(html: str, heading: str, block: str = "div") -> dict[str, Element]:
    """Each `heading` element's text, and the first `block` element after it among its siblings."""
    found: dict[str, Element] = {}
    for parent in [parse_html(html), *elements(html)]:
        children = [child for child in parent.children if isinstance(child, Element)]
        for index, child in enumerate(children):
            if child.name == heading:
                after = next((c for c in children[index + 1 :] if c.name == block), None)
                if after is not None:
                    found[text(child)] = after
    return found


def verdict_outcome(html: str) -> str:
    """Today's outcome on a verdict page, from its headline's class ("verdict-kvm")."""
    headlines = (attribute(e, "class") or "" for e in elements(html, "h1"))
    classes = next(c for c in headlines if "verdict-headline" in c).split()
    return next(c for c in classes if c.startswith("verdict-") and c != "verdict-headline")[8:]


def chart_scores(html: str) -> dict[str, int]:
    """Today's points on a verdict page's chart: each bar's label and the number after it."""
    values = [e for e in elements(html, "text") if attribute(e, "class") == "chart-value"]
    return {
        side: int(text(value).split()[0])
        for side, value in zip(("xen", "kvm"), values, strict=True)
    }


def section_text(html: str, title_id: str) -> str:
    """The text of the section a heading with this id names (aria-labelledby)."""
    section = next(
        e for e in elements(html, "section") if attribute(e, "aria-labelledby") == title_id
    )
    return text(section)
