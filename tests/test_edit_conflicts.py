"""Two editors on one page: the later save never silently overwrites the earlier one."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from advisor.models import Option, Rule, Step
from comparison.models import Criterion, Quote, Source, Topic
from tests.admin_forms import change_form_data
from tests.factories import text_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_editor_client(seeded) -> Client:
    user = User.objects.create_user("second", password="another-long-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    return client


def _url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def test_the_later_of_two_saves_is_refused_with_the_other_change_shown(
    editor_client, second_editor_client
):
    row = Criterion.objects.get(slug="performance")
    url = _url(row)
    first = change_form_data(editor_client, url)
    second = change_form_data(second_editor_client, url)

    first["xen_ru"] = "Правка первого редактора"
    assert editor_client.post(url, first).status_code == 302
    second["xen_es"] = "Texto del segundo editor"
    response = second_editor_client.post(url, second)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved this page" in html
    assert "Xen cell [ru]: Правка первого редактора" in html
    assert "Texto del segundo editor" in html  # the second editor's input is kept in the form
    row.refresh_from_db()
    assert text_in(row, "xen", "ru") == "Правка первого редактора"
    assert text_in(row, "xen", "es") != "Texto del segundo editor"

    # Having read the other change, the second editor saves again: now it goes through.
    again = change_form_data(second_editor_client, url) | {"xen_es": "Texto del segundo editor"}
    again["_opened_version"] = response.context["opened_version"]
    assert second_editor_client.post(url, again).status_code == 302
    row.refresh_from_db()
    assert text_in(row, "xen", "es") == "Texto del segundo editor"
    assert text_in(row, "xen", "ru") == "Правка первого редактора"


def test_a_change_to_the_inline_citations_is_a_conflict_too(editor_client, second_editor_client):
    row = Criterion.objects.filter(citations__isnull=False)[0]
    url = _url(row)
    second = change_form_data(second_editor_client, url)
    first = change_form_data(editor_client, url)
    first["citations-0-DELETE"] = "on"
    assert editor_client.post(url, first).status_code == 302

    response = second_editor_client.post(url, second | {"xen_en": "Mine"})
    assert response.status_code == 200
    assert "citations:" in response.content.decode().lower()
    row.refresh_from_db()
    assert text_in(row, "xen", "en") != "Mine"


def test_a_rules_conditions_changed_meanwhile_are_named(editor_client, second_editor_client):
    rule = Rule.objects.filter(effect=Rule.Effect.PREFER)[0]
    url = _url(rule)
    second = change_form_data(second_editor_client, url)
    first = change_form_data(editor_client, url)
    other = Option.objects.exclude(rules=rule)[0]
    first["conditions"] = [*first["conditions"], other.pk]
    assert editor_client.post(url, first).status_code == 302

    response = second_editor_client.post(url, second | {"points": "3"})
    assert response.status_code == 200
    assert str(other) in response.content.decode()
    assert set(rule.conditions.all()) >= {other}


def test_an_editor_alone_saves_without_a_warning(editor_client):
    quote = Quote.objects.all()[0]
    url = _url(quote)
    data = change_form_data(editor_client, url)
    assert editor_client.post(url, data | {"translation_es": "Una"}).status_code == 302
    data = change_form_data(editor_client, url)
    assert editor_client.post(url, data | {"translation_es": "Otra"}).status_code == 302


def test_the_warning_is_in_the_editors_language(editor_client, second_editor_client):
    row = Criterion.objects.get(slug="performance")
    url = _url(row)
    second = change_form_data(second_editor_client, url)
    first = change_form_data(editor_client, url) | {"kvm_en": "Changed"}
    assert editor_client.post(url, first).status_code == 302
    response = second_editor_client.post(url, second, headers={"accept-language": "ru"})
    assert response.status_code == 200
    assert "Кто-то другой сохранил эту страницу" in response.content.decode()


@pytest.mark.parametrize("model", [pytest.param(m, id=m.__name__) for m in (Source, Topic, Step)])
def test_a_list_posted_from_a_stale_page_changes_no_order(
    editor_client, second_editor_client, model
):
    # The lists show the order but do not edit it: a bulk edit from a list opened before another
    # editor's save would have no fingerprint to check. The order is edited on the change form.
    row = model.objects.order_by("pk").first()
    changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    assert 'name="form-0-order"' not in editor_client.get(changelist).content.decode()
    second_editor_client.post(
        _url(row), {**change_form_data(second_editor_client, _url(row)), "order": "41"}
    )
    stale = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(row.pk),
        "form-0-order": "7",
        "_save": "Save",
    }
    editor_client.post(changelist, stale)
    row.refresh_from_db()
    assert row.order == 41
