"""The admin's verdict map: how often each verdict comes out over every combination of answers."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

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
    total, rows = response.context["total"], response.context["rows"]
    assert total > 1_000_000
    for reading in range(2):
        assert sum(row.counts[reading][0] for row in rows) == total
        assert sum(row.counts[reading][1] for row in rows) == pytest.approx(100)
    assert heading in response.content.decode()
    assert response.context["rules"][0][1] > 0
    # Verdicts read as words in the editor's language, not as codes.
    assert {row.outcome for row in rows} >= {"Xen", "KVM", neither}


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
