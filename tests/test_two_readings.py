"""Two readings on the pages: today's verdict and edge first, the articles' beside them."""

import pytest
from django.utils import translation

from advisor.pages import ARTICLES_SAID
from comparison.models import Criterion
from tests.html import attribute, elements, section_text, verdict_outcome

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


def test_a_row_whose_edge_changed_shows_both_edges(client, seeded):
    html = client.get("/en/compare/").text
    row = html[html.index('id="performance"') : html.index('id="isolation"')]
    assert "No difference" in row
    assert "changed since the articles:" in row and "Xen per the articles" in row
    unchanged = html[html.index('id="linux-integration"') : html.index('id="corporate-backing"')]
    assert "per the articles" not in unchanged


def test_only_differences_uses_todays_edge(client, seeded):
    html = client.get("/en/compare/?show=differences").text
    assert 'id="performance"' not in html  # Xen per the articles, a tie today
    assert 'id="corporate-backing"' in html  # a tie per the articles, KVM today


@pytest.mark.parametrize("headers", [{}, HX], ids=["plain-link", "htmx"])
def test_changed_since_the_articles_shows_exactly_the_changed_rows(client, seeded, headers):
    response = client.get("/en/compare/?show=changed", headers=headers)
    assert response.status_code == 200
    changed = [r.slug for r in Criterion.objects.all() if r.changed]
    assert len(changed) >= 5
    for row in Criterion.objects.all():
        assert (f'id="{row.slug}"' in response.text) == (row.slug in changed), row.slug
    assert ("<html" in response.text) == (not headers)


def test_the_changed_filter_is_a_toggle_of_the_filter_form_marked_current_when_chosen(
    client, seeded
):
    html = client.get("/ru/compare/?show=changed").text
    current = [b for b in elements(html, "button") if attribute(b, "aria-current") == "true"]
    assert [(attribute(b, "name"), attribute(b, "value")) for b in current] == [("show", "changed")]
    assert "btn-primary" in (attribute(current[0], "class") or "")
    assert "Изменилось со времён статей" in html


def test_every_row_note_shows_its_reference_and_the_day_it_was_checked(client, seeded):
    html = client.get("/es/compare/").text
    with translation.override("es"):
        for row in Criterion.objects.exclude(note_en=""):
            assert row.note_reference in html, row.slug
    dated = Criterion.objects.exclude(note_en="").count()
    assert html.count('<time datetime="2026-11-22">') == dated


def test_the_verdict_page_leads_with_today_and_shows_the_articles_verdict_beside_it(client, seeded):
    query = "host_os=rhel&existing=new_server&priority=performance&live_migration=required&vendor=citrix"
    html = client.get(f"/en/advisor/verdict/?{query}").text
    assert 'class="verdict-headline verdict-kvm"' in html
    assert "The articles would have said: Xen." in html
    assert html.index("verdict-headline") < html.index("The articles would have said")
    beside = html[html.index('class="articles-verdict') : html.index("score-chart")]
    assert "Today: not counted" in beside  # performance and live migration no longer count
    assert "Today: KVM +3" in beside  # RHEL counts more today


def test_a_reason_that_changed_is_marked_on_todays_list(client, seeded):
    html = client.get("/en/advisor/verdict/?host_os=rhel").text
    reasons = html[html.index('id="reasons-title"') :]
    assert "Changed since the articles" in reasons
    assert "Per the articles: KVM +1" in reasons


def test_no_answers_say_too_few_and_which_questions_to_answer(client, seeded):
    response = client.get("/es/advisor/verdict/")
    assert response.status_code == 200
    assert 'class="verdict-headline verdict-too_few"' in response.text
    assert "Responde al menos una de estas" in response.text
    assert "¿Qué arquitectura de procesador tiene el servidor?" in response.text


def test_answers_that_score_nothing_say_nothing_tips_the_balance(client, seeded):
    html = client.get("/en/advisor/verdict/?cpu_arch=x86_64&hw_virt=yes").text
    assert "nothing in your answers tips the balance" in html
    assert "come out even" not in html


def test_an_unknown_answer_that_could_overturn_the_verdict_is_shown_near_the_top(client, seeded):
    html = client.get("/en/advisor/verdict/?cpu_arch=unknown&existing=new_server").text
    assert "Find out first: this could change the verdict" in html
    assert html.index('id="urgent-title"') < html.index('id="reasons-title"')
    assert html.index("Find out the processor architecture") < html.index('id="reasons-title"')


def test_an_unknown_answer_that_cannot_change_anything_stays_below(client, seeded):
    html = client.get("/en/advisor/verdict/?hw_virt=unknown&host_os=non_linux&guest_os=linux").text
    assert 'id="urgent-title"' not in html
    assert html.index('id="warnings-title"') > html.index('id="reasons-title"')


def test_the_retired_arm_code_still_answers_old_links_with_a_warning(client, seeded):
    response = client.get("/en/advisor/verdict/?cpu_arch=arm&hw_virt=yes&existing=new_server")
    assert response.status_code == 200
    assert "ARM of which width?" in response.text
    assert '<option value="arm" selected>' in response.text
    api = client.get("/api/v1/verdict?cpu_arch=arm&existing=new_server").json()
    assert (api["verdict"], api["articles"]["verdict"]) == ("kvm", "xen")


def test_the_wizard_no_longer_offers_the_retired_arm_option(client, seeded):
    html = client.get("/en/advisor/").text
    assert 'value="arm64"' in html and 'value="arm32"' in html
    assert 'value="arm"' not in html


@pytest.mark.parametrize(
    ("query", "today", "articles"),
    [
        ("cpu_arch=arm64&hw_virt=yes&existing=new_server&priority=linux_integration", "kvm", "xen"),
        ("cpu_arch=ia64&hw_virt=yes&guest_os=linux", "none", "xen"),
        ("cpu_arch=x86_32&hw_virt=yes", "kvm", "either"),
    ],
    ids=["arm64", "itanium", "32-bit-x86"],
)
def test_the_examples_of_the_issue_get_todays_verdict_on_the_page(
    client, seeded, query, today, articles
):
    page = client.get(f"/en/advisor/verdict/?{query}").text
    assert verdict_outcome(page) == today
    assert str(ARTICLES_SAID[articles]) in section_text(page, "articles-title")
