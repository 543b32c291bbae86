"""Every save of the content is a version an editor can compare, revert, or recover once deleted."""

import pytest
from django.urls import reverse
from reversion.models import Version

from advisor.models import Option, Question, Rule, Step
from comparison.models import Citation, Criterion, Quote, Source, Topic
from tests.admin_forms import change_form_data
from tests.factories import text_in
from tests.html import elements, headed, text

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [Source, Quote, Topic, Criterion, Citation, Step, Question, Option, Rule]


def _change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def _save(client, obj, **changes) -> None:
    url = _change_url(obj)
    data = change_form_data(client, url)
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m.__name__)
def test_the_seeded_content_has_a_first_version(seeded, model):
    assert Version.objects.get_for_object(model.objects.first()).count() >= 1


def _two_saves(client, row: Criterion) -> None:
    _save(client, row, xen_ru="Первая правка", xen_es="Primera", xen_en="First edit")
    _save(client, row, xen_ru="Вторая правка", xen_es="Segunda", xen_en="Second edit")


def test_the_history_compares_two_saves_in_each_language(editor_client):
    row = Criterion.objects.get(slug="performance")
    _two_saves(editor_client, row)
    newest, previous = Version.objects.get_for_object(row)[:2]
    url = _change_url(row).replace("/change/", "/history/compare/")
    html = editor_client.get(
        url, {"version_id1": previous.pk, "version_id2": newest.pk}
    ).content.decode()
    sections = headed(html, "h3")
    for language, before, after in [
        ("ru", "Первая правка", "Вторая правка"),
        ("es", "Primera", "Segunda"),
        ("en", "First edit", "Second edit"),
    ]:
        diff = sections[f"Xen cell [{language}]"]
        assert [text(removed) for removed in elements(diff, "del")] == [f"- {before}"]
        assert [text(added) for added in elements(diff, "ins")] == [f"+ {after}"]


def test_a_revert_restores_three_languages_and_the_citations(editor_client, client):
    row = Criterion.objects.get(slug="performance")
    _two_saves(editor_client, row)
    first = Version.objects.get_for_object(row)[1]
    quote = Quote.objects.exclude(citations__criterion=row)[0]
    url = _change_url(row)
    data = change_form_data(editor_client, url)
    total = int(data["citations-TOTAL_FORMS"])
    data.update(
        {
            "citations-TOTAL_FORMS": str(total + 1),
            f"citations-{total}-quote": quote.pk,
            f"citations-{total}-side": "xen",
            f"citations-{total}-order": "9",
            "xen_ru": "Третья",
        }
    )
    assert editor_client.post(url, data).status_code == 302
    cited = set(Citation.objects.filter(criterion=row).values_list("quote", flat=True))
    assert quote.pk in cited
    assert "Третья" in client.get("/ru/compare/").content.decode()

    revert_url = reverse("admin:comparison_criterion_revision", args=[row.pk, first.pk])
    assert (
        editor_client.post(revert_url, change_form_data(editor_client, revert_url)).status_code
        == 302
    )

    row.refresh_from_db()
    assert [text_in(row, "xen", lang) for lang in ("ru", "es", "en")] == [
        "Первая правка",
        "Primera",
        "First edit",
    ]
    assert quote.pk not in set(row.citations.values_list("quote", flat=True))
    # The page cache follows the revert: the next request shows the reverted text.
    page = client.get("/ru/compare/").content.decode()
    assert "Первая правка" in page and "Третья" not in page


def test_a_revert_restores_a_rules_conditions_and_quotes(editor_client):
    rule = Rule.objects.filter(quotes__isnull=False)[0]
    conditions = set(rule.conditions.values_list("pk", flat=True))
    quotes = set(rule.quotes.values_list("pk", flat=True))
    _save(editor_client, rule, reason_es="Razón guardada")
    saved = Version.objects.get_for_object(rule)[0]
    other = Option.objects.exclude(pk__in=conditions)[0]
    _save(editor_client, rule, conditions=[other.pk], quotes=[], reason_es="Otra razón")
    assert set(rule.conditions.values_list("pk", flat=True)) == {other.pk}

    revert_url = reverse("admin:advisor_rule_revision", args=[rule.pk, saved.pk])
    assert (
        editor_client.post(revert_url, change_form_data(editor_client, revert_url)).status_code
        == 302
    )
    rule.refresh_from_db()
    assert set(rule.conditions.values_list("pk", flat=True)) == conditions
    assert set(rule.quotes.values_list("pk", flat=True)) == quotes
    assert text_in(rule, "reason", "es") == "Razón guardada"


def test_a_deleted_criterion_is_recovered_with_its_citations(editor_client, client):
    row = Criterion.objects.filter(citations__isnull=False, advisor_rules__isnull=True)[0]
    citations = set(row.citations.values_list("quote", "side", "order"))
    title_ru = text_in(row, "title", "ru")
    _save(editor_client, row)  # a version made through the admin, with its citations
    pk = row.pk
    response = editor_client.post(
        reverse("admin:comparison_criterion_delete", args=[pk]), {"post": "yes"}
    )
    assert response.status_code == 302 and not Criterion.objects.filter(pk=pk).exists()
    assert title_ru not in client.get("/ru/compare/").content.decode()

    recover_list = editor_client.get(reverse("admin:comparison_criterion_recoverlist"))
    assert text_in(row, "title", "en") in recover_list.content.decode()
    deleted = Version.objects.get_deleted(Criterion).get(object_id=str(pk))
    recover_url = reverse("admin:comparison_criterion_recover", args=[deleted.pk])
    assert (
        editor_client.post(recover_url, change_form_data(editor_client, recover_url)).status_code
        == 302
    )

    recovered = Criterion.objects.get(pk=pk)
    assert set(recovered.citations.values_list("quote", "side", "order")) == citations
    assert title_ru in client.get("/ru/compare/").content.decode()


def test_a_revert_that_would_delete_an_option_a_rule_uses_is_refused_with_a_message(editor_client):
    question = Question.objects.get(code="vendor")
    seeded_version = Version.objects.get_for_object(question).last()
    added = Option.objects.create(question=question, code="suse_inc", label="SUSE")
    rule = Rule.objects.get(code="xen-citrix")
    rule.conditions.add(added)
    revert_url = reverse("admin:advisor_question_revision", args=[question.pk, seeded_version.pk])
    data = change_form_data(editor_client, revert_url)
    response = editor_client.post(revert_url, data, follow=True)
    assert response.status_code == 200
    assert "xen-citrix" in response.content.decode()
    assert Option.objects.filter(pk=added.pk).exists()
    assert added in rule.conditions.all()
