"""Template helpers for translated content fields."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.settings import DEFAULT_LANGUAGE

register = template.Library()


@register.simple_tag
def tr(obj: object, field: str) -> SafeString | str:
    """A translated field in the page's language; the English text, marked as such, when missing.

    modeltranslation already falls back to English; this tag makes the fallback visible and sets
    lang="en" so that screen readers pronounce it as English.
    """
    language = get_language()
    own = getattr(obj, f"{field}_{language}", None)
    if own or language == DEFAULT_LANGUAGE:
        return getattr(obj, field) or ""
    fallback = getattr(obj, f"{field}_{DEFAULT_LANGUAGE}", "") or ""
    if not fallback:
        return ""
    return format_html(
        '<span lang="{}">{}</span><span class="fallback-mark" title="{}">{}</span>',
        DEFAULT_LANGUAGE,
        fallback,
        _("This text has not been translated yet; it is shown in English."),
        _("in English"),
    )
