"""An option, question or quote that a rule uses cannot be deleted, and admin says which rules."""

import pytest
from django.db import transaction
from django.db.models import ProtectedError

from advisor.models import Option, Question, Rule
from comparison.models import Quote

pytestmark = pytest.mark.usefixtures("seeded")


def used_option() -> Option:
    return Option.objects.filter(rules__isnull=False).distinct().first()  # type: ignore[return-value]


def test_an_option_a_rule_uses_cannot_be_deleted():
    option = used_option()
    rules = {rule.code for rule in option.rules.all()}
    with pytest.raises(ProtectedError), transaction.atomic():
        option.delete()
    assert Option.objects.filter(pk=option.pk).exists()
    assert {rule.code for rule in Rule.objects.filter(conditions=option)} == rules


def test_a_question_whose_options_rules_use_cannot_be_deleted():
    question = used_option().question
    with pytest.raises(ProtectedError), transaction.atomic():
        question.delete()
    assert Question.objects.filter(pk=question.pk).exists()


def test_an_option_no_rule_uses_can_be_deleted():
    option = Option.objects.create(question=used_option().question, code="spare", label="Spare")
    option.delete()
    assert not Option.objects.filter(code="spare").exists()


def test_admin_says_which_rules_use_an_option_before_deleting_its_question(editor_client):
    option = used_option()
    rule = option.rules.order_by("code")[0]
    page = editor_client.get(f"/admin/advisor/question/{option.question.pk}/delete/")
    assert rule.code in page.text
    editor_client.post(f"/admin/advisor/question/{option.question.pk}/delete/", {"post": "yes"})
    assert Question.objects.filter(pk=option.question.pk).exists()


def test_admin_refuses_an_option_ticked_for_deletion_in_its_questions_table(admin_client):
    option = used_option()
    question = option.question
    page = admin_client.get(f"/admin/advisor/question/{question.pk}/change/")
    form = page.context["adminform"].form
    inline = page.context["inline_admin_formsets"][0].formset
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update({f"{key}": value for key, value in inline.management_form.initial.items()})
    data = {**{k: v for k, v in data.items() if not isinstance(v, (list, tuple))}}
    prefix = inline.prefix
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": str(len(inline.forms)),
            f"{prefix}-INITIAL_FORMS": str(inline.initial_form_count()),
        }
    )
    for index, sub in enumerate(inline.forms):
        for name, field in sub.fields.items():
            value = sub.initial.get(name, field.initial)
            if value is not None:
                data[f"{prefix}-{index}-{name}"] = getattr(value, "pk", value)
        data[f"{prefix}-{index}-id"] = sub.instance.pk or ""
        data[f"{prefix}-{index}-question"] = question.pk
        if sub.instance.pk == option.pk:
            data[f"{prefix}-{index}-DELETE"] = "on"
    admin_client.post(f"/admin/advisor/question/{question.pk}/change/", data)
    assert Option.objects.filter(pk=option.pk).exists()


def test_a_quote_a_rule_cites_cannot_be_deleted_and_admin_names_the_rule(admin_client):
    quote = Quote.objects.filter(advisor_rules__isnull=False).distinct()[0]
    rule = Rule.objects.filter(quotes=quote).order_by("code")[0]
    page = admin_client.get(f"/admin/comparison/quote/{quote.pk}/delete/")
    assert rule.code in page.text
    with pytest.raises(ProtectedError), transaction.atomic():
        quote.delete()
