"""Paper: the comparison and the verdict print as clean PDFs, in each language.
(The titles, descriptions and Open Graph tags pages share with: tests/test_page_heads.py.)"""

import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from tests.browser.pages import PRINTED, ids, pages, visit

# Interactive parts a printout must leave out.
SCREEN_ONLY = [".skip-link", ".site-header nav", ".no-print", ".btn"]


def pdf_text(pdf: bytes) -> str:
    """The text of every page of a PDF."""
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


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
