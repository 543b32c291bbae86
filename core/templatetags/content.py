"""Template helpers for translated content fields."""

import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, SafeString, mark_safe
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


# A command or a system file in running text: the commands the site asks visitors to run, with
# only the arguments those take (a bare word after "lscpu" is prose: "lscpu on the server").
_ARGUMENT = r"(?: (?:-[\w-]+|'[^'\n]*'|\"[^\"\n]*\"|/[\w./-]*\w|\||info|grep|virt_caps))"
_COMMAND = re.compile(
    rf"\b(?:uname|lscpu|grep|cat|xl|lsmod|virsh){_ARGUMENT}*|(?<![\w/])/(?:proc|etc|sys)/[\w./-]*\w"
)


@register.filter(needs_autoescape=True)
def commands(text: object, autoescape: bool = True) -> SafeString | object:
    """Plain text with its commands and file paths in the code font (`uname -m`, /proc/cpuinfo)."""
    if isinstance(text, SafeData) or not isinstance(text, str):
        return text  # already marked up (the "in English" fallback): shown as it is
    escape = conditional_escape if autoescape else str
    out, last = [], 0
    for match in _COMMAND.finditer(text):
        out += [escape(text[last : match.start()]), f"<code>{escape(match.group())}</code>"]
        last = match.end()
    return mark_safe("".join([*out, escape(text[last:])]))  # every piece is escaped above
