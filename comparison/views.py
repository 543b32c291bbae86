from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from core.http import HtmxHttpRequest, wants_fragment

from .forms import TableFilterForm
from .models import Criterion, Source
from .sources import passages


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
        "fragment": wants_fragment(request),
    }
    template = "comparison/compare.html#table" if context["fragment"] else "comparison/compare.html"
    return render(request, template, context, status=status)


@require_safe
def sources(request: HttpRequest) -> HttpResponse:
    articles = [
        (source, passages(source.text, list(source.quotes.all())))
        for source in Source.objects.prefetch_related("quotes")
    ]
    return render(request, "comparison/sources.html", {"articles": articles})
