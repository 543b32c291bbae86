from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from .forms import TableFilterForm
from .models import Criterion, Source
from .sources import passages


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@require_safe
def root_redirect(request: HttpRequest) -> HttpResponse:
    language = translation.get_language_from_request(request)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("comparison:home"))
    response["Vary"] = "Accept-Language, Cookie"
    return response


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    context = {"criteria_count": Criterion.objects.count(), "sources": Source.objects.all()}
    return render(request, "comparison/home.html", context)


@require_safe
@vary_on_headers("HX-Request")
def compare(request: HtmxHttpRequest) -> HttpResponse:
    form = TableFilterForm(request.GET)
    status = 200 if form.is_valid() else 400
    show = form.shown()
    context = {
        "form": form,
        "rows": list(Criterion.objects.for_table(show=show)),
        "show": show,
        "filters": form.links(),
        "total": Criterion.objects.count(),
    }
    template = "comparison/compare.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#table"
    return render(request, template, context, status=status)


@require_safe
def sources(request: HttpRequest) -> HttpResponse:
    articles = [
        (source, passages(source.text, list(source.quotes.all())))
        for source in Source.objects.prefetch_related("quotes")
    ]
    return render(request, "comparison/sources.html", {"articles": articles})
