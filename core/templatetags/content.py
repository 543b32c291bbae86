"""`{% tr obj "field" %}`: a translated model field, drawn by the one partial that marks English."""

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

from core.texts import Text, translated

register = template.Library()


@register.inclusion_tag("base.html#text")
def tr(obj: object, field: str) -> dict[str, Text]:
    return {"text": translated(obj, field)}


# A command or a system file in running text: the commands the site asks visitors to run, with
# only the arguments those take (a bare word after "lscpu" is prose: "lscpu on the server").
_ARGUMENT = r"(?: (?:-[\w-]+|'[^'\n]*'|\"[^\"\n]*\"|/[\w./-]*\w|\||info|grep|virt_caps))"
_COMMAND = re.compile(
    rf"\b(?:uname|lscpu|grep|cat|xl|lsmod|virsh){_ARGUMENT}*|(?<![\w/])/(?:proc|etc|sys)/[\w./-]*\w"
)


@register.filter(needs_autoescape=True)
def commands(text: object, autoescape: bool = True) -> object:
    """Plain text with its commands and file paths in the code font (`uname -m`, /proc/cpuinfo)."""
    if isinstance(text, SafeData) or not isinstance(text, str):
        return text  # already marked up: shown as it is
    escape = conditional_escape if autoescape else str
    out, last = [], 0
    for match in _COMMAND.finditer(text):
        out += [escape(text[last : match.start()]), f"<code>{escape(match.group())}</code>"]
        last = match.end()
    return mark_safe("".join([*out, escape(text[last:])]))  # every piece is escaped above
