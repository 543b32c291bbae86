"""The wizard's steps, the hardware auto-detect and the verdict page.

The answers travel in the query string (see answers.py); no view keeps state on the server. On an
htmx request a view renders only its fragment (`#step`, `#result`); a history-restore request gets
the whole page, because htmx puts it in place of the body.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, push_url

from core.http import HtmxHttpRequest, wants_fragment

from . import content, pages
from .answers import Parsed, Step, Wizard, missing, parse
from .forms import DetectForm
from .verdict import Answers, changes, overturning, verdicts

# Only the answers and the page's own keys stay in a detect POST's hidden fields.
FORM_KEYS = pages.PAGE_KEYS | {"csrfmiddlewaretoken", "text"}


def _parse(query: QueryDict, wizard: Wizard, reserved: frozenset[str] = pages.PAGE_KEYS) -> Parsed:
    return parse(dict(query.lists()), wizard, reserved=reserved)


def _invalid(request: HtmxHttpRequest, wizard: Wizard, parsed: Parsed) -> HttpResponse:
    context = {"errors": parsed.errors, "keep_url": pages.verdict_url(wizard, parsed.answers)}
    return render(request, "advisor/invalid.html", context, status=400)


def _step_page(
    request: HtmxHttpRequest,
    wizard: Wizard,
    step: Step,
    answers: Answers,
    *,
    missing: list[str] | None = None,
    form: DetectForm | None = None,
    status: int = 200,
) -> HttpResponse:
    detected = request.GET.getlist("detected") + request.GET.getlist("detect_note")
    context = pages.step_context(wizard, step, answers, missing or [], detected)
    context.update(detect_form=form or DetectForm(), fragment=wants_fragment(request))
    template = "advisor/wizard.html#step" if context["fragment"] else "advisor/wizard.html"
    response = render(request, template, context, status=status)
    # A step re-shown with "please answer" keeps the address it had: nothing new to go back to.
    return push_url(response, False) if missing else response


@require_safe
@vary_on_headers("HX-Request")
def step(request: HtmxHttpRequest, code: str | None = None) -> HttpResponse:
    wizard = content.wizard()
    current = wizard.step(code)
    if current is None:
        raise Http404
    parsed = _parse(request.GET, wizard)
    go = request.GET.get("go", "")
    if parsed.errors or go not in ("", "next", "back"):
        return _invalid(request, wizard, parsed)
    unanswered = missing(current, parsed.answers) if go == "next" else []
    if not go or unanswered:
        return _step_page(request, wizard, current, parsed.answers, missing=unanswered)
    target = wizard.neighbour(current, "next" if go == "next" else "back")
    if target is None:
        url = pages.verdict_url(wizard, parsed.answers)
        # The verdict is a page of its own, not a step: htmx loads it whole.
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    return redirect(pages.step_url(wizard, target, parsed.answers))


@require_POST
def detect(request: HtmxHttpRequest) -> HttpResponse:
    wizard = content.wizard()
    parsed = _parse(request.POST, wizard, FORM_KEYS)
    if parsed.errors:
        return _invalid(request, wizard, parsed)
    step, form = pages.detect_step(wizard), DetectForm(request.POST)
    if not form.is_valid():
        status = 413 if form.too_large else 200
        return _step_page(request, wizard, step, parsed.answers, form=form, status=status)
    found = {
        question: frozenset({option})
        for question, option in form.detection.answers.items()
        if option in wizard.options.get(question, ())
    }
    flags = [("detected", q) for q in found] + [("detect_note", n) for n in form.detection.notes]
    url = pages.step_url(wizard, step, {**parsed.answers, **found}, flags)
    return HttpResponseRedirect(url, status=303)


@require_safe
@vary_on_headers("HX-Request")
def verdict_page(request: HtmxHttpRequest) -> HttpResponse:
    wizard = content.wizard()
    parsed = _parse(request.GET, wizard, frozenset())
    if parsed.errors:
        return _invalid(request, wizard, parsed)
    rules = content.rules()
    results = verdicts(parsed.answers, rules)
    what_if = changes(parsed.answers, rules.today, wizard.options)
    urgent = overturning(parsed.answers, rules.today, wizard.options)
    context = pages.verdict_context(wizard, parsed.answers, results, what_if, urgent)
    permalink = pages.verdict_url(wizard, parsed.answers)
    context.update(
        absolute_permalink=request.build_absolute_uri(permalink),
        fragment=wants_fragment(request),
    )
    if context["fragment"]:
        # The what-if form may send empty answers; the history gets the canonical address.
        return push_url(render(request, "advisor/verdict.html#result", context), permalink)
    return render(request, "advisor/verdict.html", context)
