"""Sharing and paper: every page names and describes itself in its language, the verdict carries
Open Graph tags naming the verdict, and the comparison and the verdict print as clean PDFs."""

import re
import zlib

import pytest

from tests.browser.pages import BY_NAME, LANGUAGES, PAGES, PRINTED, ids, pages, visit

OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
STREAM = re.compile(rb"^(.*?)stream\r?\n(.*)\r?\nendstream$", re.S)
TOKENS = re.compile(rb"<([0-9A-Fa-f]*)>|/(\w+)|([A-Za-z*']+)")
# Interactive parts a printout must leave out.
SCREEN_ONLY = [".skip-link", ".site-header nav", ".no-print", ".btn"]


def pdf_text(pdf: bytes) -> str:
    """The text Chromium (Skia) drew, read back through each font's ToUnicode map.

    Enough for Skia's own output: Flate streams, Type0 fonts with Identity-H glyph ids in hex.
    """
    heads, data = {}, {}
    for number, body in OBJECT.findall(pdf):
        stream = STREAM.match(body)
        head, content = (stream.group(1), stream.group(2)) if stream else (body, b"")
        heads[int(number)] = head
        data[int(number)] = zlib.decompress(content) if b"/FlateDecode" in head else content

    def to_unicode(font: int) -> dict[str, str]:
        reference = re.search(rb"/ToUnicode (\d+) 0 R", heads[font])
        cmap, table = data[int(reference.group(1))] if reference else b"", {}
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
            for glyph, text in re.findall(rb"<(\w+)>\s*<(\w+)>", block):
                table[glyph.decode().upper()] = bytes.fromhex(text.decode()).decode("utf-16-be")
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
            for low, high, text in re.findall(rb"<(\w+)>\s*<(\w+)>\s*<(\w+)>", block):
                for offset, glyph in enumerate(range(int(low, 16), int(high, 16) + 1)):
                    table[f"{glyph:0{len(low)}X}"] = chr(int(text, 16) + offset)
        return table

    text = []
    for head in heads.values():
        contents = re.search(rb"/Contents (\d+) 0 R", head)
        if not re.search(rb"/Type\s*/Page\b", head) or not contents:
            continue
        fonts = {
            name.decode(): to_unicode(int(ref))
            for name, ref in re.findall(rb"/(F\d+) (\d+) 0 R", head)
        }
        glyphs: dict[str, str] = {}
        for hexadecimal, name, operator in TOKENS.findall(data[int(contents.group(1))]):
            if name and name.decode() in fonts:
                glyphs = fonts[name.decode()]
            elif hexadecimal:
                codes = hexadecimal.decode().upper()
                text.append(
                    "".join(glyphs.get(codes[i : i + 4], "") for i in range(0, len(codes), 4))
                )
            elif operator in (b"Td", b"TD", b"T*", b"Tm", b"ET"):
                text.append(" ")
    return "".join(text)


def squashed(text: str) -> str:
    """Without whitespace: line breaks, kerning and letter-spacing split words in a PDF."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(("language", "printed"), pages(PRINTED), ids=ids(pages(PRINTED)))
def test_the_page_prints_to_a_pdf_with_its_content_and_without_controls(
    watch_page, site, language, printed
):
    page, watch = watch_page
    visit(page, watch, site, language, printed)
    headline = page.locator("h1").inner_text()
    screen_only = [
        squashed(element.inner_text())
        for selector in SCREEN_ONLY
        for element in page.locator(selector).all()
        if squashed(element.inner_text())
    ]
    rows = [squashed(t) for t in page.locator("tr.criterion > th span.d-block").all_inner_texts()]
    quote = page.locator("blockquote").first.text_content()

    text = squashed(pdf_text(page.pdf(format="A4")))

    assert squashed(headline) in text, f"the headline {headline!r} is not in the PDF"
    assert [row for row in rows if row not in text] == []
    assert quote is None or squashed(quote)[:60] in text, "the quotes are not printed"
    assert screen_only and [control for control in screen_only if control in text] == []


def head(html: str) -> dict[str, str]:
    """<title> and the <meta> name/property → content pairs of a page."""
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title, "the page has no <title>"
    tags = {"title": title.group(1).strip()}
    for attributes in re.findall(r"<meta ([^>]+)>", html):
        key = re.search(r'(?:name|property)="([^"]+)"', attributes)
        value = re.search(r'content="([^"]*)"', attributes)
        if key and value:
            tags[key.group(1)] = value.group(1)
    return tags


@pytest.mark.parametrize("site_page", PAGES, ids=[page.name for page in PAGES])
def test_every_page_has_a_title_and_description_of_its_own_in_each_language(
    client, seeded, site_page
):
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
def test_a_shared_verdict_names_the_verdict_in_its_open_graph_tags(client, seeded, language):
    if "verdict" not in BY_NAME:
        pytest.skip("no verdict page yet")
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
