"""`GET /api/v1/verdict`: the verdict page's twin as JSON, for scripts (see README.md, "API").

Same answers as the permalink, the same `decide_readings()` (today at the top level, `articles` beside it); `lang` (ru, es or en; en when absent) picks
the language of the texts. 400 with `{"errors": {key: message}}` for anything `parse()` rejects.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from api.errors import json_response, json_text_response
from pagecache.version import per_version

from . import content, pages
from .engine import Citation, Verdict, Verdicts, decide_readings
from .engine import Rule as EngineRule
from .query import parse_get

LANGUAGES = dict(settings.LANGUAGES)
JSON_BOOLEANS = {True: "true", False: "false"}


def _citation(citation: Citation) -> dict[str, str]:
    return {
        "source": citation.source,
        "quote": citation.original,
        "translation": str(citation.translation),
        "url": citation.url,
    }


def _dumps(value: object) -> str:
    # Russian and Spanish texts stay readable instead of \u escapes.
    return json.dumps(value, ensure_ascii=False)


def _reason_head(rule: EngineRule) -> str:
    """A reason's JSON object without its closing brace and the two keys the verdict decides."""
    citations = [_citation(c) for c in rule.citations]
    note = rule.note
    fixed = {
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
    }
    return _dumps(fixed)[:-1]


@per_version
def _reason_heads() -> dict[tuple[str, str], str]:
    """(reading, rule code) → `_reason_head()`, in the active language, once per content version."""
    readings = content.rules()
    return {
        (name, rule.code): _reason_head(rule)
        for name in ("today", "articles")
        for rule in getattr(readings, name)
    }


def _reading(result: Verdict, changed: frozenset[str], name: str) -> str:
    """One reading's verdict as JSON object members; texts are bare (no "in English" mark: that is
    the pages' business)."""
    heads = _reason_heads()

    def reasons(rules: tuple[EngineRule, ...]) -> str:
        return (
            "["
            + ", ".join(
                f"{heads.get((name, r.code)) or _reason_head(r)}, "
                f'"disputed": {JSON_BOOLEANS[r.code in result.at_odds]}, '
                f'"changed": {JSON_BOOLEANS[r.code in changed]}}}'
                for r in rules
            )
            + "]"
        )

    blocked = ", ".join(
        f"{_dumps(side)}: {reasons(rules)}" for side, rules in result.blocked.items()
    )
    return (
        f'"verdict": {_dumps(result.outcome)}, "scores": {_dumps(dict(result.scores))}, '
        f'"blocked": {{{blocked}}}, "reasons": {reasons(result.reasons)}, '
        f'"warnings": {reasons(result.warnings)}, "needed": {_dumps(list(result.needed))}, '
        f'"sources_disagree": {_dumps(result.sources_disagree)}'
    )


def as_json(results: Verdicts, permalink: str) -> str:
    """Today's reading at the top level, the articles' reading beside it under `articles`."""
    changed = results.changed
    return (
        f'{{{_reading(results.today, changed, "today")}, "permalink": {_dumps(permalink)}, '
        f'"articles": {{{_reading(results.articles, changed, "articles")}}}}}'
    )


@require_safe
def verdict_json(request: HttpRequest) -> HttpResponse:
    languages = request.GET.getlist("lang") or ["en"]
    if len(languages) > 1 or languages[0] not in LANGUAGES:
        message = _("“lang” must be one of: %(codes)s.") % {"codes": ", ".join(LANGUAGES)}
        return json_response({"errors": {"lang": message}}, status=400)
    with translation.override(languages[0]):
        wizard = content.wizard()
        parsed = parse_get(request, wizard, reserved=frozenset({"lang"}))
        if parsed.errors:
            return json_response({"errors": parsed.errors}, status=400)
        results = decide_readings(parsed.answers, content.rules())
        return json_text_response(as_json(results, pages.verdict_url(wizard, parsed.answers)))
