"""Site-wide request guards and response headers that Django does not provide itself.

- `Permissions-Policy` on every response (settings.PERMISSIONS_POLICY);
- a query string longer than any real answer set gets the site's own 414 page, in the visitor's
  language, before any view parses it; a method a page does not serve gets the site's own 405
  page (Django's is empty);
- the client's address for django-axes: the forwarded one only when the request comes from one of
  settings.TRUSTED_PROXIES.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from api.errors import json_error

# The longest real query, every answer of every question given at once with the page's own keys,
# is under 600 characters; 4 KB leaves room for editors' new questions and nothing for abuse.
MAX_QUERY_STRING = 4096


class HeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
            response = _error_page(request, 414)
        else:
            response = self.get_response(request)
            if response.status_code == 405 and not response.content:
                allow = response["Allow"]
                response = _error_page(request, 405)
                response["Allow"] = allow
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def _error_page(request: HttpRequest, status: int) -> HttpResponse:
    # Outside LocaleMiddleware: the language comes from the address, as it would there.
    language = translation.get_language_from_path(request.path_info) or (
        translation.get_language_from_request(request)
    )
    with translation.override(language):
        if status == 414 and request.path_info.startswith("/api/"):
            return json_error(414, _("The query string is too long."), key="query")
        return render(request, f"{status}.html", status=status)


def _networks(entries: list[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(entry, strict=False) for entry in entries]


def _trusted(address: str, networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(request: HttpRequest) -> str | None:
    """The address that made the request, for the sign-in lockout.

    REMOTE_ADDR, unless it is a trusted proxy: then X-Forwarded-For is read from the right (each
    proxy appends the address it received from) and the first address that is not a trusted proxy
    is the client. A client cannot forge its way past that: whatever it puts in the header itself
    lies left of what the proxies add.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    networks = _networks(settings.TRUSTED_PROXIES)
    if not remote or not networks or not _trusted(remote, networks):
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed([a for a in forwarded if a]):
        if not _trusted(address, networks):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:
                return remote
    return remote
