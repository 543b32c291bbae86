"""`GET /api/v1/verdict`: the verdict page's twin as JSON, for scripts (see README.md, "API").

Same answers as the permalink, the same `verdict()`; `lang` (ru, es or en; en when absent) picks
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
from .answers import parse
from .verdict import Citation, Verdict
from .verdict import verdict as compute

LANGUAGES = dict(settings.LANGUAGES)


def _citation(citation: Citation) -> dict[str, str]:
    return {
        "source": citation.source,
        "quote": citation.original,
        "translation": citation.translation,
        "url": citation.url,
    }


def as_json(result: Verdict, permalink: str) -> dict[str, Any]:
    def reason(rule: Any) -> dict[str, Any]:
        citations = [_citation(c) for c in rule.citations]
        return {
            "code": rule.code,
            "hypervisor": rule.hypervisor or None,
            "points": rule.points,
            "text": rule.reason,
            "citation": citations[0] if citations else None,
            "citations": citations,
            "note": rule.note or None,
            "criterion": rule.basis
            and {"slug": rule.basis.slug, "title": rule.basis.title, "url": rule.basis.url},
            "disputed": rule.code in result.at_odds,
        }

    return {
        "verdict": result.outcome,
        "scores": dict(result.scores),
        "blocked": {side: [reason(r) for r in rules] for side, rules in result.blocked.items()},
        "reasons": [reason(r) for r in result.reasons],
        "warnings": [reason(r) for r in result.warnings],
        "sources_disagree": result.sources_disagree,
        "permalink": permalink,
    }


@require_safe
def verdict(request: HttpRequest) -> JsonResponse:
    languages = request.GET.getlist("lang") or ["en"]
    if len(languages) > 1 or languages[0] not in LANGUAGES:
        message = _("“lang” must be one of: %(codes)s.") % {"codes": ", ".join(LANGUAGES)}
        return json_response({"errors": {"lang": message}}, status=400)
    with translation.override(languages[0]):
        wizard = content.wizard(plain=True)
        parsed = parse(dict(request.GET.lists()), wizard, reserved=frozenset({"lang"}))
        if parsed.errors:
            return json_response({"errors": parsed.errors}, status=400)
        result = compute(parsed.answers, content.rules(plain=True))
        return json_response(as_json(result, pages.verdict_url(wizard, parsed.answers)))
