from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from core.http import HtmxHttpRequest, wants_fragment

from .forms import TableFilterForm
from .models import Criterion, Source, last_updated
from .sources import passages


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "criteria_count": Criterion.objects.count(),
        "sources": Source.objects.all(),
        "last_updated": last_updated(),
    }
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
        "total": Criterion.objects.count(),
        "last_updated": last_updated(),
        "fragment": wants_fragment(request),
    }
    template = "comparison/compare.html#table" if context["fragment"] else "comparison/compare.html"
    return render(request, template, context, status=status)


@require_safe
def sources(request: HttpRequest) -> HttpResponse:
    articles = Source.objects.prefetch_related(
        "quotes__criteria", "quotes__advisor_rules__criterion"
    )
    # Each passage links back to the rows that quote it, directly or through a verdict's reason.
    cited = {q.anchor: q.cited_by() for a in articles for q in a.quotes.all()}
    context = {
        "articles": [
            (
                article,
                [
                    [(seg, [row for anchor in seg.anchors for row in cited[anchor]]) for seg in p]
                    for p in passages(article.text, list(article.quotes.all()))
                ],
            )
            for article in articles
        ],
        "last_updated": last_updated(),
    }
    return render(request, "comparison/sources.html", context)
