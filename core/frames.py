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


class Html(SafeString):
    """HTML kept to be sent again and again: with its UTF-8 bytes, encoded once."""

    encoded: bytes

    @classmethod
    def of(cls, text: str) -> Html:
        html = cls(text)
        html.encoded = text.encode()
        return html


class Frame:
    """The page's text around its slots, as UTF-8 (the response's own encoding), and the slots'
    names: text, slot, text, …, text."""

    def __init__(self, rendered: str) -> None:
        parts = _SLOT.split(rendered)
        self.texts = [text.encode() for text in parts[0::2]]
        self.names = parts[1::2]

    def fill(self, values: Mapping[str, str | bytes]) -> bytes:
        """The page in UTF-8. A value is bytes of HTML, HTML (a SafeString, encoded here), or text,
        escaped as the template escapes it (html.escape is django.utils.html.escape() without its
        checks for lazy text). Each value is made once, however many slots it fills."""
        shown = {name: as_bytes(value) for name, value in values.items()}
        texts = self.texts
        found = [texts[0]]
        for name, text in zip(self.names, texts[1:], strict=True):
            found += (shown[name], text)
        return b"".join(found)


def as_bytes(value: str | bytes) -> bytes:
    """A value as it goes into a page, in UTF-8 (see `Frame.fill()`)."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, Html):
        return value.encoded
    return (value if isinstance(value, SafeData) else html.escape(value)).encode()
