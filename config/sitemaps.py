"""`/sitemap.xml`: every visitor page, in each language, with its hreflang alternates; and the
`/favicon.ico` that browsers and crawlers ask for without reading the page's icon link."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

from advisor.models import Step


class PagesSitemap(Sitemap):
    i18n = True
    alternates = True
    # No x-default here: the pages name English as theirs, and the two must not disagree.
    languages = [code for code, _name in settings.LANGUAGES]

    def items(self) -> list[tuple[str, dict[str, str]]]:
        pages: list[tuple[str, dict[str, str]]] = [
            ("comparison:home", {}),
            ("comparison:compare", {}),
            ("comparison:sources", {}),
            ("advisor:wizard", {}),
        ]
        # The wizard's steps are pages of their own (its first step is the wizard's address).
        steps = list(Step.objects.order_by("order", "code").values_list("code", flat=True))
        return pages + [("advisor:step", {"code": code}) for code in steps[1:]]

    def location(self, item: tuple[str, dict[str, str]]) -> str:
        name, kwargs = item
        return reverse(name, kwargs=kwargs)


@require_safe
def sitemap_xml(request: HttpRequest) -> HttpResponse:
    return sitemap(request, {"pages": PagesSitemap})


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
