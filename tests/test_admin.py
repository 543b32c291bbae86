"""Django admin for editors: every content model's pages, the Editors group, side-by-side languages."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from advisor.models import Rule
from comparison.models import Citation, Criterion, Quote, Source, Topic
from tests.admin_forms import change_form_data
from tests.factories import text_in
from tests.html import attribute, elements

pytestmark = pytest.mark.django_db

MODELS = [Source, Quote, Topic, Criterion]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_an_editor_can_open_every_admin_page_of_each_model(editor_client, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert editor_client.get(changelist).status_code == 200
    assert editor_client.get(changelist + "?q=xen").status_code == 200
    assert (
        editor_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code
        == 200
    )
    obj = model.objects.first()
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    assert editor_client.get(change).status_code == 200


def test_the_editors_group_may_change_every_content_model():
    codenames = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )
    for model in [*MODELS, Citation]:
        assert f"change_{model._meta.model_name}" in codenames


def test_the_criterion_form_shows_the_three_languages_side_by_side(editor_client):
    row = Criterion.objects.get(slug="live-migration")
    html = editor_client.get(
        reverse("admin:comparison_criterion_change", args=[row.pk])
    ).content.decode()
    for language in ("ru", "es", "en"):
        assert f'name="xen_{language}"' in html
        assert f'name="note_{language}"' in html


def test_an_editor_saves_a_criterion_and_visitors_see_it(editor_client, client):
    row = Criterion.objects.get(slug="performance")
    url = reverse("admin:comparison_criterion_change", args=[row.pk])
    citations = row.citations.count()
    data = change_form_data(editor_client, url)  # the form as the browser would send it back
    data["xen_ru"] = "Правка редактора видна сразу."
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    row.refresh_from_db()
    assert text_in(row, "xen", "ru") == "Правка редактора видна сразу."
    assert row.citations.count() == citations
    assert "Правка редактора видна сразу." in client.get("/ru/compare/").content.decode()


def test_an_anonymous_visitor_is_sent_to_the_admin_login(client):
    response = client.get(reverse("admin:comparison_criterion_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_quote_cited_by_a_row_cannot_be_deleted_silently(editor_client):
    quote = Quote.objects.filter(citations__isnull=False)[0]
    response = editor_client.post(
        reverse("admin:comparison_quote_delete", args=[quote.pk]), {"post": "yes"}
    )
    assert Quote.objects.filter(pk=quote.pk).exists()
    assert response.status_code in (200, 403)


@pytest.mark.parametrize(
    "url_name", ["admin:comparison_criterion_change", "admin:advisor_rule_change"]
)
def test_admin_forms_load_every_script_and_stylesheet_from_the_site(editor_client, url_name):
    model = Criterion if "criterion" in url_name else Rule
    html = editor_client.get(reverse(url_name, args=[model.objects.all()[0].pk])).content.decode()
    assets = [
        url
        for element in elements(html)
        if element.name in ("script", "link")
        and (url := attribute(element, "src") or attribute(element, "href"))
    ]
    assert assets
    assert [url for url in assets if url.startswith(("http:", "https:", "//"))] == []


def test_the_three_languages_of_a_field_share_one_line(editor_client):
    row = Criterion.objects.get(slug="live-migration")
    html = editor_client.get(
        reverse("admin:comparison_criterion_change", args=[row.pk])
    ).content.decode()
    lines = [set((attribute(div, "class") or "").split()) for div in elements(html, "div")]
    languages = {"form-multiline", "field-xen_ru", "field-xen_es", "field-xen_en"}
    assert any(languages <= line for line in lines)
