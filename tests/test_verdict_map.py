"""The admin's verdict map: how often each verdict comes out over every combination of answers, and
which rules decide the most verdicts."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from advisor.models import Rule

pytestmark = pytest.mark.django_db

URL = "/admin/advisor/rule/verdict-map/"


@pytest.mark.parametrize(
    ("language", "heading", "neither"),
    [
        ("en", "Verdict map", "Neither"),
        ("es", "Mapa de veredictos", "Ninguno de los dos"),
        ("ru", "Карта вердиктов", "Ни один из двух"),
    ],
)
def test_each_readings_counts_add_up_to_every_combination(
    editor_client, language, heading, neither
):
    assert reverse("admin:advisor_rule_verdict_map") == URL
    response = editor_client.get(URL, headers={"Accept-Language": language})
    assert response.status_code == 200
    verdict_map = response.context["map"]
    total, rows = verdict_map.total, verdict_map.rows
    assert total > 1_000_000
    for reading in range(2):
        assert sum(row.counts[reading][0] for row in rows) == total
        assert sum(row.counts[reading][1] for row in rows) == pytest.approx(100)
    assert heading in response.content.decode()
    # Verdicts read as words in the editor's language, not as codes.
    assert {row.outcome for row in rows} >= {"Xen", "KVM", neither}


@pytest.mark.parametrize(
    ("language", "total", "decides"),
    [
        ("en", "3,317,760", "decides 508,800 verdicts (15.3 %)"),
        ("es", "3.317.760", "decide 508.800 veredictos (15,3 %)"),
        ("ru", "3\xa0317\xa0760", "решает 508\xa0800 вердиктов (15,3 %)"),
    ],
)
def test_numbers_are_grouped_in_the_editors_language(editor_client, language, total, decides):
    page = editor_client.get(URL, headers={"Accept-Language": language}).content.decode()
    assert total in page
    assert decides in page


def test_each_reading_ranks_its_rules_by_the_verdicts_they_decide(editor_client):
    response = editor_client.get(URL)
    today, articles = response.context["map"].deciders
    assert (today.reading, articles.reading) == ("Today", "Per the articles")
    for reading in (today, articles):
        counts = [decider.deciding for decider in reading.top]
        assert counts == sorted(counts, reverse=True) and counts[-1] > 0
    # Without the hardware-virtualisation block, KVM would come out where it cannot run.
    first = today.top[0]
    assert first.code == "kvm-needs-hw-virt"
    assert first.url == reverse(
        "admin:advisor_rule_change", args=[Rule.objects.get(code=first.code).pk]
    )
    assert f'href="{first.url}"' in response.content.decode()
    assert first.reason.text and first.applying >= first.deciding


def test_a_rule_that_never_changes_a_verdict_is_listed_as_deciding_none(editor_client):
    # Points for Xen exactly where Xen is ruled out: the rule fires and never changes a verdict.
    blocking = Rule.objects.get(code="xen-no-itanium")
    echo = Rule.objects.create(
        code="xen-point-on-itanium",
        effect="prefer",
        articles_effect="off",
        hypervisor="xen",
        points=1,
        reason="Xen on Itanium",
        criterion=blocking.criterion,
    )
    echo.conditions.set(blocking.conditions.all())
    today = editor_client.get(URL).context["map"].deciders[0]
    assert "xen-point-on-itanium" in [decider.code for decider in today.idle]
    assert "xen-point-on-itanium" not in [decider.code for decider in today.top]
    change_url = reverse("admin:advisor_rule_change", args=[echo.pk])
    assert (
        f'<a href="{change_url}">xen-point-on-itanium</a>'
        in editor_client.get(URL).content.decode()
    )


def test_the_rule_list_links_to_it(editor_client):
    assert URL in editor_client.get(reverse("admin:advisor_rule_changelist")).content.decode()


def test_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_staff_without_the_rules_permission_are_refused(client, seeded):
    client.force_login(
        User.objects.create_user("clerk", password="a-long-password-1", is_staff=True)
    )
    assert client.get(URL).status_code == 403
