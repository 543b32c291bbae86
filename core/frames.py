"""Pages put together from a frame: the page's template rendered once with a mark where each value
of one request goes, then filled in for each request.

A frame is rendered by the page's own template, so the filled page is the one the template alone
would make (tests/test_verdict_frames.py renders both and compares them). A value is escaped when
it goes in, as the template would have escaped it, unless it is already HTML (a SafeString). Only
values a template prints as they are (`{{ value }}`, `{% blocktranslate with v=value %}`) may be
slots: a filter or a test would see the mark, not the value.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from django.utils.safestring import SafeData, SafeString, mark_safe

# NUL never reaches a page from a form or a query (escaped there), nor from an editor's text.
_SLOT = re.compile("\x00frame:([a-z_]+)\x00")


def slot(name: str) -> SafeString:
    """The mark where `name`'s value goes (already "safe": the template leaves it as it is)."""
    return mark_safe(f"\x00frame:{name}\x00")


class Frame:
    """Text and slot names, alternately: text, slot, text, …, text."""

    def __init__(self, rendered: str) -> None:
        self.parts = _SLOT.split(rendered)

    @property
    def slots(self) -> set[str]:
        return set(self.parts[1::2])

    def fill(self, values: Mapping[str, str]) -> SafeString:
        # Each value escaped once, however many slots it fills (a query string fills a dozen).
        # html.escape is what django.utils.html.escape() does, without its checks for lazy text.
        shown = {
            name: value if isinstance(value, SafeData) else html.escape(value)
            for name, value in values.items()
        }
        parts = self.parts
        found = [parts[0]]
        for index in range(1, len(parts), 2):
            found += (shown[parts[index]], parts[index + 1])
        return SafeString("".join(found))
