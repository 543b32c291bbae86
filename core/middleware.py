"""The session, the signed-in editor and the admin's messages, for the admin's requests only.

Visitor pages never read a session, a user or a message (the page cache even refuses a request
that carries a session cookie), so the three middleware leave every other request alone: each
costs a visitor's request time and gives it nothing. Subclasses of Django's own, so that the
admin's system checks still find them.
"""

from __future__ import annotations

from collections.abc import Awaitable

from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse
from django.utils.deprecation import MiddlewareMixin


class _AdminOnly(MiddlewareMixin):
    prefix = ""

    def __call__(self, request: HttpRequest) -> HttpResponseBase | Awaitable[HttpResponseBase]:
        prefix = type(self).prefix or _set_prefix(type(self))
        if request.path.startswith(prefix):
            return super().__call__(request)
        return self.get_response(request)


def _set_prefix(cls: type[_AdminOnly]) -> str:
    # Read on the first request, when the URLs are loaded; the admin's address never changes.
    cls.prefix = reverse("admin:index")
    return cls.prefix


class AdminSessionMiddleware(_AdminOnly, SessionMiddleware):
    pass


class AdminAuthenticationMiddleware(_AdminOnly, AuthenticationMiddleware):
    pass


class AdminMessageMiddleware(_AdminOnly, MessageMiddleware):
    pass
