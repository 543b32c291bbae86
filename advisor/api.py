"""`GET /api/v1/verdict`: the verdict page's twin as JSON, for scripts (see README.md, "API").

Same answers as the permalink, the same `decide_readings()` (today at the top level, `articles` beside it); `lang` (ru, es or en; en when absent) picks
the language of the texts. 400 with `{"errors": {key: message}}` for anything `parse()` rejects.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from api.errors import json_response

from . import content, pages
from .engine import Citation, Verdict, Verdicts, decide_readings
from .engine import Rule as EngineRule
from .query import parse

LANGUAGES = dict(settings.LANGUAGES)


def _citation(citation: Citation) -> dict[str, str]:
    return {
        "source": citation.source,
        "quote": citation.original,
        "translation": str(citation.translation),
        "url": citation.url,
    }


def _reading(result: Verdict, changed: frozenset[str]) -> dict[str, Any]:
    """One reading's verdict; texts are bare (no "in English" mark: that is the pages' business)."""

    def reason(rule: EngineRule) -> dict[str, Any]:
        citations = [_citation(c) for c in rule.citations]
        note = rule.note
        return {
            "code": rule.code,
            "hypervisor": rule.hypervisor or None,
            "points": rule.points,
            "text": str(rule.reason),
            "citation": citations[0] if citations else None,
            "citations": citations,
            "note": str(note.text) if note else None,
            "reference": (str(note.reference) or note.url or None) if note else None,
            "checked": note.checked.isoformat() if note and note.checked else None,
            "criterion": rule.basis
            and {"slug": rule.basis.slug, "title": str(rule.basis.title), "url": rule.basis.url},
            "disputed": rule.code in result.at_odds,
            "changed": rule.code in changed,
        }

    return {
        "verdict": result.outcome,
        "scores": dict(result.scores),
        "blocked": {side: [reason(r) for r in rules] for side, rules in result.blocked.items()},
        "reasons": [reason(r) for r in result.reasons],
        "warnings": [reason(r) for r in result.warnings],
        "needed": list(result.needed),
        "sources_disagree": result.sources_disagree,
    }


def as_json(results: Verdicts, permalink: str) -> dict[str, Any]:
    """Today's reading at the top level, the articles' reading beside it under `articles`."""
    return {
        **_reading(results.today, results.changed),
        "permalink": permalink,
        "articles": _reading(results.articles, results.changed),
    }


@require_safe
def verdict_json(request: HttpRequest) -> JsonResponse:
    languages = request.GET.getlist("lang") or ["en"]
    if len(languages) > 1 or languages[0] not in LANGUAGES:
        message = _("“lang” must be one of: %(codes)s.") % {"codes": ", ".join(LANGUAGES)}
        return json_response({"errors": {"lang": message}}, status=400)
    with translation.override(languages[0]):
        wizard = content.wizard()
        parsed = parse(request.GET, wizard, reserved=frozenset({"lang"}))
        if parsed.errors:
            return json_response({"errors": parsed.errors}, status=400)
        results = decide_readings(parsed.answers, content.rules())
        return json_response(as_json(results, pages.verdict_url(wizard, parsed.answers)))
