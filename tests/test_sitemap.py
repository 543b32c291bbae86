"""`/sitemap.xml`, `/robots.txt` and `/favicon.ico`: what crawlers and browsers ask for first."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.usefixtures("seeded")


def _loc(url: ET.Element) -> str:
    return url.findtext("s:loc", default="", namespaces=NS)


NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_the_sitemap_lists_every_visitor_page_in_each_language_with_its_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = ET.fromstring(response.content).findall("s:url", NS)
    locations = {_loc(url) for url in urls}
    for language in ("ru", "es", "en"):
        for page in ("/", "/compare/", "/sources/", "/advisor/", "/advisor/host/"):
            assert f"http://testserver/{language}{page}" in locations
    for url in urls:
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        assert set(alternates) == {"ru", "es", "en"}
        assert _loc(url) in alternates.values()


def test_every_page_in_the_sitemap_answers(client):
    urls = ET.fromstring(client.get("/sitemap.xml").content).findall("s:url", NS)
    for url in urls:
        assert client.get(_loc(url)).status_code == 200


def test_robots_txt_names_the_sitemap(client):
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").text


def test_favicon_ico_leads_to_the_sites_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith(".svg")
    assert client.head("/favicon.ico").status_code == 301


def test_the_sitemap_is_read_only(client):
    assert client.post("/sitemap.xml").status_code == 405
    assert client.head("/sitemap.xml").status_code == 200
