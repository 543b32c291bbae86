"""`{% tr obj "field" %}`: a translated model field, drawn by the one partial that marks English."""

from django import template

from core.texts import Text, translated

register = template.Library()


@register.inclusion_tag("base.html#text")
def tr(obj: object, field: str) -> dict[str, Text]:
    return {"text": translated(obj, field)}
