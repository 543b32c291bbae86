"""Languages: redirects, switcher, hreflang, complete catalogues, no English left on ru/es pages."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.html import elements, visible_text

pytestmark = pytest.mark.django_db

VERDICT = (
    "cpu_arch=x86_64&hw_virt=yes&host_os=rhel&existing=new_server&expertise=beginner"
    "&guest_os=linux&live_migration=required&priority=performance&vendor=citrix"
)
PAGES = [
    "",
    "compare/",
    "compare/?show=differences",
    "sources/",
    "advisor/",
    "advisor/host/?cpu_arch=unknown&hw_virt=unknown",
    "advisor/guests/?host_os=suse",
    "advisor/priorities/?guest_os=bsd",
    f"advisor/verdict/?{VERDICT}",
    "advisor/verdict/?hw_virt=no&guest_os=windows",
    "advisor/verdict/?cpu_arch=unknown&hw_virt=unknown",
]
# Pages that answer with an error status still speak the visitor's language.
ERROR_PAGES = ["nowhere/", "advisor/verdict/?cpu_arch=sparc", "compare/?show=everything"]
LOCALE = Path(settings.BASE_DIR) / "locale"


def catalogue(language: str) -> dict[str, str]:
    """msgid → msgstr of the interface catalogue; fuzzy entries count as untranslated."""
    entries = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    return {
        entry.msgid: "" if entry.fuzzy else (entry.msgstr or entry.msgstr_plural.get(0, ""))
        for entry in entries
        if not entry.obsolete
    }


def test_the_root_redirects_by_accept_language(client):
    response = client.get("/", headers={"Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == "/ru/"


def test_the_root_falls_back_to_english_for_other_languages(client):
    response = client.get("/", headers={"Accept-Language": "de-DE,de;q=0.9"})
    assert response["Location"] == "/en/"


@pytest.mark.parametrize("path", ["/de/", "/de/compare/", "/en/nowhere/", "/nowhere/"])
def test_unknown_languages_and_paths_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404


def test_a_page_address_without_a_language_redirects_to_one(client):
    response = client.get("/compare/?show=differences", headers={"Accept-Language": "es"})
    assert response.status_code == 302
    assert response["Location"] == "/es/compare/?show=differences"


def test_the_404_page_speaks_the_visitors_language(client):
    response = client.get("/es/nowhere/")
    assert response.status_code == 404
    assert "Página no encontrada" in response.content.decode()


@pytest.mark.parametrize("language", ["ru", "es", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_declares_its_language_and_its_alternates(client, seeded, language, page):
    html = client.get(f"/{language}/{page}").content.decode()
    assert f'<html lang="{language}">' in html
    for other in ("ru", "es", "en"):
        assert f'hreflang="{other}" href="http://testserver/{other}/{page}' in html.replace(
            "&amp;", "&"
        )
    assert 'hreflang="x-default"' in html


def test_the_language_switcher_keeps_the_page_and_its_query(client, seeded):
    html = client.get("/ru/compare/?show=differences").content.decode()
    assert 'href="/es/compare/?show=differences"' in html
    assert 'href="/en/compare/?show=differences"' in html


@pytest.mark.parametrize(
    ("language", "title"),
    [("ru", "Xen и KVM"), ("es", "Xen y KVM"), ("en", "Xen vs KVM")],
)
def test_each_language_has_its_own_title(client, seeded, language, title):
    html = client.get(f"/{language}/compare/").content.decode()
    assert [title in "".join(element.children) for element in elements(html, "title")] == [True]


@pytest.mark.parametrize("language", ["ru", "es"])
def test_the_interface_catalogue_is_complete(language):
    untranslated = [msgid for msgid, msgstr in catalogue(language).items() if not msgstr]
    assert not untranslated


@pytest.mark.parametrize("language", ["ru", "es"])
@pytest.mark.parametrize("page", PAGES + ERROR_PAGES)
def test_no_interface_string_is_left_in_english(client, seeded, language, page):
    html = client.get(f"/{language}/{page}").content.decode()
    text = visible_text(html)
    english = [
        msgid
        for msgid, msgstr in catalogue(language).items()
        if msgstr != msgid and len(msgid) > 12 and "%" not in msgid and "{" not in msgid
    ]
    assert [msgid for msgid in english if msgid in text] == []
    assert "fallback-mark" not in html
