"""The wizard through the test client: a walk to each kind of verdict, each step's address, the
progress bar, Next and Back, the htmx replies, bad answers, and the seeded questions."""

from urllib.parse import parse_qsl, urlsplit

import pytest

from advisor.models import Question, Rule
from tests.factories import LANGUAGES, seeded_rules, text_in
from tests.html import chart_scores, verdict_outcome

pytestmark = pytest.mark.usefixtures("seeded")

HX = {"HX-Request": "true"}
# One step's answers: a code per question, a list of codes for a "many" question.
StepAnswers = dict[str, str | list[str]]

# Answers per step (hardware, host, guests, priorities), one walk per kind of verdict.
WALKS: dict[str, list[StepAnswers]] = {
    "kvm": [
        {"cpu_arch": "x86_64", "hw_virt": "yes"},
        {"host_os": "rhel", "existing": "new_server", "expertise": "beginner"},
        {"guest_os": ["linux", "windows"], "live_migration": "not_needed"},
        {"priority": "linux_integration", "vendor": "none"},
    ],
    "xen": [
        {"cpu_arch": "x86_64", "hw_virt": "no"},
        {"host_os": "other_linux", "existing": "other", "expertise": "experienced"},
        {"guest_os": ["linux"], "live_migration": "required"},
        {"priority": "performance", "vendor": "none"},
    ],
    "either": [
        {"cpu_arch": "x86_64", "hw_virt": "yes"},
        {"host_os": "other_linux", "existing": "xen_in_use", "expertise": "experienced"},
        {"guest_os": ["linux", "bsd"], "live_migration": "not_needed"},
        {"priority": "linux_integration", "vendor": "none"},
    ],
    "none": [
        {"cpu_arch": "arm", "hw_virt": "no"},
        {"host_os": "other_linux", "existing": "new_server", "expertise": "beginner"},
        {"guest_os": ["windows"], "live_migration": "not_needed"},
        {"priority": "maturity", "vendor": "citrix"},
    ],
}


def walk(client, language: str, steps: list[StepAnswers]) -> str:
    """Answer every step with Next, as a visitor without JavaScript would; return the verdict URL."""
    url = f"/{language}/advisor/"
    for answers in steps:
        path, query = urlsplit(url).path, parse_qsl(urlsplit(url).query)
        response = client.get(path, [*query, *_pairs(answers), ("go", "next")])
        assert response.status_code == 302, response.content
        url = response["Location"]
    return url


def _pairs(answers: StepAnswers) -> list[tuple[str, str]]:
    return [(k, v) for k, vs in answers.items() for v in (vs if isinstance(vs, list) else [vs])]


@pytest.mark.parametrize("outcome", WALKS)
def test_walking_the_wizard_reaches_each_kind_of_verdict(client, outcome):
    url = walk(client, "en", WALKS[outcome])
    assert urlsplit(url).path == "/en/advisor/verdict/"
    page = client.get(url)
    assert page.status_code == 200
    assert f'class="verdict-headline verdict-{outcome}"' in page.text


@pytest.mark.parametrize("outcome", WALKS)
def test_the_permalink_and_the_api_agree_with_the_wizard(client, outcome):
    query = urlsplit(walk(client, "es", WALKS[outcome])).query
    api = client.get(f"/api/v1/verdict?{query}&lang=es").json()
    page = client.get(f"/es/advisor/verdict/?{query}")
    assert api["verdict"] == outcome
    assert api["permalink"] == f"/es/advisor/verdict/?{query}"
    assert verdict_outcome(page.text) == outcome
    if outcome != "too_few":  # no chart without points
        assert chart_scores(page.text) == api["scores"]


@pytest.mark.parametrize("reading", ["today", "articles"])
def test_the_engine_gets_the_same_rules_from_the_database_as_from_the_fixture(reading):
    def shape(rules):
        return {r.code: (r.effect, r.hypervisor, r.points, r.conditions) for r in rules}

    _questions, from_fixtures = seeded_rules()
    from_database = Rule.objects.for_engine()
    assert shape(getattr(from_database, reading)) == shape(getattr(from_fixtures, reading))


def test_every_seeded_rule_has_a_reason_in_every_language_and_a_row():
    for rule in Rule.objects.all():
        assert all(text_in(rule, "reason", language) for language in LANGUAGES), rule.code
        assert rule.criterion_id, rule.code


def test_every_rule_the_articles_reading_counts_cites_the_articles():
    for rule in Rule.objects.exclude(articles_effect="off").prefetch_related("quotes"):
        assert rule.quotes.exists(), rule.code


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/en/advisor/", "hardware"),
        ("/en/advisor/hardware/", "hardware"),
        ("/en/advisor/host/", "host"),
        ("/en/advisor/guests/", "guests"),
        ("/en/advisor/priorities/", "priorities"),
    ],
)
def test_every_step_has_its_own_address(client, path, code):
    response = client.get(path)
    assert response.status_code == 200
    assert response.context["step"].code == code


def test_a_step_shows_the_progress_and_keeps_the_earlier_answers_in_hidden_fields(client):
    response = client.get("/en/advisor/guests/?cpu_arch=x86_64&host_os=rhel")
    assert (
        '<span aria-current="step"><span class="stage-number">3</span> Guests</span>'
        in response.text
    )
    assert '<input type="hidden" name="cpu_arch" value="x86_64">' in response.text
    assert '<input type="hidden" name="host_os" value="rhel">' in response.text


def test_questions_and_options_are_shown_in_the_visitors_language(client):
    response = client.get("/ru/advisor/")
    assert "Какая архитектура процессора у сервера?" in response.text
    assert "Не знаю" in response.text


def test_next_without_an_answer_shows_the_error_next_to_the_question(client):
    response = client.get("/en/advisor/", {"cpu_arch": "x86_64", "go": "next"})
    assert response.status_code == 200
    assert response.context["missing"] == ["hw_virt"]
    assert '<p class="field-error" id="hw_virt-error">Please choose an answer.</p>' in response.text
    assert 'value="x86_64" checked' in response.text


def test_back_keeps_the_answers_of_the_step_being_left(client):
    response = client.get(
        "/en/advisor/host/", {"cpu_arch": "arm", "existing": "new_server", "go": "back"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/advisor/?cpu_arch=arm&existing=new_server"


@pytest.mark.parametrize("language", ["ru", "es", "en"])
def test_a_step_of_the_progress_bar_takes_the_forms_unsaved_answers_along(client, language):
    # The progress bar's steps are buttons of the form: the query is the form as it stands.
    response = client.get(
        f"/{language}/advisor/", {"cpu_arch": "ia64", "hw_virt": "yes", "goto": "guests"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/advisor/guests/?cpu_arch=ia64&hw_virt=yes"


def test_the_progress_bar_offers_the_other_steps_as_buttons_of_the_form(client):
    response = client.get("/en/advisor/host/?cpu_arch=x86_64&hw_virt=yes")
    assert response.text.count('<button type="submit" name="goto"') == 3
    assert 'name="goto" value="guests"' in response.text
    assert client.get("/en/advisor/?goto=nowhere").status_code == 400


@pytest.mark.parametrize(
    "path", ["/ru/advisor/host/?cpu_arch=ia64", "/es/advisor/verdict/?hw_virt=no"]
)
def test_the_wizard_and_the_verdict_offer_to_start_over(client, path):
    language = path[1:3]
    response = client.get(path)
    assert f'<a href="/{language}/advisor/?go=start">' in response.text


def test_an_unknown_step_is_not_found(client):
    assert client.get("/en/advisor/nonsense/").status_code == 404


@pytest.mark.parametrize("path", ["/en/advisor/guests/", "/en/advisor/verdict/"])
def test_pages_refuse_other_methods(client, path):
    assert client.post(path).status_code == 405


def test_an_htmx_step_request_gets_only_the_step_fragment(client):
    response = client.get("/es/advisor/host/?cpu_arch=x86_64", headers=HX)
    assert response.status_code == 200
    assert "<html" not in response.text
    assert '<section id="wizard"' in response.text
    assert 'hx-swap-oob="outerHTML:.lang-switch"' in response.text
    assert response.text.startswith("<title>")
    assert "HX-Request" in response["Vary"]


def test_an_htmx_please_answer_reply_does_not_push_its_address(client):
    response = client.get("/en/advisor/", {"go": "next"}, headers=HX)
    assert response["HX-Push-Url"] == "false"


def test_the_last_step_sends_htmx_to_the_verdict_as_a_whole_page(client):
    response = client.get(
        "/en/advisor/priorities/",
        {"priority": "maturity", "vendor": "none", "go": "next"},
        headers=HX,
    )
    assert response["HX-Redirect"] == "/en/advisor/verdict/?priority=maturity&vendor=none"


HOSTILE = [
    ("cpu=x86_64", "“cpu” is not a question of the advisor."),
    ("cpu_arch=sparc", "“sparc” is not an answer to “cpu_arch”"),
    ("cpu_arch=x86_64&cpu_arch=arm", "“cpu_arch” takes one answer, but 2 were given."),
    ("cpu_arch=" + "x" * 500, "An answer to “cpu_arch” is too long"),
    ("hw_virt=%3Cscript%3Ealert(1)%3C/script%3E", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("%3Cimg%20src%3Dx%3E=1", "&lt;img src=x&gt;"),
    ("go=sideways", "These answers are not valid"),
]


@pytest.mark.parametrize(("query", "message"), HOSTILE)
@pytest.mark.parametrize("path", ["/en/advisor/", "/en/advisor/verdict/"])
def test_bad_and_hostile_answers_get_a_400_with_a_clear_escaped_message(
    client, path, query, message
):
    if "go=" in query and "verdict" in path:
        message = "“go” is not a question of the advisor."
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert message in response.text
    assert "<script>alert" not in response.text and "<img src=x>" not in response.text
    assert not any(
        "x" * 100 in f"{key}{error}" for key, error in response.context["errors"].items()
    )


def test_the_seeded_questions_and_options_are_exactly_the_products():
    wizard = Question.objects.for_wizard()
    assert [step.code for step in wizard.steps] == ["hardware", "host", "guests", "priorities"]
    assert wizard.options == {
        "cpu_arch": ("x86_32", "x86_64", "arm64", "arm32", "ia64", "unknown", "arm"),
        "hw_virt": ("yes", "no", "unknown"),
        "host_os": ("rhel", "suse", "other_linux", "custom_kernel", "non_linux"),
        "existing": ("xen_in_use", "new_server", "other"),
        "expertise": ("beginner", "experienced"),
        "guest_os": ("linux", "windows", "bsd", "solaris"),
        "live_migration": ("required", "not_needed"),
        "priority": ("performance", "linux_integration", "maturity", "future_development"),
        "vendor": ("red_hat", "citrix", "xcp_ng", "proxmox", "none"),
    }
    assert [q.code for q in wizard.questions.values() if q.many] == ["guest_os"]
    retired = [(q.code, o.code) for q in wizard.questions.values() for o in q.options if o.retired]
    assert retired == [("cpu_arch", "arm")]
