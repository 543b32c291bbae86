"""The forms: a wizard step's, the what-if form, the comparison's filter, and the one gate that
reads a query string for the pages and the API."""

import pytest
from django.test.html import parse_html

from advisor import content
from advisor.forms import StepForm, WhatIfForm, whatif_control
from advisor.models import Option, Question
from advisor.query import parse
from comparison.forms import TableFilterForm
from tests.factories import set_text
from tests.html import attribute, elements

pytestmark = pytest.mark.usefixtures("seeded")

PLEASE_ANSWER = {
    "en": "Please choose an answer.",
    "ru": "Выберите ответ.",
    "es": "Elige una respuesta.",
}


def _has(element, name: str) -> bool:
    """Whether a boolean attribute (checked, selected) is set."""
    return name in dict(element.attributes)


def _step(code: str):
    wizard = content.wizard()
    return wizard, wizard.step(code)


@pytest.mark.parametrize("language", ["en", "ru", "es"])
def test_next_without_an_answer_puts_please_answer_next_to_the_question_in_its_language(
    client, language
):
    page = client.get(f"/{language}/advisor/", {"cpu_arch": "x86_64", "go": "next"})
    (question,) = [
        f for f in elements(page.text, "fieldset") if "has-error" in (attribute(f, "class") or "")
    ]
    (error,) = [p for p in elements(question, "p") if attribute(p, "id") == "hw_virt-error"]
    assert str(error.children[0]) == PLEASE_ANSWER[language]
    assert "hw_virt-error" in (attribute(question, "aria-describedby") or "")
    assert all(attribute(i, "aria-invalid") == "true" for i in elements(question, "input")), (
        "each option of the unanswered question is marked invalid"
    )


def test_a_step_form_is_valid_only_when_every_question_has_an_answer():
    wizard, hardware = _step("hardware")
    assert StepForm(wizard, hardware, {"cpu_arch": frozenset({"x86_64"})}, check=True).missing == [
        "hw_virt"
    ]
    answered = StepForm(
        wizard,
        hardware,
        {"cpu_arch": frozenset({"x86_64"}), "hw_virt": frozenset({"no"})},
        check=True,
    )
    assert answered.is_valid() and answered.missing == []
    # Shown before Next: the answers so far, and no error yet.
    assert StepForm(wizard, hardware, {}).missing == []


def test_a_many_answer_question_is_check_boxes_that_need_at_least_one(client):
    step = "/en/advisor/guests/?cpu_arch=x86_64&hw_virt=yes"
    page = client.get(step + "&guest_os=linux&guest_os=windows")
    boxes = [i for i in elements(page.text, "input") if attribute(i, "name") == "guest_os"]
    assert {attribute(i, "type") for i in boxes} == {"checkbox"}
    assert [attribute(i, "value") for i in boxes if _has(i, "checked")] == [
        "linux",
        "windows",
    ]
    unanswered = client.get(step + "&live_migration=required&go=next")
    assert unanswered.context["missing"] == ["guest_os"]
    assert "Please choose at least one answer." in unanswered.text


def test_a_one_answer_question_is_radio_buttons_with_its_answer_checked(client):
    page = client.get("/en/advisor/?cpu_arch=ia64")
    radios = [i for i in elements(page.text, "input") if attribute(i, "name") == "cpu_arch"]
    assert {attribute(i, "type") for i in radios} == {"radio"}
    assert [attribute(i, "id") for i in radios if _has(i, "checked")] == ["cpu_arch-ia64"]


def test_the_buttons_of_a_step_are_next_and_back_except_on_the_first_and_last():
    wizard = content.wizard()
    labels = []
    for step in wizard.steps:
        buttons = StepForm(wizard, step, {}).helper.layout.fields[-1].fields
        labels.append([str(button.content) for button in buttons])
    assert labels == [["Next"], ["Next", "Back"], ["Next", "Back"], ["See the verdict", "Back"]]


def test_the_what_if_control_of_a_many_answer_question_ticks_the_chosen_options():
    guest_os = content.wizard().questions["guest_os"]
    html = whatif_control(guest_os, frozenset({"windows", "bsd"}))
    ticked = [attribute(i, "id") for i in elements(html, "input") if _has(i, "checked")]
    assert ticked == ["whatif-guest_os-windows", "whatif-guest_os-bsd"]


@pytest.mark.parametrize(("selected", "chosen"), [(frozenset({"no"}), "no"), (frozenset(), "")])
def test_the_what_if_list_of_a_one_answer_question_selects_the_answer_or_not_answered(
    selected, chosen
):
    html = whatif_control(content.wizard().questions["hw_virt"], selected)
    options = list(elements(html, "option"))
    assert [attribute(o, "value") for o in options if _has(o, "selected")] == [chosen]
    assert str(options[0].children[0]) == "— not answered —"


def test_the_what_if_form_groups_every_question_under_its_step(client):
    wizard = content.wizard()
    form = WhatIfForm.for_wizard(wizard, {"guest_os": frozenset({"linux"})})
    assert list(form.fields) == list(wizard.questions)
    page = client.get("/en/advisor/verdict/?guest_os=linux")
    (aside,) = elements(page.text, "aside")
    headings = [str(h.children[0]) for h in elements(aside, "h3")]
    assert headings == [str(step.title) for step in wizard.steps]


@pytest.mark.parametrize(
    ("data", "shown", "valid"),
    [({}, "all", True), ({"show": "changed"}, "changed", True), ({"show": "rows"}, "all", False)],
)
def test_the_comparison_filter_form_shows_what_was_asked_or_every_row(data, shown, valid):
    form = TableFilterForm(data)
    assert (form.is_valid(), form.shown()) == (valid, shown)


def test_an_invalid_filter_is_a_400_that_says_why_and_keeps_the_toggles(client):
    response = client.get("/en/compare/?show=rows")
    assert response.status_code == 400
    assert "“rows” is not a way to filter rows" in response.text
    toggles = [b for b in elements(response.text, "button") if attribute(b, "name") == "show"]
    assert [attribute(b, "value") for b in toggles if attribute(b, "aria-current")] == ["all"]


HOSTILE = [
    "cpu_arch=sparc",
    "colour=blue",
    "cpu_arch=x86_64&cpu_arch=ia64",
    "guest_os=" + "x" * 65,
    "hw_virt=yes&" + "k" * 80 + "=1",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_the_page_and_the_api_refuse_the_same_answers_with_the_same_messages(client, query):
    page = client.get(f"/en/advisor/verdict/?{query}")
    api = client.get(f"/api/v1/verdict?{query}&lang=en")
    assert page.status_code == api.status_code == 400
    assert page.context["errors"] == api.json()["errors"]
    for key, message in api.json()["errors"].items():
        assert parse_html(f"<li><code>{key}</code>: {message}</li>") in parse_html(page.text)


def test_the_gate_ignores_tracking_and_reserved_keys_and_reads_empty_values_as_unanswered():
    wizard = content.wizard()
    query = {
        "utm_source": ["mail"],
        "fbclid": ["x"],
        "go": ["next"],
        "cpu_arch": [""],
        "guest_os": ["", "linux"],
    }
    parsed = parse(query, wizard, reserved=frozenset({"go"}))
    assert (parsed.answers, parsed.errors) == ({"guest_os": frozenset({"linux"})}, {})


def test_the_gate_keeps_the_valid_answers_beside_the_errors():
    parsed = parse({"cpu_arch": ["arm"], "hw_virt": ["maybe"]}, content.wizard())
    assert parsed.answers == {"cpu_arch": frozenset({"arm"})}  # a retired option still answers
    assert list(parsed.errors) == ["hw_virt"]


def test_a_question_without_its_spanish_is_shown_in_english_and_marked_so_in_both_forms(client):
    question = Question.objects.get(code="vendor")
    set_text(question, "text", es="")
    question.save()
    option = Option.objects.get(question=question, code="proxmox")
    set_text(option, "label", es="")
    option.save()
    step = client.get("/es/advisor/priorities/").text
    (legend,) = [
        f
        for f in elements(step, "fieldset")
        if "vendor-help" in (attribute(f, "aria-describedby") or "")
    ]
    marked = [e for e in elements(legend) if attribute(e, "class") == "fallback-mark"]
    assert len(marked) == 2, "the question and its untranslated option are each marked"
    verdict = client.get("/es/advisor/verdict/?vendor=proxmox").text
    (label,) = [e for e in elements(verdict, "label") if attribute(e, "for") == "whatif-vendor"]
    assert [attribute(e, "lang") for e in elements(label, "span")] == ["en", None]
