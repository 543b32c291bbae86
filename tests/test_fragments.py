"""Fragment or whole page: every htmx view answers an htmx request with its fragment only, and a
history-restore request (htmx lost its copy of the page) with the whole page, as a plain request."""

from collections import Counter

import pytest

from tests.html import attribute, elements

pytestmark = pytest.mark.usefixtures("seeded")

HX = {"HX-Request": "true"}
HISTORY_RESTORE = {**HX, "HX-History-Restore-Request": "true"}
# Each htmx view, and an id its fragment carries.
VIEWS = [
    ("/en/compare/?show=differences", "comparison-table"),
    ("/es/advisor/host/?cpu_arch=x86_64", "wizard"),
    ("/ru/advisor/verdict/?hw_virt=no&guest_os=linux", "verdict-result"),
]


@pytest.mark.parametrize(("url", "fragment_id"), VIEWS)
def test_an_htmx_request_gets_only_the_fragment(client, url, fragment_id):
    response = client.get(url, headers=HX)
    assert response.status_code == 200
    assert "<html" not in response.text
    assert f'id="{fragment_id}"' in response.text
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(("url", "fragment_id"), VIEWS)
def test_a_history_restore_gets_the_same_whole_page_as_a_plain_request(client, url, fragment_id):
    restored = client.get(url, headers=HISTORY_RESTORE)
    plain = client.get(url)
    assert restored.status_code == plain.status_code == 200
    assert restored.text.startswith("<!doctype html>")
    ids = Counter(
        value for element in elements(restored.text) if (value := attribute(element, "id"))
    )
    assert ids[fragment_id] == 1
    assert [value for value, count in ids.items() if count > 1] == []
    assert "hx-swap-oob" not in restored.text
