"""The API's OpenAPI 3.1 document, built from the wizard as editors left it.

Question and option codes are editors' data: each question is a query parameter of the verdict,
its options the parameter's enum, its text and help (in the requested language) the description.
The rest (shapes of the answers, errors, headers) is fixed here. tests/test_api_contract.py runs
schemathesis against the document, so a change on either side that the other does not follow
fails the suite.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from advisor.answers import Question, Wizard

OUTCOMES = ["xen", "kvm", "either", "none", "too_few"]
JSON = "application/json"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _lang() -> dict[str, Any]:
    return {
        "name": "lang",
        "in": "query",
        "required": False,
        "description": _("The language of the texts (and of the error messages)."),
        "schema": {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
    }


def _answer(question: Question) -> dict[str, Any]:
    options = list(question.codes)
    described = "; ".join(f"`{o.code}`: {o.label}" for o in question.options)
    parameter: dict[str, Any] = {
        "name": question.code,
        "in": "query",
        "required": False,
        "description": f"{question.text} {described}".strip(),
    }
    if question.many:
        parameter.update(
            style="form",
            explode=True,
            schema={
                "type": "array",
                "items": {"type": "string", "enum": options},
                "uniqueItems": True,
            },
        )
    else:
        parameter["schema"] = {"type": "string", "enum": options}
    return parameter


def _headers() -> dict[str, Any]:
    return {
        "Content-Language": {
            "description": _("The language of the texts in the body."),
            "schema": {"type": "string"},
        },
        "Access-Control-Allow-Origin": {"schema": {"type": "string", "const": "*"}},
    }


def _json(description: str, schema: str) -> dict[str, Any]:
    return {
        "description": description,
        "headers": _headers(),
        "content": {JSON: {"schema": _ref(schema)}},
    }


def _errors() -> dict[str, Any]:
    return {
        "400": _json(_("A parameter or value the API does not know; says which."), "Errors"),
        "405": {
            **_json(_("Only GET, HEAD and OPTIONS are served."), "Errors"),
            "headers": {**_headers(), "Allow": {"schema": {"type": "string"}}},
        },
        "414": _json(_("A query string longer than any set of answers."), "Errors"),
    }


def _operation(
    operation_id: str, summary: str, parameters: list[dict[str, Any]], ok: str, schema: str
) -> dict[str, Any]:
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": parameters,
            "responses": {"200": _json(ok, schema), **_errors()},
        }
    }


def _schemas() -> dict[str, Any]:
    text = {"type": "string"}
    maybe_text = {"type": ["string", "null"]}
    citation = {
        "type": "object",
        "required": ["source", "quote", "url"],
        "properties": {
            "source": {**text, "description": _("The source article's code.")},
            "quote": {**text, "description": _("The passage, in the article's language.")},
            "translation": text,
            "url": {**text, "description": _("The passage on the sources page.")},
        },
    }
    reason = {
        "type": "object",
        "required": ["code", "hypervisor", "points", "text"],
        "properties": {
            "code": {**text, "description": _("The rule's stable code.")},
            "hypervisor": {"enum": ["xen", "kvm", None]},
            "points": {"type": "integer", "minimum": 0},
            "text": text,
            "citation": {"oneOf": [_ref("Citation"), {"type": "null"}]},
            "citations": {"type": "array", "items": _ref("Citation")},
            "note": {**maybe_text, "description": _("What holds today, where it differs.")},
            "reference": maybe_text,
            "checked": {**maybe_text, "description": _("The day the note was last checked.")},
        },
    }
    sides = {
        "type": "object",
        "required": ["xen", "kvm"],
        "properties": {"xen": {"type": "integer"}, "kvm": {"type": "integer"}},
    }
    blocked = {
        "type": "object",
        "required": ["xen", "kvm"],
        "properties": {
            "xen": {"type": "array", "items": _ref("Reason")},
            "kvm": {"type": "array", "items": _ref("Reason")},
        },
    }
    reading = {
        "type": "object",
        "required": ["verdict", "scores", "blocked", "reasons", "warnings"],
        "properties": {
            "verdict": {"enum": OUTCOMES},
            "scores": sides,
            "blocked": blocked,
            "reasons": {"type": "array", "items": _ref("Reason")},
            "warnings": {"type": "array", "items": _ref("Reason")},
        },
    }
    verdict = {
        "description": _(
            "Today's reading at the top level; the articles' reading under “articles”."
        ),
        "allOf": [
            _ref("Reading"),
            {
                "type": "object",
                "required": ["permalink", "articles"],
                "properties": {"permalink": text, "articles": _ref("Reading")},
            },
        ],
    }
    edge = {"enum": ["xen", "kvm", "tie", "depends"]}
    criterion = {
        "type": "object",
        "required": ["slug", "title", "xen", "kvm", "edge", "articles_edge", "url", "citations"],
        "properties": {
            "slug": text,
            "title": text,
            "xen": text,
            "kvm": text,
            "edge": {**edge, "description": _("Which side the row favours today.")},
            "articles_edge": {**edge, "description": _("Which side the articles gave it.")},
            "note": maybe_text,
            "note_reference": maybe_text,
            "note_checked": maybe_text,
            "url": text,
            "citations": {
                "type": "array",
                "items": {
                    "allOf": [
                        _ref("Citation"),
                        {"properties": {"side": {"enum": ["xen", "kvm", "both"]}}},
                    ]
                },
            },
        },
    }
    comparison = {
        "type": "object",
        "required": ["language", "topics"],
        "properties": {
            "language": text,
            "topics": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["slug", "title", "criteria"],
                    "properties": {
                        "slug": text,
                        "title": text,
                        "criteria": {"type": "array", "items": _ref("Criterion")},
                    },
                },
            },
        },
    }
    errors = {
        "type": "object",
        "required": ["errors"],
        "properties": {
            "errors": {
                "type": "object",
                "description": _("What was wrong, by parameter (or “path”, “method”, “request”)."),
                "additionalProperties": text,
                "minProperties": 1,
            }
        },
    }
    return {
        "Citation": citation,
        "Reason": reason,
        "Reading": reading,
        "Verdict": verdict,
        "Criterion": criterion,
        "Comparison": comparison,
        "Errors": errors,
        "Document": {"type": "object", "required": ["openapi", "paths"]},
    }


def document(wizard: Wizard) -> dict[str, Any]:
    questions = [question for step in wizard.steps for question in step.questions]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": _("Xen or KVM? API"),
            "version": "1",
            "description": _(
                "Read-only, public, no key. The verdict takes the same answers as a verdict "
                "page's permalink (repeat a key for a question that takes several answers)."
            ),
        },
        "paths": {
            "/api/v1/verdict": _operation(
                "verdict",
                _("The verdict for a set of answers, today and per the articles"),
                [_lang(), *(_answer(q) for q in questions)],
                _("The verdict."),
                "Verdict",
            ),
            "/api/v1/comparison": _operation(
                "comparison",
                _("The side-by-side comparison, rows grouped by topic"),
                [_lang()],
                _("The comparison."),
                "Comparison",
            ),
            "/api/v1/openapi.json": _operation(
                "openapi",
                _("This document"),
                [_lang()],
                _("The OpenAPI document."),
                "Document",
            ),
        },
        "components": {"schemas": _schemas()},
    }
