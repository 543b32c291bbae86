"""Pages and API answers come from a cache per content version: fresh after every edit, never one
visitor's answers or CSRF token in another's response, conditional GET and HEAD as for any page."""

import gzip
import re
import time

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from advisor.models import Option, Rule
from comparison.models import Criterion
from pagecache.memory import MemoryCache
from pagecache.models import ContentVersion
from tests.admin_forms import change_form_data

pytestmark = pytest.mark.django_db

NEW_SERVER = "/api/v1/verdict?cpu_arch=x86_64&hw_virt=yes&existing=new_server"
PAGES = [
    "/en/",
    "/ru/compare/",
    "/es/sources/",
    "/en/advisor/",
    f"/es/advisor/verdict/?{NEW_SERVER.split('?')[1]}",
    NEW_SERVER,
]


def _new_server_rule() -> Rule:
    rule = Rule.objects.filter(
        conditions__question__code="existing", conditions__code="new_server"
    ).first()
    assert rule is not None
    return rule


def _reason_codes(client: Client) -> set[str]:
    return {reason["code"] for reason in client.get(NEW_SERVER).json()["reasons"]}


@pytest.mark.parametrize("url", PAGES)
def test_a_page_served_again_is_the_same_and_answers_a_conditional_get_with_304(
    seeded, client, url
):
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200
    assert first["ETag"] == second["ETag"]
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert "Accept-Encoding" in again["Vary"]


@pytest.mark.parametrize("url", PAGES)
def test_head_answers_like_get_without_a_body(seeded, client, url):
    get = client.get(url)
    for _ in range(2):  # before and after the page is cached
        head = client.head(url)
        assert head.status_code == 200
        assert head.content == b""
        assert head["ETag"] == get["ETag"]
        assert head["Content-Length"] == get["Content-Length"]


@pytest.mark.parametrize("url", ["/en/compare/", "/en/advisor/"])  # the wizard holds a token
def test_a_compressed_page_is_the_same_page(seeded, url):
    visitor = Client()
    plain = visitor.get(url)
    for _ in range(2):  # rendered, then from the cache
        packed = visitor.get(url, headers={"Accept-Encoding": "gzip"})
        assert packed["Content-Encoding"] == "gzip"
        unpacked = gzip.decompress(packed.content)
        token = re.compile(rb'name="csrfmiddlewaretoken" value="\w+"')
        assert token.sub(b"", unpacked) == token.sub(b"", plain.content)


def test_an_editors_save_in_the_admin_shows_on_the_next_request(editor_client):
    visitor = Client()  # editor_client is pytest-django's `client`, signed in
    assert "Правка видна сразу" not in visitor.get("/ru/compare/").content.decode()
    row = Criterion.objects.get(slug="performance")
    url = reverse("admin:comparison_criterion_change", args=[row.pk])
    data = change_form_data(editor_client, url)  # the form as the browser would send it back
    data["xen_ru"] = "Правка видна сразу."
    assert editor_client.post(url, data).status_code == 302
    assert "Правка видна сразу." in visitor.get("/ru/compare/").content.decode()


def test_an_editors_delete_in_the_admin_shows_on_the_next_request(editor_client):
    visitor = Client()  # editor_client is pytest-django's `client`, signed in
    rule = _new_server_rule()
    page = f"/en/advisor/verdict/?{NEW_SERVER.split('?')[1]}"
    assert rule.code in _reason_codes(visitor)
    # Today's reading leads on the page: its reason is the one shown.
    assert rule.today_reason in visitor.get(page).content.decode()
    response = editor_client.post(
        reverse("admin:advisor_rule_delete", args=[rule.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert rule.code not in _reason_codes(visitor)
    assert rule.today_reason not in visitor.get(page).content.decode()


def test_a_many_to_many_change_shows_on_the_next_request(seeded, client):
    rule = _new_server_rule()
    assert rule.code in _reason_codes(client)
    rule.conditions.remove(Option.objects.get(question__code="existing", code="new_server"))
    assert rule.code not in _reason_codes(client)


def test_a_rule_saved_changes_the_wizard_and_the_verdict_at_once(seeded, client):
    rule = _new_server_rule()
    client.get(NEW_SERVER)
    rule.today_reason = "A reason rewritten a moment ago."
    rule.save()
    texts = [reason["text"] for reason in client.get(NEW_SERVER).json()["reasons"]]
    assert "A reason rewritten a moment ago." in texts


def test_loading_a_fixture_bumps_the_content_version(seeded, tmp_path):
    before = ContentVersion.objects.get().stamp
    fixture = tmp_path / "topic.json"
    fixture.write_text(
        '[{"model": "comparison.topic", "fields": {"slug": "x", "title_en": "X", "order": 9}}]'
    )
    call_command("loaddata", str(fixture), verbosity=0)
    assert ContentVersion.objects.get().stamp != before


def test_each_visitor_gets_the_verdict_for_their_own_answers(seeded):
    alice, bob = Client(), Client()
    alice_page = alice.get("/en/advisor/verdict/?hw_virt=no").content.decode()
    bob_page = bob.get("/en/advisor/verdict/?hw_virt=yes&existing=xen_in_use").content.decode()
    assert "existing=xen_in_use" not in alice_page
    assert "hw_virt=no" not in bob_page
    fragment = alice.get("/en/advisor/verdict/?hw_virt=no", headers={"HX-Request": "true"})
    full = bob.get("/en/advisor/verdict/?hw_virt=no")
    assert "<html" not in fragment.content.decode()
    assert "<html" in full.content.decode()


def test_no_visitor_gets_another_visitors_csrf_token_and_each_token_works(seeded):
    alice, bob = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    alice_page = alice.get("/en/advisor/").content.decode()
    bob_response = bob.get("/en/advisor/")
    alice_token = alice_page.split('name="csrfmiddlewaretoken" value="')[1][:64]
    bob_token = bob_response.content.decode().split('name="csrfmiddlewaretoken" value="')[1][:64]
    assert alice_token != bob_token
    assert bob.cookies["csrftoken"].value != alice.cookies["csrftoken"].value
    data = {"csrfmiddlewaretoken": bob_token, "text": "Architecture: x86_64\nFlags: vmx"}
    assert bob.post("/en/advisor/detect/", data).status_code == 303
    data["csrfmiddlewaretoken"] = alice_token
    assert bob.post("/en/advisor/detect/", data).status_code == 403


def test_a_signed_in_editor_never_gets_a_cached_page(editor_client):
    visitor = Client()
    visitor.get("/en/compare/")
    Criterion.objects.filter(slug="performance").update(title_en="Changed without a signal")
    assert "Changed without a signal" not in visitor.get("/en/compare/").content.decode()
    assert "Changed without a signal" in editor_client.get("/en/compare/").content.decode()


def test_migrate_bumps_the_content_version_for_data_migrations(seeded):
    before = ContentVersion.objects.get().stamp
    call_command("migrate", verbosity=0)
    assert ContentVersion.objects.get().stamp != before


def test_the_comparison_filter_swap_is_compressed_as_tightly_as_the_page(seeded):
    # The filter's htmx swap carries the whole table: a visitor waits for it after each click.
    visitor = Client()
    headers = {"Accept-Encoding": "gzip", "HX-Request": "true"}
    for _ in range(2):  # the second answer comes from the cache
        packed = visitor.get("/en/compare/?show=differences", headers=headers)
        assert packed["Content-Encoding"] == "gzip"
        table = gzip.decompress(packed.content)
        assert b'id="comparison-table"' in table and b"<html" not in table
        assert len(packed.content) <= len(gzip.compress(table, compresslevel=6, mtime=0))


def test_the_memory_cache_keeps_entries_themselves_and_still_expires_them(monkeypatch):
    cache = MemoryCache("memory-test", {"OPTIONS": {"MAX_ENTRIES": 10}})
    entry = object()
    cache.set("page", entry, 30)
    assert cache.get("page") is entry  # no pickling: the same object
    assert cache.add("page", "other", 30) is False
    cache.set("count", 1, 30)
    assert cache.incr("count", 2) == 3 and cache.get("count") == 3
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 31)
    assert cache.get("page") is None and cache.add("page", "other", 30) is True
