"""The rule form's "Preview impact": how the verdicts would change, nothing saved."""

import pytest
from django.urls import reverse

from advisor.models import Rule
from tests.admin_forms import change_form_data

pytestmark = pytest.mark.django_db


def _rule_to_kvm(editor_client, language: str) -> tuple[Rule, str, dict]:
    rule = Rule.objects.filter(effect="prefer", hypervisor="xen").order_by("code")[0]
    url = reverse("admin:advisor_rule_change", args=[rule.pk])
    editor_client.defaults["HTTP_ACCEPT_LANGUAGE"] = (
        language  # the admin speaks the editor's language
    )
    data = change_form_data(editor_client, url)
    data.update(hypervisor="kvm", points=3, _preview="1")
    return rule, url, data


@pytest.mark.parametrize(
    ("language", "title"), [("en", "Impact if saved"), ("ru", "Что изменится после сохранения")]
)
def test_preview_shows_verdicts_moving_to_kvm_and_saves_nothing(editor_client, language, title):
    rule, url, data = _rule_to_kvm(editor_client, language)
    response = editor_client.post(url, data)
    assert response.status_code == 200
    rule.refresh_from_db()
    assert (rule.hypervisor, rule.effect) == ("xen", "prefer")
    moves = response.context["impact_moves"]
    assert any(move.after == "KVM" and move.before != "KVM" and move.count > 0 for move in moves)
    assert all(
        example.startswith(f"/{language}/advisor/verdict/?")
        for m in moves
        for example in m.examples
    )
    page = response.content.decode()
    assert title in page
    assert "→ KVM" in page
    # The editor's input stays in the form, ready to save.
    assert response.context["adminform"].form["hypervisor"].value() == "kvm"


def test_an_invalid_edit_shows_its_errors_and_no_preview(editor_client):
    _, url, data = _rule_to_kvm(editor_client, "en")
    data.update(effect="prefer", points=0)
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "impact_moves" not in response.context
    assert response.context["adminform"].form.errors


def test_saving_still_saves(editor_client):
    rule, url, data = _rule_to_kvm(editor_client, "en")
    del data["_preview"]
    assert editor_client.post(url, data).status_code == 302
    rule.refresh_from_db()
    assert rule.hypervisor == "kvm"
