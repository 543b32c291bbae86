"""A question's options are kept with the question: reverting it restores their labels."""

import pytest
from django.urls import reverse
from reversion.models import Version

from advisor.models import Question
from tests.admin_forms import change_form_data

pytestmark = pytest.mark.django_db


def test_reverting_a_question_restores_its_options_in_every_language(editor_client):
    question = Question.objects.get(code="expertise")
    labels = sorted(question.options.values_list("code", "label_ru", "label_es"))
    first = Version.objects.get_for_object(question).last()
    url = reverse("admin:advisor_question_change", args=[question.pk])
    data = change_form_data(editor_client, url)
    data.update({"options-0-label_ru": "Новичок?", "options-0-label_es": "¿Principiante?"})
    assert editor_client.post(url, data).status_code == 302
    assert sorted(question.options.values_list("code", "label_ru", "label_es")) != labels

    revert_url = reverse("admin:advisor_question_revision", args=[question.pk, first.pk])
    response = editor_client.post(revert_url, change_form_data(editor_client, revert_url))
    assert response.status_code == 302
    assert sorted(question.options.values_list("code", "label_ru", "label_es")) == labels
