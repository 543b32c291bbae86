"""The API keeps its contract: the OpenAPI document, JSON errors, methods, languages, CORS."""

import json

import pytest
import schemathesis
from django.test import Client
from hypothesis import HealthCheck, given, settings

from config.wsgi import application

pytestmark = pytest.mark.usefixtures("seeded")


def test_the_document_is_openapi_3_1_built_from_the_wizards_questions(client):
    document = client.get("/api/v1/openapi.json?lang=es").json()
    assert document["openapi"] == "3.1.0"
    assert set(document["paths"]) == {
        "/api/v1/verdict",
        "/api/v1/comparison",
        "/api/v1/openapi.json",
    }
    parameters = {p["name"]: p for p in document["paths"]["/api/v1/verdict"]["get"]["parameters"]}
    assert "x86_64" in parameters["cpu_arch"]["schema"]["enum"]
    assert parameters["guest_os"]["schema"]["type"] == "array"
    assert parameters["cpu_arch"]["description"].startswith("¿")


def test_an_option_an_editor_adds_is_in_the_document_at_once(client):
    from advisor.models import Option, Question

    Option.objects.create(
        question=Question.objects.get(code="vendor"), code="suse_inc", label="SUSE"
    )
    document = client.get("/api/v1/openapi.json").json()
    parameters = {p["name"]: p for p in document["paths"]["/api/v1/verdict"]["get"]["parameters"]}
    assert "suse_inc" in parameters["vendor"]["schema"]["enum"]


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("ru", "«sparc» — не ответ на вопрос"),
        ("es", "«sparc» no es una respuesta a"),
        ("en", "“sparc” is not an answer to"),
    ],
)
def test_errors_are_in_the_requested_language(client, lang, message):
    response = client.get(f"/api/v1/verdict?cpu_arch=sparc&lang={lang}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert message in response.json()["errors"]["cpu_arch"]
    assert response["Content-Language"] == lang


@pytest.mark.parametrize("lang", ["ru", "es"])
def test_content_language_is_the_texts_language_not_the_browsers(client, lang):
    response = client.get(f"/api/v1/comparison?lang={lang}", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == lang
    assert response.json()["language"] == lang


@pytest.mark.parametrize(
    ("path", "status", "key"),
    [
        ("/api/v1/verdict/", 404, "path"),
        ("/api/v1/", 404, "path"),
        ("/api/v2/verdict", 404, "path"),
        ("/api/v1/comparison?lang=de", 400, "lang"),
        ("/api/v1/comparison?x=1", 400, "x"),
        ("/api/v1/verdict?" + "cpu_arch=x86_64&" * 400, 414, "query"),
    ],
)
def test_every_failure_is_json(client, path, status, key):
    response = client.get(path)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert key in response.json()["errors"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/api/v1/verdict", "/api/v1/comparison", "/api/v1/nowhere"])
def test_a_write_gets_a_json_405_with_allow(method, path):
    response = getattr(Client(enforce_csrf_checks=True), method)(path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert "method" in json.loads(response.content)["errors"]


def test_any_origin_may_read_it_and_preflight_works(client):
    response = client.get("/api/v1/verdict?hw_virt=yes", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/api/v1/verdict", HTTP_ORIGIN="https://example.org")
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def test_head_answers_like_get(client):
    response = client.head("/api/v1/comparison")
    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.usefixtures("connections_kept_open")
def test_the_api_answers_as_its_document_says():
    """schemathesis generates requests from the document and checks every answer against it:
    status codes, content types, headers and bodies (in-process, through the WSGI app)."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    # schemathesis leaves out the document's own address.
    assert {operation.label for operation in operations} == {
        "GET /api/v1/verdict",
        "GET /api/v1/comparison",
    }
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=40,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            # The in-process client does not undo gzip: ask for the plain body.
            case.call_and_validate(headers={"Accept-Encoding": "identity"})

        check()
