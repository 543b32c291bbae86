"""The comparison page, the sources page and the home page, as a visitor meets them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from comparison.models import Criterion, Edge, Quote
from tests.factories import clear_content, make_rows, set_text, text_in
from tests.html import attribute, elements

pytestmark = pytest.mark.django_db


def ids_and_links(html: str) -> tuple[set[str], list[str]]:
    """The element ids of a page and the targets of its links."""
    found = list(elements(html))
    ids = {value for element in found if (value := attribute(element, "id"))}
    links = [href for a in found if a.name == "a" and (href := attribute(a, "href"))]
    return ids, links


def test_the_table_shows_every_seeded_row_with_both_columns(client, seeded):
    response = client.get("/en/compare/")
    html = response.content.decode()
    assert response.status_code == 200
    for row in Criterion.objects.all():
        assert f'id="{row.slug}"' in html
    assert html.count('data-label="Xen"') == Criterion.objects.count()
    assert html.count('data-label="KVM"') == Criterion.objects.count()


def test_only_differences_hides_the_tie_rows(client, seeded):
    ties = list(Criterion.objects.filter(edge=Edge.TIE).values_list("slug", flat=True))
    assert ties
    html = client.get("/en/compare/?show=differences").content.decode()
    for slug in ties:
        assert f'id="{slug}"' not in html
    differing = Criterion.objects.exclude(edge=Edge.TIE).count()
    assert f"{differing} rows of {Criterion.objects.count()} shown" in html


def test_the_filter_is_a_plain_form_that_works_without_javascript(client, seeded):
    html = client.get("/en/compare/").content.decode()
    (form,) = [f for f in elements(html, "form") if attribute(f, "action") == "/en/compare/"]
    assert attribute(form, "method") == "get"
    toggles = {attribute(b, "value"): b for b in elements(form, "button")}
    assert list(toggles) == ["all", "differences", "changed"]
    assert all(
        attribute(b, "name") == "show" and attribute(b, "type") == "submit"
        for b in toggles.values()
    )
    assert [v for v, b in toggles.items() if attribute(b, "aria-current") == "true"] == ["all"]


def test_an_htmx_request_gets_only_the_table(client, seeded):
    response = client.get("/ru/compare/?show=differences", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'id="comparison-table"' in html
    assert "HX-Request" in response["Vary"]


def test_an_unknown_filter_value_is_a_400_with_a_message_and_every_row(client, seeded):
    response = client.get("/es/compare/?show=<script>alert(1)</script>")
    html = response.content.decode()
    assert response.status_code == 400
    assert "<script>alert(1)" not in html
    assert "no es una forma de filtrar" in html
    assert html.count('class="criterion"') == Criterion.objects.count()


def test_a_post_to_the_comparison_is_405(client, seeded):
    assert client.post("/en/compare/").status_code == 405


def test_every_citation_links_to_an_anchor_on_the_sources_page(client, seeded):
    for language in ("ru", "es", "en"):
        _ids, hrefs = ids_and_links(client.get(f"/{language}/compare/").content.decode())
        anchors, _links = ids_and_links(client.get(f"/{language}/sources/").content.decode())
        links = [h for h in hrefs if h.startswith(f"/{language}/sources/#")]
        assert len(links) >= Criterion.objects.count()
        missing = {h for h in links if h.split("#", 1)[1] not in anchors}
        assert not missing


def test_every_quote_is_highlighted_on_the_sources_page(client, seeded):
    html = client.get("/en/sources/").content.decode()
    for quote in Quote.objects.all():
        assert f'id="{quote.anchor}"' in html
    assert html.count("<mark") >= Quote.objects.count() - 5  # overlapping passages share a mark


def test_the_original_quote_and_its_translation_are_both_shown(client, seeded):
    quote = Quote.objects.get(anchor="es-xen-live-migration")
    html = client.get("/ru/compare/").content.decode()
    assert quote.original in html
    assert text_in(quote, "translation", "ru") in html


def table_queries(client) -> tuple[int, int]:
    """(queries made, rows shown) for one view of the comparison page."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/compare/")
    assert response.status_code == 200
    return len(queries), response.content.decode().count('class="criterion"')


def test_the_comparison_page_query_count_does_not_grow_with_rows(client, db):
    clear_content()
    make_rows(10, prefix="a")
    queries_for_10, shown = table_queries(client)
    assert shown == 10
    make_rows(90, prefix="b")
    queries_for_100, shown = table_queries(client)
    assert shown == 100
    assert queries_for_100 == queries_for_10


def test_an_editors_change_shows_on_the_next_page_view(client, seeded):
    row = Criterion.objects.get(slug="live-migration")
    set_text(row, "xen", es="Texto cambiado por un editor.")
    row.save()
    assert "Texto cambiado por un editor." in client.get("/es/compare/").content.decode()


def test_a_missing_translation_falls_back_to_english_and_says_so(client, seeded):
    row = Criterion.objects.get(slug="isolation")
    set_text(row, "kvm", ru="")
    row.save()
    html = client.get("/ru/compare/").content.decode()
    rows = [tr for tr in elements(html, "tr") if attribute(tr, "id") == "isolation"]
    assert rows, "the isolation row is missing"
    cell = str(rows[0])
    assert escape(text_in(row, "kvm", "en")) in cell
    assert "fallback-mark" in cell
    assert 'lang="en"' in cell


def test_the_home_page_offers_the_comparison_and_the_advisor(client, seeded):
    html = client.get("/en/").content.decode()
    assert 'href="/en/compare/"' in html
    assert 'href="/en/advisor/"' in html


def test_seed_loads_a_new_database_and_never_overwrites_content(db):
    from django.core.management import call_command

    row = Criterion.objects.get(slug="live-migration")
    set_text(row, "xen", en="Edited by an editor.")
    row.save()
    call_command("seed", verbosity=0)
    assert (
        text_in(Criterion.objects.get(slug="live-migration"), "xen", "en") == "Edited by an editor."
    )
    clear_content()
    call_command("seed", verbosity=0)
    assert (
        text_in(Criterion.objects.get(slug="live-migration"), "xen", "en") != "Edited by an editor."
    )


def test_seed_fills_in_a_fixture_whose_content_is_missing(db):
    from django.core.management import call_command

    from advisor.models import Question, Rule, Step

    Rule.objects.all().delete()
    Question.objects.all().delete()
    Step.objects.all().delete()
    call_command("seed", verbosity=0)
    assert Question.objects.filter(code="hw_virt").exists()
    assert Rule.objects.exists()
