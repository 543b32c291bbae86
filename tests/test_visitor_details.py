"""Details a visitor notices: a step refilled after Back and Reload, commands in the code font,
language names, outcomes inside sentences, a filtered printout, passages that link back to their
rows, and the date the content last changed."""

import datetime
import re

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone, translation

from advisor import content
from comparison.models import Citation, Criterion
from tests.html import attribute, elements, section_text

LANGUAGES = ["ru", "es", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_step_shown_at_its_first_address_again_gets_its_answers_from_the_last_form_sent(
    client, seeded, language
):
    # Without JavaScript, Back and Reload come to the host step's address as it was first shown.
    step = f"/{language}/advisor/host/?cpu_arch=x86_64&hw_virt=yes"
    answers = {"host_os": "suse", "existing": "other", "expertise": "beginner"}
    client.get(step + "&go=next&" + "&".join(f"{k}={v}" for k, v in answers.items()))
    page = client.get(step)
    assert page.context["step_form"].selected["host_os"] == {"suse"}
    assert 'id="host_os-suse" value="suse" checked' in page.text
    assert "Cookie" in page["Vary"]


@pytest.mark.parametrize("first", ["visitor", "stranger"])
def test_a_refilled_step_is_never_served_to_someone_else(client, seeded, first):
    step, stranger = "/es/advisor/host/?cpu_arch=x86_64&hw_virt=yes", Client()
    if first == "stranger":
        assert stranger.get(step).context["step_form"].selected["host_os"] == set()
    client.get(step + "&host_os=suse&existing=other&expertise=beginner&go=next")
    assert 'id="host_os-suse" value="suse" checked' in client.get(step).text
    assert 'id="host_os-suse" value="suse" checked' not in stranger.get(step).text


def test_the_address_wins_over_the_last_form_sent(client, seeded):
    client.get("/en/advisor/", {"cpu_arch": "x86_64", "hw_virt": "yes", "go": "next"})
    # Another run of the wizard (a shared link): nothing is filled in from the earlier one.
    page = client.get("/en/advisor/?cpu_arch=ia64")
    assert list(page.context["step_form"].selected.values()) == [{"ia64"}, set()]


def test_starting_over_forgets_the_answers(client, seeded):
    client.get("/en/advisor/", {"cpu_arch": "x86_64", "hw_virt": "yes", "go": "next"})
    assert client.get("/en/advisor/").context["step_form"].selected["cpu_arch"] == {"x86_64"}
    response = client.get("/en/advisor/?go=start")
    assert response.status_code == 302 and response["Location"] == "/en/advisor/"
    assert not any(client.get("/en/advisor/").context["step_form"].selected.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_commands_in_help_texts_and_reasons_are_in_the_code_font(client, seeded, language):
    wizard = client.get(f"/{language}/advisor/").text
    assert "<code>uname -m</code>" in wizard and "<code>lscpu</code>" in wizard
    assert "<code>grep -cE &#x27;vmx|svm&#x27; /proc/cpuinfo</code>" in wizard
    verdict = client.get(f"/{language}/advisor/verdict/?hw_virt=unknown").text
    assert "<code>grep -cE &#x27;vmx|svm&#x27; /proc/cpuinfo</code>" in verdict


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_names_are_capitalised_alike(client, seeded, language):
    page = client.get(f"/{language}/compare/").text
    names = [
        "".join(span.children)
        for span in elements(page, "span")
        if attribute(span, "class") == "lang-name"
    ]
    assert names == ["Русский", "Español", "English"]


@pytest.mark.parametrize(
    ("language", "either"),
    [("ru", "любой из двух"), ("es", "cualquiera de los dos"), ("en", "either of the two")],
)
def test_an_outcome_inside_a_sentence_is_written_in_lower_case(client, seeded, language, either):
    page = client.get(f"/{language}/advisor/verdict/?hw_virt=no&guest_os=windows").text
    assert f"<strong>{either}</strong>" in page


@pytest.mark.parametrize(
    ("language", "phrase"),
    [
        ("ru", "Если бы на вопрос «{}» были выбраны только «Linux»"),
        ("es", "Si las respuestas a «{}» fueran solo «Linux»"),
        ("en", "If the answers to “{}” were only “Linux”"),
    ],
)
def test_a_change_to_a_several_answer_question_says_only(client, seeded, language, phrase):
    # Linux and Windows guests without VT-x: only Linux would leave Xen in.
    page = client.get(f"/{language}/advisor/verdict/?hw_virt=no&guest_os=windows&guest_os=linux")
    with translation.override(language):
        question = content.wizard().questions["guest_os"].text
    assert phrase.format(question) in section_text(page.text, "change-title")


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("ru", "Отфильтровано: показаны только строки, где Xen и KVM различаются"),
        ("es", "Filtrado: solo se muestran las filas en las que Xen y KVM difieren"),
        ("en", "Filtered: only the rows where Xen and KVM differ are shown"),
    ],
)
def test_a_filtered_comparison_says_so_on_paper(client, seeded, language, note):
    filtered = client.get(f"/{language}/compare/?show=differences").text
    assert re.search(rf'<p class="print-only filter-note">\s*{note}', filtered)
    assert "filter-note" not in client.get(f"/{language}/compare/").text
    changed = client.get(f"/{language}/compare/?show=changed").text
    assert changed.count('<p class="print-only filter-note">') == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_quoted_passage_links_back_to_the_rows_that_quote_it(client, seeded, language):
    citation = Citation.objects.select_related("quote", "criterion").earliest("pk")
    page = client.get(f"/{language}/sources/").text
    mark = page.index(f'<mark id="{citation.quote.anchor}">')
    after = page[mark : page.index("</p>", mark)]
    assert f'href="/{language}/compare/#{citation.criterion.slug}"' in after
    assert f'<span class="cited-by" lang="{language}">' in after


@pytest.mark.parametrize("path", ["/", "/compare/", "/sources/"])
def test_content_pages_say_when_the_content_last_changed(client, editor, path):
    page = client.get(f"/en{path}").text
    assert '<time datetime="2026-11-21">Nov. 21, 2026</time>' in page
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Criterion),
        object_id="1",
        object_repr="row",
        action_flag=CHANGE,
        action_time=timezone.make_aware(datetime.datetime(2027, 3, 4, 12)),
    )
    assert '<time datetime="2027-03-04">' in client.get(f"/es{path}").text
