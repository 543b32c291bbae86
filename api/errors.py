"""The API's failures as JSON, whatever produced them: `{"errors": {key: message}}`.

ApiMiddleware sits in front of everything under /api/: the API is read-only, so any method but
GET, HEAD and OPTIONS gets 405 with `Allow` (before the CSRF check could answer with an HTML
page); OPTIONS is a CORS preflight; a 404 or 405 that Django made as HTML becomes JSON; every
answer allows any origin to read it (the data is public), and says its texts' language.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
LANGUAGES = dict(settings.LANGUAGES)


def api_language(request: HttpRequest) -> str:
    """The language the request asked for with `lang`, else English (the API's default)."""
    asked = request.GET.get("lang", "")
    return asked if asked in LANGUAGES else "en"


def json_response(data: dict[str, object], status: int = 200) -> JsonResponse:
    # Russian and Spanish texts stay readable in the response instead of \u escapes.
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    return _readable_by_all(response)


def json_text_response(text: str, status: int = 200) -> HttpResponse:
    """An answer whose JSON is already written (the verdict, put together from cached parts)."""
    response = HttpResponse(text, status=status, content_type="application/json")
    return _readable_by_all(response)


def _readable_by_all[R: HttpResponse](response: R) -> R:
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Language"] = translation.get_language()
    return response


def json_error(status: int, message: str, key: str = "request") -> JsonResponse:
    return json_response({"errors": {key: str(message)}}, status=status)


def not_found(request: HttpRequest) -> JsonResponse:
    with translation.override(api_language(request)):
        return json_error(
            404,
            _("There is nothing at %(path)s. The API's endpoints are listed in %(document)s.")
            % {"path": request.path, "document": "/api/v1/openapi.json"},
            key="path",
        )


def method_not_allowed(request: HttpRequest) -> JsonResponse:
    with translation.override(api_language(request)):
        response = json_error(
            405,
            _("The API only reads: use %(methods)s.") % {"methods": ALLOWED_METHODS},
            key="method",
        )
    response["Allow"] = ALLOWED_METHODS
    return response


def preflight() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Allow"] = ALLOWED_METHODS
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Access-Control-Max-Age"] = "86400"
    return response


class ApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith("/api/"):
            return self.get_response(request)
        if request.method == "OPTIONS":
            return preflight()
        if request.method not in ("GET", "HEAD"):
            return method_not_allowed(request)
        response = self.get_response(request)
        if not response.get("Content-Type", "").startswith("application/json"):
            if response.status_code == 404:
                return not_found(request)
            if response.status_code == 405:
                return method_not_allowed(request)
        response.headers.setdefault("Access-Control-Allow-Origin", "*")
        return response
