"""`/api/v1/comparison` and `/api/v1/openapi.json` (the verdict is advisor/api.py's).

Thin: pick the language, read the data, hand it to comparison_json() or openapi.document().
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from advisor import content
from comparison.models import Criterion

from . import openapi
from .errors import LANGUAGES, json_response


def _language(request: HttpRequest) -> tuple[str | None, JsonResponse | None]:
    languages = request.GET.getlist("lang") or ["en"]
    if len(languages) == 1 and languages[0] in LANGUAGES:
        return languages[0], None
    with translation.override("en"):
        message = _("“lang” must be one of: %(codes)s.") % {"codes": ", ".join(LANGUAGES)}
        return None, json_response({"errors": {"lang": message}}, status=400)


def _unknown_keys(request: HttpRequest, allowed: set[str]) -> JsonResponse | None:
    unknown = sorted(set(request.GET) - allowed)
    if not unknown:
        return None
    message = _("“%(key)s” is not a parameter of this endpoint.") % {"key": unknown[0][:64]}
    return json_response({"errors": {unknown[0][:64]: message}}, status=400)


def comparison_json(rows: list[Criterion]) -> dict[str, Any]:
    topics: dict[str, dict[str, Any]] = {}
    for row in rows:
        topic = topics.setdefault(
            row.topic.slug, {"slug": row.topic.slug, "title": row.topic.title, "criteria": []}
        )
        note = row.dated_note()
        topic["criteria"].append(
            {
                "slug": row.slug,
                "title": row.title,
                "xen": row.xen,
                "kvm": row.kvm,
                "edge": row.edge,
                "articles_edge": row.articles_edge,
                "articles_disagree": row.articles_disagree,
                "disagreement": row.disagreement or None,
                "note": str(note.text) if note else None,
                "note_reference": (str(note.reference) or note.url or None) if note else None,
                "note_checked": note.checked.isoformat() if note and note.checked else None,
                "url": row.get_absolute_url(),
                "citations": [
                    {
                        "side": citation.side,
                        "source": citation.quote.source.code,
                        "quote": citation.quote.original,
                        "translation": citation.quote.translation,
                        "url": citation.quote.get_absolute_url(),
                    }
                    for citation in row.citations.all()
                ],
            }
        )
    return {"language": translation.get_language(), "topics": list(topics.values())}


def _in_language(request: HttpRequest, build: Callable[[], dict[str, Any]]) -> JsonResponse:
    """`build()`'s data as JSON in the `lang` asked for, or a 400 for a bad `lang` or key."""
    language, error = _language(request)
    if error:
        return error
    with translation.override(language):
        if error := _unknown_keys(request, {"lang"}):
            return error
        return json_response(build())


@require_safe
def comparison(request: HttpRequest) -> JsonResponse:
    return _in_language(request, lambda: comparison_json(list(Criterion.objects.for_table())))


@require_safe
def document(request: HttpRequest) -> JsonResponse:
    return _in_language(request, lambda: openapi.document(content.wizard()))
