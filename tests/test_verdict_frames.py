"""The verdict page is put together from a frame kept per shape and parts kept per content version
(advisor/pieces.py); it must be the page the template alone renders, byte for byte, for any
answers, in each language, whole or as the htmx fragment, whoever asked for the same shape before."""

import random
from typing import cast

import pytest
from django.http import QueryDict
from django.template.loader import get_template, render_to_string
from django.test import RequestFactory
from django.utils import translation
from django_htmx.middleware import HtmxDetails

from advisor import content, pieces, views
from advisor.forms import WhatIfForm
from advisor.query import parse
from core.http import HtmxHttpRequest
from pagecache import store
from tests.factories import LANGUAGES

pytestmark = pytest.mark.usefixtures("seeded")


def random_queries(count, seed):
    chance = random.Random(seed)
    with translation.override("en"):
        wizard = content.wizard()
    for _ in range(count):
        pairs = []
        for question in wizard.questions.values():
            if chance.random() < 0.7:
                codes = question.codes
                chosen = [c for c in codes if chance.random() < 0.4] if question.many else []
                pairs += [(question.code, code) for code in chosen or [chance.choice(codes)]]
        chance.shuffle(pairs)
        host = chance.choice(["testserver", "localhost"])
        yield "&".join(f"{key}={value}" for key, value in pairs), host, chance.random() < 0.3


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_put_together_is_the_page_the_template_renders(monkeypatch, language):
    made = 0
    for query, host, htmx in random_queries(120, seed=language):
        headers = {"HX-Request": "true"} if htmx else {}
        request = cast(
            HtmxHttpRequest,
            RequestFactory().get(
                f"/{language}/advisor/verdict/?{query}", headers=headers, HTTP_HOST=host
            ),
        )
        request.htmx = HtmxDetails(request)
        with translation.override(language):
            put_together = views.verdict_page(request).content.decode()
            with monkeypatch.context() as patched:
                patched.setattr(
                    pieces, "page", lambda context, *_, request=request: rendered(context, request)
                )
                whole = views.verdict_page(request).content.decode()
        assert put_together == whole
        made += 1
    assert made == 120


def rendered(context, request):
    name = "advisor/verdict.html#result" if context["fragment"] else "advisor/verdict.html"
    return render_to_string(name, context, request)


def test_a_frame_is_kept_per_shape_and_filled_with_each_visitors_answers(client, monkeypatch):
    built = []
    frame = pieces._frame

    def counted(*args):
        built.append(args)
        return frame(*args)

    monkeypatch.setattr(pieces, "_frame", counted)
    # The same answers in another order: the same shape, but each page's links to the other
    # languages keep its own query string.
    first = client.get("/en/advisor/verdict/?hw_virt=no&guest_os=linux").text
    second = client.get("/en/advisor/verdict/?guest_os=linux&hw_virt=no").text
    assert len(built) == 1
    assert "/ru/advisor/verdict/?hw_virt=no&amp;guest_os=linux" in first
    assert "/ru/advisor/verdict/?guest_os=linux&amp;hw_virt=no" in second
    assert "guest_os=linux&amp;hw_virt=no" not in first


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_what_if_form_put_together_is_the_form_crispy_renders(language):
    with translation.override(language):
        wizard = content.wizard()
        kept = pieces._kept()
        for query, _host, _htmx in random_queries(60, seed=f"what-if {language}"):
            answers = parse(QueryDict(query), wizard).answers
            form = WhatIfForm.for_wizard(wizard, answers)
            whole = get_template("advisor/verdict.html#whatif_form").render({"whatif_form": form})
            assert pieces._what_if(kept, wizard, answers) == whole


def test_warming_renders_the_parts_pages_share_and_caches_no_page(monkeypatch):
    stored = []
    monkeypatch.setattr(store.cache, "set", lambda *args: stored.append(args))
    pieces.warm(20)
    for language in LANGUAGES:
        with translation.override(language):
            kept = pieces._kept()
            assert kept.frames and any(
                isinstance(key, tuple) and key[0] == "reason" for key in kept.html
            )
    assert stored == []
