"""Editors change the wizard and its rules in admin, in every language, and visitors see it next."""

import pytest
from django.core.exceptions import ValidationError

from advisor.models import Question, Rule, Step


def test_editors_may_change_everything_in_the_advisor(editor):
    for model in ("step", "question", "option", "rule"):
        assert editor.has_perm(f"advisor.change_{model}")
        assert editor.has_perm(f"advisor.add_{model}")


@pytest.mark.parametrize(
    "path",
    [
        "/admin/advisor/step/",
        "/admin/advisor/question/",
        "/admin/advisor/rule/",
        "/admin/advisor/rule/?effect__exact=block",
    ],
)
def test_the_advisor_lists_open_for_editors(editor_client, path):
    assert editor_client.get(path).status_code == 200


def test_a_rule_is_edited_in_the_three_languages_side_by_side(editor_client):
    rule = Rule.objects.get(code="kvm-new-server")
    page = editor_client.get(f"/admin/advisor/rule/{rule.pk}/change/").text
    for language in ("ru", "es", "en"):
        for field in ("reason", "today_reason", "note", "note_reference"):
            assert f'name="{field}_{language}"' in page
    for field in ("effect", "points", "articles_effect", "articles_points", "note_checked"):
        assert f'name="{field}"' in page


def test_a_question_shows_its_options_in_every_language(editor_client):
    page = editor_client.get("/admin/advisor/question/").text
    assert "x86_32, x86_64, arm64, arm32, ia64, unknown, arm" in page
    cpu_arch = Question.objects.get(code="cpu_arch")
    question_page = editor_client.get(f"/admin/advisor/question/{cpu_arch.pk}/change/").text
    assert (
        'name="options-0-label_ru"' in question_page
        and 'name="options-0-label_es"' in question_page
    )


def _rule_form(rule: Rule, **changes) -> dict:
    data = {
        "code": rule.code,
        "effect": rule.effect,
        "hypervisor": rule.hypervisor,
        "points": rule.points,
        "articles_effect": rule.articles_effect,
        "articles_points": rule.articles_points,
        "note_url": rule.note_url,
        "note_checked": rule.note_checked and rule.note_checked.isoformat(),
        "conditions": [o.pk for o in rule.conditions.all()],
        "active": "on" if rule.active else "",
        "order": rule.order,
        "criterion": rule.criterion_id,
        "quotes": [q.pk for q in rule.quotes.all()],
    }
    for language in ("ru", "es", "en"):
        data[f"reason_{language}"] = getattr(rule, f"reason_{language}")
        for field in ("today_reason", "note", "note_reference"):
            data[f"{field}_{language}"] = getattr(rule, f"{field}_{language}") or ""
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_a_weight_changed_in_admin_changes_the_verdict_on_the_next_request(editor_client):
    rule = Rule.objects.get(code="xen-performance")
    query = "/api/v1/verdict?priority=performance&existing=new_server"
    assert editor_client.get(query).json()["articles"]["verdict"] == "either"
    response = editor_client.post(
        f"/admin/advisor/rule/{rule.pk}/change/", _rule_form(rule, articles_points=3)
    )
    assert response.status_code == 302, response.content
    assert editor_client.get(query).json()["articles"]["verdict"] == "xen"


def test_a_rule_turned_on_today_in_admin_changes_todays_verdict(editor_client):
    rule = Rule.objects.get(code="xen-performance")
    query = "/api/v1/verdict?priority=performance&existing=new_server"
    assert editor_client.get(query).json()["verdict"] == "kvm"
    form = _rule_form(rule, effect="prefer", points=3)
    assert editor_client.post(f"/admin/advisor/rule/{rule.pk}/change/", form).status_code == 302
    assert editor_client.get(query).json()["verdict"] == "xen"


def test_a_note_without_a_reference_or_a_date_is_refused(seeded):
    rule = Rule.objects.get(code="kvm-no-itanium")
    rule.note_reference = ""
    rule.note_checked = None
    with pytest.raises(ValidationError) as refused:
        rule.full_clean()
    assert set(refused.value.message_dict) >= {"note_reference", "note_checked"}


def test_a_text_changed_in_admin_shows_on_the_verdict_page(editor_client):
    rule = Rule.objects.get(code="xen-performance")
    form = _rule_form(rule, reason_es="Xen corre más, según el artículo español (texto nuevo).")
    assert editor_client.post(f"/admin/advisor/rule/{rule.pk}/change/", form).status_code == 302
    # Off today, the reason shows beside the articles' verdict as one that changed.
    assert "texto nuevo" in editor_client.get("/es/advisor/verdict/?priority=performance").text


def test_a_rule_without_conditions_is_refused(editor_client):
    rule = Rule.objects.get(code="xen-performance")
    form = _rule_form(rule)
    del form["conditions"]
    response = editor_client.post(f"/admin/advisor/rule/{rule.pk}/change/", form)
    assert response.status_code == 200
    assert rule.conditions.exists()


def test_a_preference_without_points_or_side_is_refused(seeded):
    rule = Rule.objects.get(code="xen-performance")
    rule.articles_points = 0
    with pytest.raises(ValidationError, match="at least one point"):
        rule.full_clean()
    rule.articles_points, rule.hypervisor = 2, ""
    with pytest.raises(ValidationError, match="Choose the hypervisor"):
        rule.full_clean()


def test_a_step_cannot_take_the_address_of_the_verdict_page(seeded):
    step = Step(code="verdict", title_en="Verdict", order=9)
    with pytest.raises(ValidationError, match="taken by another page"):
        step.full_clean()


def test_an_inactive_rule_drops_out_of_the_verdict(client, seeded):
    Rule.objects.filter(code="kvm-needs-hw-virt").update(active=False)
    assert client.get("/api/v1/verdict?hw_virt=no").json()["verdict"] == "either"
    assert client.get("/api/v1/verdict?hw_virt=no").json()["articles"]["verdict"] == "either"
