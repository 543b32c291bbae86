"""The Hardware and Host steps' paste box: what it fills in, what it refuses, where it leaves the
visitor, and that it reads what a browser sends in every language."""

from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.test import Client

from tests import detect_samples as paste
from tests.html import attribute, elements

pytestmark = pytest.mark.usefixtures("seeded")


def detect_post(client, text: str, **answers: str):
    return client.post("/en/advisor/detect/", {"text": text, **answers})


def test_detect_fills_the_hardware_and_host_answers_for_the_visitor_to_confirm(client):
    response = detect_post(client, paste.INTEL_LSCPU + paste.RHEL_OS_RELEASE, priority="maturity")
    assert response.status_code == 303
    path, query = (
        urlsplit(response["Location"]).path,
        parse_qsl(urlsplit(response["Location"]).query),
    )
    assert path == "/en/advisor/"
    assert {
        ("cpu_arch", "x86_64"),
        ("hw_virt", "yes"),
        ("host_os", "rhel"),
        ("priority", "maturity"),
    } <= set(query)
    page = client.get(response["Location"])
    assert "Read from your text — please check the answers below:" in page.text
    assert 'value="x86_64" checked' in page.text


def test_detect_in_a_virtual_machine_answers_unknown_and_says_why(client):
    page = client.get(detect_post(client, paste.KVM_GUEST_LSCPU)["Location"])
    assert 'name="hw_virt" id="hw_virt-unknown" value="unknown" checked' in page.text
    assert "This text comes from a virtual machine" in page.text


def test_detect_refuses_more_than_64_kilobytes(client):
    response = detect_post(client, paste.INTEL_LSCPU * 60)
    assert response.status_code == 413
    assert "That is more than 64 KB." in response.text
    assert "GenuineIntel" not in response.text


def test_detect_says_so_when_nothing_is_recognised(client):
    response = detect_post(client, "<b>just some text</b>")
    assert response.status_code == 200
    assert "Nothing in this text looks like lscpu" in response.text
    assert "&lt;b&gt;just some text&lt;/b&gt;" in response.text


def test_detect_refuses_tampered_answers(client):
    assert detect_post(client, paste.INTEL_LSCPU, cpu_arch="sparc").status_code == 400


@pytest.mark.parametrize("language", ["ru", "es", "en"])
def test_the_former_paste_address_leads_to_the_paste_box_keeping_the_answers(client, language):
    # A reload or a language switch on the old address used to answer a bare 405.
    response = client.get(f"/{language}/advisor/detect/?priority=maturity&cpu_arch=ia64")
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/advisor/?cpu_arch=ia64&priority=maturity"


@pytest.mark.parametrize(("language", "other"), [("ru", "es"), ("es", "en"), ("en", "ru")])
def test_a_refused_paste_leaves_the_visitor_on_the_steps_own_address(client, language, other):
    step = f"/{language}/advisor/?cpu_arch=ia64&priority=maturity"
    page = client.get(step)
    posted_to = [
        attribute(f, "action")
        for f in elements(page.text, "form")
        if attribute(f, "method") == "post"
    ]
    assert posted_to == [step]
    response = client.post(step, {"text": "just some text"})
    assert response.status_code == 200
    assert response.context["detect_form"].has_error("text", "unrecognised")
    # The language switcher leads to the same step, answers kept, and that page answers a GET.
    switched = f"/{other}/advisor/?cpu_arch=ia64&amp;priority=maturity"
    assert f'<a href="{switched}"' in response.text
    assert client.get(switched.replace("&amp;", "&")).status_code == 200


def test_the_host_step_reads_the_distribution_from_os_release(client):
    page = client.get("/es/advisor/host/?cpu_arch=x86_64")
    assert "/etc/os-release" in page.context["detect_form"]["text"].label
    assert 'action="/es/advisor/host/?cpu_arch=x86_64"' in page.text
    response = client.post("/es/advisor/host/?cpu_arch=x86_64", {"text": paste.RHEL_OS_RELEASE})
    assert response.status_code == 303
    assert response["Location"] == "/es/advisor/host/?cpu_arch=x86_64&host_os=rhel&detected=host_os"


def test_detect_needs_the_csrf_token():
    assert (
        Client(enforce_csrf_checks=True)
        .post("/en/advisor/detect/", {"text": paste.INTEL_LSCPU})
        .status_code
        == 403
    )


def browser_post(client, text: str, language: str = "en"):
    """The detect form as a browser sends it: url-encoded, every line ending in CRLF."""
    body = urlencode({"text": text.replace("\n", "\r\n")})
    return client.post(
        f"/{language}/advisor/detect/", body, content_type="application/x-www-form-urlencoded"
    )


def found_answers(response) -> set[tuple[str, str]]:
    assert response.status_code == 303
    return set(parse_qsl(urlsplit(response["Location"]).query))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            paste.RUSSIAN_LSCPU + paste.ROCKY_OS_RELEASE,
            {("cpu_arch", "x86_64"), ("hw_virt", "yes"), ("host_os", "rhel")},
        ),
        (
            paste.SPANISH_LSCPU + paste.MIRACLE_OS_RELEASE,
            {("cpu_arch", "x86_64"), ("hw_virt", "yes"), ("host_os", "rhel")},
        ),
        (
            paste.SPANISH_RASPBERRY_PI_LSCPU + paste.UBUNTU_OS_RELEASE,
            {("cpu_arch", "arm64"), ("host_os", "other_linux")},
        ),
        (paste.ARM_CPUINFO, {("cpu_arch", "arm64")}),
        (paste.RASPBERRY_PI_2_LSCPU, {("cpu_arch", "arm32")}),
        (paste.RASPBERRY_PI_2_CPUINFO, {("cpu_arch", "arm32")}),
        (paste.RASPBERRY_PI_ZERO_LSCPU, {("cpu_arch", "arm32")}),
        (
            paste.XEN_DOM0_LSCPU,
            {("cpu_arch", "x86_64"), ("hw_virt", "unknown"), ("existing", "xen_in_use")},
        ),
    ],
    ids=[
        "russian+rocky",
        "spanish+miracle",
        "spanish-aarch64+ubuntu",
        "armv8-cpuinfo",
        "armv7l",
        "armv7-cpuinfo",
        "armv6l",
        "xen-dom0",
    ],
)
def test_the_form_reads_what_a_browser_sends(client, text, expected):
    assert expected <= found_answers(browser_post(client, text))


@pytest.mark.parametrize(
    ("language", "sample_text", "explanation"),
    [
        ("en", paste.XEN_DOM0_LSCPU, "control domain (dom0)"),
        ("ru", paste.XEN_DOM0_RUSSIAN_LSCPU, "управляющем домене (dom0) хоста Xen"),
        ("es", paste.XEN_DOM0_SPANISH_LSCPU, "dominio de control (dom0) de un anfitrión Xen"),
    ],
)
def test_a_xen_host_is_explained_not_read_as_lacking_vt(client, language, sample_text, explanation):
    page = client.get(browser_post(client, sample_text, language)["Location"])
    assert 'name="hw_virt" id="hw_virt-unknown" value="unknown" checked' in page.text
    assert "xl info | grep virt_caps" in page.text
    assert explanation in page.text
