"""Read the Hardware answers from pasted `lscpu`, `/proc/cpuinfo` and `/etc/os-release` output. Pure.

What is read, and why this way:

- the architecture from lscpu's "Architecture:" line; from /proc/cpuinfo, which has no such line, it
  is inferred: x86 flags with `lm` (long mode) mean a 64-bit x86 CPU, ARM's "CPU architecture:" and
  Itanium's "arch : IA-64" lines name theirs;
- hardware virtualization from the `vmx` (Intel VT-x) and `svm` (AMD-V) flags, or lscpu's
  "Virtualization: VT-x/AMD-V" line. A virtual machine (lscpu's "Hypervisor vendor:" or the
  `hypervisor` flag) usually hides them, so there the answer is "unknown", not "no". ARM and
  Itanium have no such flags, so the answer is left alone;
- the host's distribution family from os-release's ID and ID_LIKE.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_BYTES = 64 * 1024

ARCHITECTURES = {
    "x86_64": "x86_64",
    "amd64": "x86_64",
    "i386": "x86_32",
    "i486": "x86_32",
    "i586": "x86_32",
    "i686": "x86_32",
    "aarch64": "arm",
    "arm64": "arm",
    "armv6l": "arm",
    "armv7l": "arm",
    "armv8l": "arm",
    "ia64": "ia64",
}
RHEL_FAMILY = {"rhel", "centos", "fedora", "rocky", "almalinux", "ol", "amzn", "scientific"}
SUSE_FAMILY = {"suse", "opensuse", "sles", "sled", "opensuse-leap", "opensuse-tumbleweed"}
NOT_LINUX = {"freebsd", "netbsd", "openbsd", "dragonfly", "illumos", "solaris", "omnios"}


@dataclass(frozen=True)
class Detection:
    answers: dict[str, str]  # question code → option code
    notes: tuple[str, ...] = ()  # "virtual-machine", "no-flags", "no-virt-flags"

    @property
    def recognised(self) -> bool:
        return bool(self.answers or self.notes)


def _lines(text: str, pattern: str) -> list[str]:
    return re.findall(
        rf"^[ \t]*{pattern}[ \t]*:[ \t]*(.*?)[ \t]*$", text, re.MULTILINE | re.IGNORECASE
    )


def _architecture(text: str, flags: set[str]) -> str | None:
    for value in _lines(text, "Architecture"):
        if value.lower() in ARCHITECTURES:
            return ARCHITECTURES[value.lower()]
    cpu_architecture = _lines(text, "CPU architecture")
    if cpu_architecture:  # ARM's /proc/cpuinfo: "7", "8" or "AArch64"
        return "arm"
    if any(v.upper() == "IA-64" for v in _lines(text, "arch")) or any(
        "itanium" in v.lower() for v in _lines(text, "family")
    ):
        return "ia64"
    if flags:
        return "x86_64" if "lm" in flags else "x86_32"
    return None


def _os_family(text: str) -> str | None:
    fields = dict(re.findall(r"^(ID|ID_LIKE)=[\"']?([^\"'\n]*)[\"']?[ \t]*$", text, re.MULTILINE))
    if not fields:
        return None
    ids = set(fields.get("ID", "").lower().split()) | set(fields.get("ID_LIKE", "").lower().split())
    if ids & RHEL_FAMILY:
        return "rhel"
    if ids & SUSE_FAMILY or any(i.startswith("opensuse") for i in ids):
        return "suse"
    if ids & NOT_LINUX:
        return "non_linux"
    return "other_linux"


def detect(text: str) -> Detection:
    """Whatever of cpu_arch, hw_virt and host_os the text tells. Never raises."""
    # lscpu says "Flags:", x86 /proc/cpuinfo says "flags" (once per CPU), ARM says "Features".
    flags = {flag for line in _lines(text, "flags") for flag in line.lower().split()}
    virtualization = " ".join(_lines(text, "Virtualization")).lower()
    in_vm = bool(_lines(text, "Hypervisor vendor")) or "hypervisor" in flags
    answers: dict[str, str] = {}
    notes: list[str] = []
    arch = _architecture(text, flags)
    if arch:
        answers["cpu_arch"] = arch
    if arch in ("x86_64", "x86_32"):
        if flags & {"vmx", "svm"} or "vt-x" in virtualization or "amd-v" in virtualization:
            answers["hw_virt"] = "yes"
        elif in_vm:
            answers["hw_virt"] = "unknown"
            notes.append("virtual-machine")
        elif flags:
            answers["hw_virt"] = "no"
        else:
            notes.append("no-flags")
    elif arch in ("arm", "ia64"):
        notes.append("no-virt-flags")
    family = _os_family(text)
    if family:
        answers["host_os"] = family
    return Detection(answers, tuple(notes))
