"""What an editor reads in admin: conditions as question and answer, delete pages without codes."""

import pytest
from django.urls import reverse

from advisor.models import Option, Rule
from tests.factories import text_in

pytestmark = pytest.mark.django_db


def _used_option() -> Option:
    return Option.objects.filter(rules__isnull=False).select_related("question")[0]


def test_a_rules_conditions_read_as_question_and_answer(editor_client):
    option = _used_option()
    rule = option.rules.all()[0]
    shown = f"{text_in(option.question, 'text', 'en')}: {text_in(option, 'label', 'en')}"
    form = editor_client.get(reverse("admin:advisor_rule_change", args=[rule.pk])).text
    listing = editor_client.get(reverse("admin:advisor_rule_changelist")).text
    assert shown in form and shown in listing
    assert f"{option.question.code} = {option.code}" not in listing


def test_the_conditions_read_in_the_editors_language(editor_client):
    option = _used_option()
    page = editor_client.get(
        reverse("admin:advisor_rule_changelist"), headers={"accept-language": "ru"}
    ).text
    assert f"{text_in(option.question, 'text', 'ru')}: {text_in(option, 'label', 'ru')}" in page


def test_a_rules_delete_page_lists_its_links_readably(editor_client):
    rule = Rule.objects.filter(quotes__isnull=False)[0]
    option = rule.conditions.select_related("question")[0]
    page = editor_client.get(reverse("admin:advisor_rule_delete", args=[rule.pk])).text
    assert "object (" not in page
    assert f"{rule.code} ← {text_in(option.question, 'text', 'en')}: " in page


@pytest.mark.parametrize(
    ("language", "blank_choice", "delete_warning"),
    [
        ("ru", "— выберите вариант —", "Удалить объект «"),
        ("es", "- Seleccione una opción -", "¿Seguro que quiere eliminar"),
    ],
)
def test_djangos_own_admin_strings_are_in_the_editors_language(
    editor_client, language, blank_choice, delete_warning
):
    # Django 6.1's own Russian and Spanish catalogues lack these; the project's fill them in.
    headers = {"accept-language": language}
    listing = editor_client.get(reverse("admin:advisor_rule_changelist"), headers=headers).text
    rule = Rule.objects.filter(quotes__isnull=False)[0]
    delete = editor_client.get(
        reverse("admin:advisor_rule_delete", args=[rule.pk]), headers=headers
    )
    assert blank_choice in listing and "Select an option" not in listing
    assert delete_warning in delete.text
