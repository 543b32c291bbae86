"""Translated content as data: a text and whether it fell back to English.

modeltranslation already falls back to English when a translation is missing; the pages must say
so ("in English", with lang="en"), and the API must not. So the domain carries the fact, and one
template partial (`base.html#text`) draws the mark; nothing here produces HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import get_language
from modeltranslation.settings import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Text:
    text: str = ""
    fell_back: bool = False  # shown in English because the page's language has no translation

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)


NO_TEXT = Text()  # frozen, so one shared empty text is a safe dataclass default


@dataclass(frozen=True)
class Note:
    """A current-status note: what holds today, its reference, and when it was last checked."""

    text: Text
    reference: Text = NO_TEXT
    url: str = ""
    checked: date | None = None


def translated(obj: object, field: str) -> Text:
    """A translated field in the active language, or the English text marked as a fallback."""
    language = get_language() or DEFAULT_LANGUAGE
    own = getattr(obj, f"{field}_{language}", None)
    if own or language == DEFAULT_LANGUAGE:
        return Text(getattr(obj, field) or "")
    fallback = getattr(obj, f"{field}_{DEFAULT_LANGUAGE}", "") or ""
    return Text(fallback, fell_back=bool(fallback))
