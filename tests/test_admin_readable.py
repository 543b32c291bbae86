"""What an editor reads in admin: conditions as question and answer, delete pages without codes."""

import pytest
from django.urls import reverse

from advisor.models import Option, Rule

pytestmark = pytest.mark.django_db


def _used_option() -> Option:
    return Option.objects.filter(rules__isnull=False).select_related("question")[0]


def test_a_rules_conditions_read_as_question_and_answer(editor_client):
    option = _used_option()
    rule = option.rules.all()[0]
    shown = f"{option.question.text_en}: {option.label_en}"
    form = editor_client.get(reverse("admin:advisor_rule_change", args=[rule.pk])).text
    listing = editor_client.get(reverse("admin:advisor_rule_changelist")).text
    assert shown in form and shown in listing
    assert f"{option.question.code} = {option.code}" not in listing


def test_the_conditions_read_in_the_editors_language(editor_client):
    option = _used_option()
    page = editor_client.get(
        reverse("admin:advisor_rule_changelist"), headers={"accept-language": "ru"}
    ).text
    assert f"{option.question.text_ru}: {option.label_ru}" in page


def test_a_delete_page_names_the_rule_conditions_a_question_takes_along(editor_client):
    option = _used_option()
    rule = option.rules.all()[0]
    page = editor_client.get(
        reverse("admin:advisor_question_delete", args=[option.question_id])
    ).text
    assert "object (" not in page
    assert f"{rule.code} ← {option.question.text_en}: {option.label_en}" in page


def test_a_rules_delete_page_lists_its_links_readably(editor_client):
    rule = Rule.objects.filter(quotes__isnull=False)[0]
    page = editor_client.get(reverse("admin:advisor_rule_delete", args=[rule.pk])).text
    assert "object (" not in page and f"{rule.code} ← " in page
