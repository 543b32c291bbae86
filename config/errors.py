"""The site's 400, 403 and 404 pages: one template, in the visitor's language, with the status."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

MESSAGES = {
    400: (
        _("Bad request"),
        _(
            "The address or the form sent to the site could not be understood. Check it and try again."
        ),
    ),
    403: (
        _("Access denied"),
        _(
            "You are not allowed to see this page. If you submitted a form, reload the page and "
            "submit it again."
        ),
    ),
    404: (
        _("Page not found"),
        _("There is no page at this address. It may have moved, or the link may be mistyped."),
    ),
}


def _page(request: HttpRequest, status: int) -> HttpResponse:
    title, text = MESSAGES[status]
    context = {"error_title": title, "error_text": text}
    return render(request, "error.html", context, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 404)


def csrf_failure(request: HttpRequest, reason: str = "", **kwargs: Any) -> HttpResponse:
    return _page(request, 403)
