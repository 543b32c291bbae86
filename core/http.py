"""The request type of the htmx views and the one rule for "fragment or whole page"."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def wants_fragment(request: HtmxHttpRequest) -> bool:
    """Whether to answer with the page's fragment only: an htmx request that swaps part of the page.

    A history-restore request gets the whole page: htmx lost its copy of the page and puts the
    answer in place of the body, so a fragment would leave a page without its header.
    """
    return bool(request.htmx) and not request.htmx.history_restore_request
