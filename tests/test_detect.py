"""Reading the Hardware answers from pasted lscpu, /proc/cpuinfo and /etc/os-release output
(the form that sends it: test_detect_form.py)."""

import time

import pytest

from advisor.detect import detect
from tests.detect_samples import (
    AMD_CPUINFO,
    ARM_CPUINFO,
    ATOM_N270_CPUINFO,
    DEBIAN_OS_RELEASE,
    FREEBSD_OS_RELEASE,
    INTEL_LSCPU,
    KVM_GUEST_LSCPU,
    MIRACLE_OS_RELEASE,
    OPENSUSE_OS_RELEASE,
    RASPBERRY_PI_2_CPUINFO,
    RASPBERRY_PI_2_LSCPU,
    RASPBERRY_PI_LSCPU,
    RASPBERRY_PI_ZERO_LSCPU,
    RHEL_OS_RELEASE,
    ROCKY_OS_RELEASE,
    RUSSIAN_LSCPU,
    SPANISH_LSCPU,
    SPANISH_RASPBERRY_PI_LSCPU,
    UBUNTU_OS_RELEASE,
    XEN_DOM0,
    XEN_DOM0_LSCPU,
    XEN_DOM0_RUSSIAN_LSCPU,
    XEN_DOM0_SPANISH_LSCPU,
)


@pytest.mark.parametrize(
    ("text", "answers", "notes"),
    [
        (INTEL_LSCPU, {"cpu_arch": "x86_64", "hw_virt": "yes"}, ()),
        (AMD_CPUINFO, {"cpu_arch": "x86_64", "hw_virt": "yes"}, ()),
        (ATOM_N270_CPUINFO, {"cpu_arch": "x86_32", "hw_virt": "no"}, ()),
        (RASPBERRY_PI_LSCPU, {"cpu_arch": "arm64"}, ("no-virt-flags",)),
        (ARM_CPUINFO, {"cpu_arch": "arm64"}, ("no-virt-flags",)),
        (RASPBERRY_PI_2_LSCPU, {"cpu_arch": "arm32"}, ("no-virt-flags",)),
        (RASPBERRY_PI_2_CPUINFO, {"cpu_arch": "arm32"}, ("no-virt-flags",)),
        (RASPBERRY_PI_ZERO_LSCPU, {"cpu_arch": "arm32"}, ("no-virt-flags",)),
        (KVM_GUEST_LSCPU, {"cpu_arch": "x86_64", "hw_virt": "unknown"}, ("virtual-machine",)),
        (RHEL_OS_RELEASE, {"host_os": "rhel"}, ()),
        (OPENSUSE_OS_RELEASE, {"host_os": "suse"}, ()),
        (DEBIAN_OS_RELEASE, {"host_os": "other_linux"}, ()),
        (FREEBSD_OS_RELEASE, {"host_os": "non_linux"}, ()),
        (ROCKY_OS_RELEASE, {"host_os": "rhel"}, ()),
        (MIRACLE_OS_RELEASE, {"host_os": "rhel"}, ()),
        (UBUNTU_OS_RELEASE, {"host_os": "other_linux"}, ()),
        (RUSSIAN_LSCPU, {"cpu_arch": "x86_64", "hw_virt": "yes"}, ()),
        (SPANISH_LSCPU, {"cpu_arch": "x86_64", "hw_virt": "yes"}, ()),
        (SPANISH_RASPBERRY_PI_LSCPU, {"cpu_arch": "arm64"}, ("no-virt-flags",)),
        (XEN_DOM0_LSCPU, XEN_DOM0, ("xen-dom0",)),
        (XEN_DOM0_RUSSIAN_LSCPU, XEN_DOM0, ("xen-dom0",)),
        (XEN_DOM0_SPANISH_LSCPU, XEN_DOM0, ("xen-dom0",)),
    ],
    ids=[
        "intel-vmx",
        "amd-svm",
        "old-atom",
        "aarch64-lscpu",
        "armv8-cpuinfo",
        "armv7l-lscpu",
        "armv7-cpuinfo",
        "armv6l-lscpu",
        "kvm-guest",
        "rhel",
        "opensuse",
        "debian",
        "freebsd",
        "rocky-quoted",
        "rhel-like-by-id_like",
        "ubuntu",
        "russian-lscpu",
        "spanish-lscpu",
        "spanish-aarch64-lscpu",
        "xen-dom0",
        "xen-dom0-russian",
        "xen-dom0-spanish",
    ],
)
def test_it_reads_the_hardware_answers_from_real_output(text, answers, notes):
    found = detect(text)
    assert (found.answers, found.notes) == (answers, notes)


def test_it_reads_lscpu_and_os_release_pasted_together():
    found = detect(INTEL_LSCPU + "\n" + OPENSUSE_OS_RELEASE)
    assert found.answers == {"cpu_arch": "x86_64", "hw_virt": "yes", "host_os": "suse"}


def test_a_virtual_machine_that_passes_vmx_through_counts_as_having_it():
    nested = KVM_GUEST_LSCPU.replace(" hypervisor ", " hypervisor vmx ")
    assert detect(nested).answers["hw_virt"] == "yes"


def test_lscpu_virtualization_line_is_enough_without_flags():
    text = "Architecture: x86_64\nVirtualization: AMD-V\n"
    assert detect(text).answers == {"cpu_arch": "x86_64", "hw_virt": "yes"}


def test_an_architecture_without_flags_leaves_hardware_virtualization_open():
    found = detect("Architecture:  i686\n")
    assert (found.answers, found.notes) == ({"cpu_arch": "x86_32"}, ("no-flags",))


def test_itanium_cpuinfo_is_recognised():
    text = "processor  : 0\nvendor     : GenuineIntel\narch       : IA-64\nfamily     : Itanium 2\n"
    assert detect(text).answers == {"cpu_arch": "ia64"}


@pytest.mark.parametrize(
    "text", ["", "hello world", "<script>alert(1)</script>", "Architecture: sparc64\n"]
)
def test_text_without_anything_known_is_not_recognised(text):
    assert not detect(text).recognised


@pytest.mark.parametrize("line_end", ["\r\n", "\r"], ids=["crlf", "cr"])
@pytest.mark.parametrize(
    "text",
    [INTEL_LSCPU, RASPBERRY_PI_LSCPU, ARM_CPUINFO, RUSSIAN_LSCPU, XEN_DOM0_LSCPU, ROCKY_OS_RELEASE],
    ids=["intel", "aarch64", "armv8-cpuinfo", "russian", "xen-dom0", "rocky"],
)
def test_windows_and_old_mac_line_ends_read_the_same_as_unix_ones(text, line_end):
    assert detect(text.replace("\n", line_end)) == detect(text)


@pytest.mark.parametrize(
    ("line", "family"),
    [
        ("ID='rocky'", "rhel"),
        ('ID="opensuse-tumbleweed"  ', "suse"),
        ('ID=sle-micro\nID_LIKE="suse"', "suse"),
        ('ID="eurolinux"\nID_LIKE="rhel fedora centos"', "rhel"),
        ('ID="ubuntu"', "other_linux"),
    ],
)
def test_os_release_ids_are_read_quoted_or_not_and_through_id_like(line, family):
    assert detect(line).answers == {"host_os": family}


def test_xen_control_domain_capabilities_say_dom0():
    found = detect("$ cat /proc/xen/capabilities\r\ncontrol_d\r\n")
    assert (found.answers, found.notes) == (
        {"hw_virt": "unknown", "existing": "xen_in_use"},
        ("xen-dom0",),
    )


def test_a_xen_guest_is_a_virtual_machine_not_a_xen_host():
    guest = XEN_DOM0_LSCPU.replace("Virtualization type:   none", "Virtualization type:   para")
    found = detect(guest)
    assert (found.answers, found.notes) == (
        {"cpu_arch": "x86_64", "hw_virt": "unknown"},
        ("virtual-machine",),
    )


def test_a_xen_host_that_shows_the_flags_counts_as_having_them():
    shown = XEN_DOM0_LSCPU.replace(" hypervisor ", " hypervisor vmx ")
    assert detect(shown).answers["hw_virt"] == "yes"


SIXTY_FOUR_KB = 64 * 1024


@pytest.mark.parametrize(
    "text",
    [
        "ID=" + " " * (SIXTY_FOUR_KB - 5) + '"x',
        "Architecture:" + " " * (SIXTY_FOUR_KB - 14) + "x",
        "Flags: " + "vmx " * (SIXTY_FOUR_KB // 4),
        "x" * SIXTY_FOUR_KB,
        "\n" * SIXTY_FOUR_KB,
        "\r\n" * (SIXTY_FOUR_KB // 2),
        "ID=x\n" * (SIXTY_FOUR_KB // 5),
        "=" * SIXTY_FOUR_KB,
        "ID" + "=" * (SIXTY_FOUR_KB - 2),
        ":" * SIXTY_FOUR_KB,
        "Flags" + ":" * (SIXTY_FOUR_KB - 5),
        ":\n" * (SIXTY_FOUR_KB // 2),
        "a b " * (SIXTY_FOUR_KB // 4),
    ],
    ids=[
        "spaces-after-id",
        "spaces-after-label",
        "one-long-flags-line",
        "one-long-line",
        "many-lines",
        "many-crlf",
        "many-os-release-lines",
        "many-equals",
        "id-then-equals",
        "many-colons",
        "label-then-colons",
        "many-colon-lines",
        "many-words",
    ],
)
def test_no_64_kilobyte_text_takes_long_whatever_its_shape(text):
    # The one timed test: a regular expression that backtracked took 13-24 s on the first case.
    # CPU time of this thread, best of three: a busy machine (other processes) does not decide it.
    timings = []
    for _ in range(3):
        started = time.thread_time()
        detect(text)
        timings.append(time.thread_time() - started)
    assert min(timings) < 0.05
