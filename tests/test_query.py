"""The gate reads a query the site made without building a form (advisor/query.py `_plain`): for
any query, it must give the answers and the errors the form alone gives."""

import pytest
from django.core.exceptions import TooManyFieldsSent
from django.http import QueryDict
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor import content
from advisor.query import AnswersForm, parse, parse_get

pytestmark = pytest.mark.usefixtures("seeded")

RESERVED = frozenset({"go", "lang"})


@st.composite
def queries(draw, wizard):
    codes = sorted(wizard.questions)
    every_option = sorted({option for options in wizard.options.values() for option in options})
    keys = st.one_of(
        st.sampled_from(codes),
        st.sampled_from(["go", "lang", "utm_source", "fbclid", "unknown", ""]),
        st.text(max_size=5),
    )
    values = st.one_of(
        st.sampled_from(every_option),
        st.sampled_from(["", "x" * 70]),
        st.text(max_size=5),
    )
    # Mostly answers the site could have made, so that valid queries and near misses (one
    # option too many, one twice) are frequent; the rest anything at all.
    answers = st.sampled_from(codes).flatmap(
        lambda code: st.tuples(st.just(code), st.sampled_from(wizard.options[code]))
    )
    pairs = draw(st.lists(st.one_of(answers, answers, st.tuples(keys, values)), max_size=12))
    query = QueryDict(mutable=True)
    for key, value in pairs:
        query.appendlist(key, value)
    return query


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_the_gate_reads_any_query_as_the_form_does(data):
    wizard = content.wizard()
    query = data.draw(queries(wizard))
    form = AnswersForm(query, wizard, reserved=RESERVED)
    parsed = parse(query, wizard, reserved=RESERVED)
    assert (parsed.answers, list(parsed.errors.items())) == (
        form.answers,
        list(form.problems().items()),
    )


def test_a_link_the_site_made_is_read_without_a_form(monkeypatch):
    wizard = content.wizard()
    monkeypatch.setattr(AnswersForm, "__init__", None)  # the form would fail if it were built
    query = QueryDict("cpu_arch=x86_64&guest_os=linux&guest_os=windows&go=next&utm_medium=mail")
    parsed = parse(query, wizard, reserved=RESERVED)
    assert parsed.answers == {
        "cpu_arch": frozenset({"x86_64"}),
        "guest_os": frozenset({"linux", "windows"}),
    }


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_query_string_read_without_a_query_dict_reads_as_the_query_dict_does(data):
    wizard = content.wizard()
    query = data.draw(queries(wizard))
    # As a browser or a script may send it: encoded, or with raw and unusual characters.
    text = data.draw(
        st.sampled_from([query.urlencode(), "&".join(f"{k}={v}" for k, v in query.items())])
    ) + data.draw(st.sampled_from(["", "&", "&&x", "&guest_os=", "&=linux", "&%ZZ", "&é=1"]))
    sent = text.encode()  # WSGI gives the bytes of the query string as a latin-1 string
    request = RequestFactory().get("/", QUERY_STRING=sent.decode("latin-1"))
    read = parse_get(request, wizard, reserved=RESERVED)
    expected = parse(QueryDict(sent), wizard, reserved=RESERVED)
    assert (read.answers, read.errors) == (expected.answers, expected.errors)


def test_too_many_fields_are_refused_as_django_refuses_them(settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 3
    request = RequestFactory().get("/", QUERY_STRING="guest_os=linux&" * 5)
    with pytest.raises(TooManyFieldsSent):
        parse_get(request, content.wizard())
