"""What a page says about itself when it is shared or found: its title, its description and, for a
verdict, Open Graph tags naming the verdict; and what robots.txt lets crawlers read."""

import pytest

from tests.browser.pages import BY_NAME, LANGUAGES, PAGES
from tests.html import attribute, elements

pytestmark = pytest.mark.usefixtures("seeded")


def head(html: str) -> dict[str, str]:
    """<title> and the <meta> name/property → content pairs of a page."""
    (document_head,) = elements(html, "head")
    titles = [
        " ".join(str(part) for part in title.children) for title in elements(document_head, "title")
    ]
    assert len(titles) == 1, titles
    tags = {"title": titles[0].strip()}
    for meta in elements(document_head, "meta"):
        key = attribute(meta, "name") or attribute(meta, "property")
        content = attribute(meta, "content")
        if key and content is not None:
            tags[key] = content
    return tags


@pytest.mark.parametrize("site_page", PAGES, ids=[page.name for page in PAGES])
def test_every_page_has_a_title_and_description_of_its_own_in_each_language(client, site_page):
    heads = {}
    for language in LANGUAGES:
        response = client.get(site_page.url(language))
        assert response.status_code == site_page.status
        heads[language] = head(response.content.decode())
    titles = [heads[language]["title"] for language in LANGUAGES]
    descriptions = [heads[language].get("description", "") for language in LANGUAGES]
    assert all(len(title) > 10 for title in titles), titles
    assert all(len(description) > 50 for description in descriptions), descriptions
    assert len(set(titles)) == len(set(descriptions)) == len(LANGUAGES), (titles, descriptions)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_shared_verdict_names_the_verdict_in_its_open_graph_tags(client, language):
    tags = head(client.get(BY_NAME["verdict"].url(language)).content.decode())
    other = head(client.get(BY_NAME["verdict-none"].url(language)).content.decode())
    assert "KVM" in tags["og:title"] and "Xen" not in tags["og:title"].split("·")[0]
    assert tags["og:title"] != other["og:title"]
    assert tags["og:description"] and tags["og:type"]
    assert tags["og:url"].startswith("http") and "vendor=red_hat" in tags["og:url"]


def test_robots_txt_lets_crawlers_read_the_pages_but_not_the_admin(client):
    response = client.get("/robots.txt")
    rules = response.content.decode().splitlines()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "User-agent: *" in rules and "Disallow: /admin/" in rules
    assert "Disallow: /" not in rules
