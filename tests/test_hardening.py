"""What every response promises, whatever the request: headers, the site's own error pages in
the visitor's language, methods, and the admin's sign-in lockout."""

import pytest
from django.test import Client, RequestFactory, override_settings

from config.security import client_ip

pytestmark = pytest.mark.usefixtures("seeded")

PAGES = ["/en/", "/ru/compare/", "/es/sources/", "/en/advisor/", "/en/advisor/verdict/?hw_virt=yes"]


def test_every_page_sends_the_content_security_policy_and_permissions_policy(client):
    response = client.get("/en/compare/")
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("path", PAGES)
def test_no_page_has_inline_script_or_style(client, path):
    html = client.get(path).text
    assert "<style" not in html
    assert " style=" not in html
    assert "<script>" not in html
    assert '"includeIndicatorStyles": false' in html


@pytest.mark.parametrize("path", PAGES)
def test_head_answers_wherever_get_does(client, path):
    response = client.head(path)
    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.parametrize("method", ["post", "put", "delete", "options"])
def test_a_method_a_page_does_not_serve_gets_the_sites_own_405(method, client):
    response = getattr(client, method)("/ru/compare/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert "<h1>Метод не поддерживается</h1>" in response.text


@pytest.mark.parametrize("host", ["evil.example", "", "bad host", "testserver@evil.example"])
@pytest.mark.parametrize("path", ["/en/compare/", "/nowhere/", "/en/advisor/verdict/?x=1"])
def test_a_host_the_site_does_not_serve_gets_a_400_page(host, path):
    response = Client(HTTP_HOST=host).get(path)
    assert response.status_code == 400
    assert "<h1>Bad request</h1>" in response.text


@pytest.mark.parametrize(
    "path", ["//evil.example/x", "//evil.example/en/compare/", "///evil.example"]
)
def test_an_address_that_looks_like_another_site_stays_on_this_one(client, path):
    # PATH_INFO as a server passes it: the test client would read "//host/" as a host.
    response = client.get("/", PATH_INFO=path)
    assert response.status_code == 404
    assert "evil.example" not in response.text
    assert 'rel="canonical"' not in response.text
    assert 'href="/en/"' in response.text


def test_a_page_that_does_not_exist_is_a_404_in_the_visitors_language(client):
    response = client.get("/es/nada/")
    assert response.status_code == 404
    assert "<h1>Página no encontrada</h1>" in response.text


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/en/compare/", "Address too long"), ("/ru/advisor/", "Слишком длинный адрес")],
)
def test_a_query_longer_than_any_answers_gets_the_sites_own_414(client, path, heading):
    response = client.get(path + "?" + "cpu_arch=x86_64&" * 400)
    assert response.status_code == 414
    assert f"<h1>{heading}</h1>" in response.text


def test_the_csrf_failure_page_is_the_sites_own():
    response = Client(enforce_csrf_checks=True).post("/es/advisor/detect/", {"text": "x"})
    assert response.status_code == 403
    assert "<h1>Acceso denegado</h1>" in response.text


def test_canonical_and_hreflang_addresses_are_absolute_on_this_site(client):
    html = client.get("/ru/compare/?only=differences").text
    assert '<link rel="canonical" href="http://testserver/ru/compare/?only=differences">' in html
    assert (
        '<link rel="alternate" hreflang="es" href="http://testserver/es/compare/?only=differences">'
        in html
    )


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8", "127.0.0.1"])
@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        ("10.0.0.5", "203.0.113.7", "203.0.113.7"),
        ("10.0.0.5", "198.51.100.1, 203.0.113.7, 127.0.0.1", "203.0.113.7"),
        ("203.0.113.9", "198.51.100.1", "203.0.113.9"),
        ("10.0.0.5", "", "10.0.0.5"),
        ("10.0.0.5", "not-an-address", "10.0.0.5"),
    ],
    ids=["through-proxy", "chain-of-proxies", "not-from-a-proxy", "no-header", "garbage"],
)
def test_the_forwarded_address_counts_only_from_a_trusted_proxy(remote, forwarded, client):
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == client


def test_without_trusted_proxies_the_forwarded_header_is_ignored():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "10.0.0.5"


def _sign_in(client, password: str, language: str = "en"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": password},
        HTTP_ACCEPT_LANGUAGE=language,
    )


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Too many failed sign-ins"),
        ("ru", "Слишком много неудачных попыток входа"),
        ("es", "Demasiados intentos fallidos de acceso"),
    ],
)
def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(
    client, editor, language, message
):
    for _ in range(4):
        assert _sign_in(client, "wrong", language).status_code == 200
    assert _sign_in(client, "wrong", language).status_code == 429
    locked = _sign_in(client, "a-long-editor-password", language)
    assert locked.status_code == 429
    assert message in locked.text
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_address(client, editor):
    for _ in range(5):
        _sign_in(client, "wrong")
    other = Client(REMOTE_ADDR="192.0.2.44")
    response = other.post(
        "/admin/login/?next=/admin/", {"username": "editor", "password": "a-long-editor-password"}
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("language", "heading"), [("ru", "Ошибка сервера"), ("es", "Error del servidor")]
)
def test_the_500_page_renders_without_a_request_in_the_visitors_language(language, heading):
    # Django renders 500.html with no request and no context processors: it must still work.
    from django.template import loader
    from django.utils import translation

    with translation.override(language):
        html = loader.get_template("500.html").render()
    assert f"<h1>{heading}</h1>" in html
