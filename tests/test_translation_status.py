"""The admin's lists say which rows lack a translation or have one older than their English."""

import pytest
from django.urls import reverse

from comparison.models import Criterion
from tests.admin_forms import change_form_data

pytestmark = pytest.mark.django_db

LIST = reverse("admin:comparison_criterion_changelist")


def _titles(client, status: str) -> set[str]:
    response = client.get(LIST, {"translation": status, "o": "1"})
    return {str(row) for row in response.context["cl"].result_list}


def _save(client, row: Criterion, **changes: str) -> None:
    url = reverse("admin:comparison_criterion_change", args=[row.pk])
    response = client.post(url, change_form_data(client, url) | changes)
    assert response.status_code == 302


def test_the_seeded_rows_are_listed_as_translated(editor_client):
    page = editor_client.get(LIST).text
    assert "up to date" in page
    assert _titles(editor_client, "stale") == set()
    assert len(_titles(editor_client, "current")) == Criterion.objects.count()


def test_a_row_without_its_spanish_is_listed_as_missing(editor_client):
    row = Criterion.objects.get(slug="performance")
    _save(editor_client, row, xen_es="")
    assert str(row) in _titles(editor_client, "missing")
    assert "es: missing" in editor_client.get(LIST).text
    assert str(row) not in _titles(editor_client, "current")


def test_an_english_edit_makes_the_translations_stale_until_they_are_saved(editor_client):
    row = Criterion.objects.get(slug="performance")
    _save(editor_client, row, xen_en="KVM and Xen both perform well today.")
    assert str(row) in _titles(editor_client, "stale")
    assert "ru: stale, the English changed · es: stale, the English changed" in (
        editor_client.get(LIST).text
    )

    _save(editor_client, row, xen_ru="Сегодня обе хорошо работают.")
    assert "es: stale" in editor_client.get(LIST).text
    assert "ru: stale" not in editor_client.get(LIST).text

    _save(editor_client, row, xen_es="Hoy ambos rinden bien.")
    assert str(row) not in _titles(editor_client, "stale")
    assert str(row) in _titles(editor_client, "current")


def test_a_rule_list_has_the_filter_too(editor_client):
    response = editor_client.get(reverse("admin:advisor_rule_changelist"), {"translation": "stale"})
    assert response.status_code == 200
