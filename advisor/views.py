"""The wizard's steps, the hardware auto-detect and the verdict page.

The answers travel in the query string (see answers.py); no view keeps state on the server. On an
htmx request a view renders only its fragment (`#step`, `#result`); a history-restore request gets
the whole page, because htmx puts it in place of the body.
"""

from __future__ import annotations

from django.http import (
    Http404,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    QueryDict,
)
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe
from django.views.decorators.vary import vary_on_cookie, vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, push_url, replace_url

from config.context_processors import origin
from core.http import HtmxHttpRequest, wants_fragment

from . import content, draft, pages, pieces
from .answers import Parsed, Step, Wizard
from .engine import Answers
from .forms import DetectForm, StepForm
from .query import parse, parse_get

# Only the answers and the page's own keys stay in a detect POST's hidden fields.
FORM_KEYS = pages.PAGE_KEYS | {"csrfmiddlewaretoken", "text"}


def _parse(query: QueryDict, wizard: Wizard, reserved: frozenset[str] = pages.PAGE_KEYS) -> Parsed:
    return parse(query, wizard, reserved=reserved)


def _invalid(request: HtmxHttpRequest, wizard: Wizard, parsed: Parsed) -> HttpResponse:
    context = {"errors": parsed.errors, "keep_url": pages.verdict_url(wizard, parsed.answers)}
    return render(request, "advisor/invalid.html", context, status=400)


def _step_page(
    request: HtmxHttpRequest,
    wizard: Wizard,
    step: Step,
    answers: Answers,
    *,
    form: StepForm | None = None,
    detect_form: DetectForm | None = None,
    status: int = 200,
) -> HttpResponse:
    detected = request.GET.getlist("detected") + request.GET.getlist("detect_note")
    form = form or StepForm(wizard, step, answers)
    context = pages.step_context(wizard, step, answers, detected)
    detect_form = detect_form or DetectForm()
    detect_form.helper.form_action = context["detect_action"]
    context.update(
        step_form=form,
        missing=form.missing,
        detect_form=detect_form,
        fragment=wants_fragment(request),
    )
    template = "advisor/wizard.html#step" if context["fragment"] else "advisor/wizard.html"
    response = render(request, template, context, status=status)
    # A step re-shown with "please answer" keeps the address it had: nothing new to go back to.
    return push_url(response, False) if form.missing else response


@require_http_methods(["GET", "HEAD", "POST"])
@vary_on_headers("HX-Request")
@vary_on_cookie
def step(request: HtmxHttpRequest, code: str | None = None) -> HttpResponse:
    """A step (GET), or the paste box's text read into this step's answers (POST)."""
    wizard = content.wizard()
    current = wizard.step(code)
    if current is None:
        raise Http404
    parsed = _parse(request.GET, wizard)
    go, goto = request.GET.get("go", ""), request.GET.get("goto", "")
    target = wizard.step(goto) if goto else None
    if parsed.errors or go not in ("", "next", "back", "start") or (goto and target is None):
        return _invalid(request, wizard, parsed)
    if request.method == "POST":
        if not pages.offers_detect(current):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return _read_paste(request, wizard, current, parsed.answers)
    if go == "start":
        restart = redirect(pages.step_url(wizard, wizard.steps[0], {}))
        draft.forget(restart)
        return restart
    if not (go or target):
        answers = draft.fill(request, wizard, current, parsed.answers)
        return _step_page(request, wizard, current, answers)
    if go == "next" and not target:
        form = StepForm(wizard, current, parsed.answers, check=True)
        if not form.is_valid():
            return _step_page(request, wizard, current, parsed.answers, form=form)
    if target is None:  # Next or Back rather than a step of the progress bar
        target = wizard.neighbour(current, "next" if go == "next" else "back")
    response = _leave(request, wizard, target, parsed.answers)
    draft.remember(request, response, wizard, parsed.answers)
    return response


def _leave(
    request: HtmxHttpRequest, wizard: Wizard, target: Step | None, answers: Answers
) -> HttpResponse:
    """Off to another step (a step of the progress bar, Next or Back), or after the last, the verdict."""
    if target is None:
        url = pages.verdict_url(wizard, answers)
        # The verdict is a page of its own, not a step: htmx loads it whole.
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    return redirect(pages.step_url(wizard, target, answers))


@require_http_methods(["GET", "HEAD", "POST"])
def detect(request: HtmxHttpRequest) -> HttpResponse:
    """The paste box's former address. A GET (a reload, a language switch) goes to the step."""
    wizard = content.wizard()
    parsed = _parse(request.POST if request.method == "POST" else request.GET, wizard, FORM_KEYS)
    if parsed.errors:
        return _invalid(request, wizard, parsed)
    if request.method == "GET":
        return redirect(pages.step_url(wizard, pages.detect_step(wizard), parsed.answers))
    return _read_paste(request, wizard, pages.detect_step(wizard), parsed.answers)


def _read_paste(
    request: HtmxHttpRequest, wizard: Wizard, step: Step, answers: Answers
) -> HttpResponse:
    form = DetectForm(request.POST)
    if not form.is_valid():
        status = 413 if form.too_large else 200
        return _step_page(request, wizard, step, answers, detect_form=form, status=status)
    found = {
        question: frozenset({option})
        for question, option in form.detection.answers.items()
        if option in wizard.options.get(question, ())
    }
    flags = [("detected", q) for q in found] + [("detect_note", n) for n in form.detection.notes]
    url = pages.step_url(wizard, step, {**answers, **found}, flags)
    return HttpResponseRedirect(url, status=303)


@require_safe
@vary_on_headers("HX-Request")
def verdict_page(request: HtmxHttpRequest) -> HttpResponse:
    wizard = content.wizard()
    parsed = parse_get(request, wizard)
    if parsed.errors:
        return _invalid(request, wizard, parsed)
    fragment, query = wants_fragment(request), request.META.get("QUERY_STRING", "")
    html, permalink = pieces.verdict(
        wizard, parsed.answers, fragment, request.path_info, request.path, origin(request), query
    )
    if fragment:
        # The what-if form may send empty answers; the address becomes the canonical one. Replaced,
        # not pushed: trying answers out is one visit, not a history entry per try.
        return replace_url(HttpResponse(html), permalink)
    return HttpResponse(html)
