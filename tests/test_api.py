"""`/api/v1/verdict`: the verdict as JSON, shaped as PRODUCT.md shows."""

import pytest
from django.utils import translation

from advisor.models import Rule
from tests.factories import text_in
from tests.html import section_text, verdict_outcome

EXAMPLE = (
    "cpu_arch=x86_64&hw_virt=yes&guest_os=linux&guest_os=windows"
    "&existing=new_server&priority=linux_integration"
)


def test_the_products_example_gives_kvm_four_to_nothing(client, seeded):
    response = client.get(f"/api/v1/verdict?{EXAMPLE}&lang=es")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["verdict"] == "kvm"
    assert data["scores"] == {"xen": 0, "kvm": 4}
    assert data["blocked"] == {"xen": [], "kvm": []}
    assert data["warnings"] == []
    # The permalink lists the answers in the wizard's order: the same answers, the same address.
    assert data["permalink"] == (
        "/es/advisor/verdict/?cpu_arch=x86_64&hw_virt=yes&existing=new_server"
        "&guest_os=linux&guest_os=windows&priority=linux_integration"
    )
    assert [(r["hypervisor"], r["points"]) for r in data["reasons"]] == [("kvm", 2), ("kvm", 2)]
    assert data["articles"]["verdict"] == "kvm"
    assert data["articles"]["scores"] == {"xen": 0, "kvm": 4}


def test_todays_reading_is_at_the_top_and_the_articles_reading_beside_it(client, seeded):
    query = "host_os=rhel&existing=new_server&priority=performance&live_migration=required&vendor=citrix"
    data = client.get(f"/api/v1/verdict?{query}").json()
    assert (data["verdict"], data["scores"]) == ("kvm", {"xen": 1, "kvm": 5})
    articles = data["articles"]
    assert (articles["verdict"], articles["scores"]) == ("xen", {"xen": 4, "kvm": 3})
    assert set(articles) == {
        "verdict",
        "scores",
        "blocked",
        "reasons",
        "warnings",
        "needed",
        "sources_disagree",
    }
    changed = {r["code"] for r in articles["reasons"] if r["changed"]}
    assert changed == {"xen-performance", "xen-live-migration", "kvm-rhel-host"}
    assert [r["points"] for r in data["reasons"] if r["code"] == "kvm-rhel-host"] == [3]


def test_each_reason_carries_its_note_with_the_day_it_was_checked(client, seeded):
    reason = client.get("/api/v1/verdict?cpu_arch=ia64").json()["blocked"]["kvm"][0]
    rule = Rule.objects.get(code="kvm-no-itanium")
    assert rule.note_checked is not None
    assert reason["note"] == text_in(rule, "note", "en")
    assert reason["checked"] == rule.note_checked.isoformat()
    assert reason["reference"] == text_in(rule, "note_reference", "en")


def test_too_few_answers_is_its_own_verdict_with_the_questions_that_would_help(client, seeded):
    data = client.get("/api/v1/verdict?hw_virt=unknown").json()
    assert data["verdict"] == "too_few"
    assert "cpu_arch" in data["needed"] and "hw_virt" in data["needed"]


def test_a_reason_carries_its_text_citation_note_and_row(client, seeded):
    reason = client.get(f"/api/v1/verdict?{EXAMPLE}&lang=es").json()["reasons"][0]
    assert set(reason) >= {"hypervisor", "points", "text", "citation", "note"}
    assert reason["citation"]["source"] == "ru"
    assert reason["citation"]["url"] == "/es/sources/#ru-new-server"
    assert reason["citation"]["quote"].startswith("Если же у вас новый сервер")
    assert reason["criterion"]["url"] == "/es/compare/#recommendations"


@pytest.mark.parametrize("language", ["ru", "es", "en"])
def test_lang_chooses_the_language_of_the_texts(client, seeded, language):
    data = client.get(f"/api/v1/verdict?hw_virt=no&lang={language}").json()
    with translation.override(language):
        rule = Rule.objects.get(code="kvm-needs-hw-virt")
        assert data["blocked"]["kvm"][0]["text"] == rule.today_reason
        assert data["blocked"]["kvm"][0]["note"] == rule.note
        assert data["articles"]["blocked"]["kvm"][0]["text"] == rule.reason
    assert data["permalink"] == f"/{language}/advisor/verdict/?hw_virt=no"


def test_the_texts_are_english_without_lang_and_readable_unescaped(client, seeded):
    assert (
        "KVM needs hardware virtualization"
        in client.get("/api/v1/verdict?hw_virt=no").json()["blocked"]["kvm"][0]["text"]
    )
    assert "Выясните" in client.get("/api/v1/verdict?hw_virt=unknown&lang=ru").content.decode()


def test_blockers_and_warnings_are_shaped_like_reasons(client, seeded):
    data = client.get("/api/v1/verdict?hw_virt=no&guest_os=windows&cpu_arch=unknown").json()
    assert data["verdict"] == "none"
    assert data["blocked"]["xen"][0]["code"] == "xen-windows-needs-hvm"
    assert data["warnings"][0]["code"] == "find-out-cpu-arch"
    assert data["warnings"][0]["hypervisor"] is None


def test_the_sources_disagree_flag_is_given(client, seeded):
    data = client.get("/api/v1/verdict?priority=performance&host_os=rhel").json()["articles"]
    assert data["sources_disagree"] is True
    assert all(reason["disputed"] for reason in data["reasons"])


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("cpu=x86_64", "cpu"),
        ("cpu_arch=sparc", "cpu_arch"),
        ("cpu_arch=x86_64&cpu_arch=arm", "cpu_arch"),
        ("guest_os=linux&guest_os=plan9", "guest_os"),
        ("lang=fr", "lang"),
        ("lang=es&lang=ru", "lang"),
        ("go=next", "go"),
    ],
)
def test_unknown_codes_get_400_with_the_field_errors(client, seeded, query, key):
    response = client.get(f"/api/v1/verdict?{query}")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [key]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ru", "«sparc» — не ответ на вопрос «cpu_arch»"),
        ("es", "«sparc» no es una respuesta a «cpu_arch»"),
        ("en", "“sparc” is not an answer to “cpu_arch”"),
    ],
)
def test_errors_are_in_the_requested_language(client, seeded, language, message):
    errors = client.get(f"/api/v1/verdict?cpu_arch=sparc&lang={language}").json()["errors"]
    assert errors["cpu_arch"].startswith(message)


def test_unanswered_questions_count_for_neither_side(client, seeded):
    data = client.get("/api/v1/verdict?cpu_arch=x86_64").json()
    assert (data["verdict"], data["scores"], data["reasons"]) == (
        "either",
        {"xen": 0, "kvm": 0},
        [],
    )


@pytest.mark.parametrize(
    "query",
    [
        EXAMPLE,
        "hw_virt=no",
        "hw_virt=no&guest_os=windows",
        "existing=xen_in_use&priority=linux_integration",
    ],
)
def test_the_api_and_the_permalink_page_agree(client, seeded, query):
    data = client.get(f"/api/v1/verdict?{query}&lang=en").json()
    page = client.get(data["permalink"]).text
    assert verdict_outcome(page) == data["verdict"]
    # The page sets commands in the code font: compared without white space, the texts are the same.
    reasons = "".join(section_text(page, "reasons-title").split())
    found = [reasons.find("".join(reason["text"].split())) for reason in data["reasons"]]
    assert -1 not in found
    assert found == sorted(found)


def test_the_api_answers_only_get(client, seeded):
    assert client.post("/api/v1/verdict").status_code == 405
