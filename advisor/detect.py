"""Read the Hardware answers from pasted `lscpu`, `/proc/cpuinfo` and `/etc/os-release` output. Pure.

What is read, and why this way:

- the architecture from lscpu's "Architecture:" line (in English, Russian or Spanish: lscpu
  translates its labels, never its values); from /proc/cpuinfo, which has no such line, it is
  inferred: x86 flags with `lm` (long mode) mean a 64-bit x86 CPU, ARM's "CPU architecture:" and
  Itanium's "arch : IA-64" lines name theirs;
- hardware virtualization from the `vmx` (Intel VT-x) and `svm` (AMD-V) flags, or lscpu's
  "Virtualization: VT-x/AMD-V" line. A virtual machine (lscpu's "Hypervisor vendor:" or the
  `hypervisor` flag) usually hides them, so there the answer is "unknown", not "no". So does a Xen
  host's control domain (dom0): lscpu names Xen as the hypervisor vendor there, with the
  virtualization type "none", and /proc/xen/capabilities says `control_d`. ARM and Itanium have no
  such flags, so the answer is left alone;
- the host's distribution family from os-release's ID and ID_LIKE (quoted or not).

The text is read one line at a time with `str.partition` and set look-ups, never a regular
expression, and every line is cut at MAX_LINE characters: the time taken grows with the length of
the text and nothing else, whatever its shape (a 64 KB paste of one line, of empty lines, of `=` or
of `:` takes about as long as a real one).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

MAX_BYTES = 64 * 1024
# The longest real line is x86's flags list: about 1,800 characters on a 2024 server CPU.
MAX_LINE = 4096

ARCHITECTURES = {
    "x86_64": "x86_64",
    "amd64": "x86_64",
    "i386": "x86_32",
    "i486": "x86_32",
    "i586": "x86_32",
    "i686": "x86_32",
    "aarch64": "arm64",
    "arm64": "arm64",
    # A 32-bit kernel on an ARMv8 processor: the processor itself can run a 64-bit host.
    "armv8l": "arm64",
    "armv7l": "arm32",
    "armv6l": "arm32",
    "armv5tel": "arm32",
    "armv5tejl": "arm32",
    "ia64": "ia64",
}

# lscpu's labels in its English, Russian and Spanish catalogues (util-linux po/ru.po, po/es.po),
# casefolded, without the colon. /proc/cpuinfo's labels are never translated.
LABELS = {
    "architecture": "architecture",
    "архитектура": "architecture",
    "arquitectura": "architecture",
    "flags": "flags",
    "флаги": "flags",
    "indicadores": "flags",
    "virtualization": "virtualization",
    "виртуализация": "virtualization",
    "virtualización": "virtualization",
    "hypervisor vendor": "hypervisor",
    "разработчик гипервизора": "hypervisor",
    "fabricante del hipervisor": "hypervisor",
    "virtualization type": "virt_type",
    "тип виртуализации": "virt_type",
    "tipo de virtualización": "virt_type",
    "cpu architecture": "arm_version",  # ARM's /proc/cpuinfo: "7", "8" or "AArch64"
    "arch": "ia64_arch",  # Itanium's /proc/cpuinfo: "IA-64"
    "family": "ia64_family",  # Itanium's /proc/cpuinfo: "Itanium 2"
}
# lscpu's "Virtualization type:" values for a guest ("para", "full"; "полный", "lleno") in its
# three languages; anything else under Xen ("none", "нет", "ninguno") is the control domain.
GUEST_TYPES = {"para", "full", "полный", "lleno", "container", "контейнер", "contenedor"}

RHEL_FAMILY = {"rhel", "centos", "fedora", "rocky", "almalinux", "ol", "amzn", "scientific"}
SUSE_FAMILY = {"suse", "opensuse", "sles", "sled", "opensuse-leap", "opensuse-tumbleweed"}
NOT_LINUX = {"freebsd", "netbsd", "openbsd", "dragonfly", "illumos", "solaris", "omnios"}


@dataclass(frozen=True)
class Detection:
    answers: dict[str, str]  # question code → option code
    # "virtual-machine", "xen-dom0", "no-flags", "no-virt-flags"
    notes: tuple[str, ...] = ()

    @property
    def recognised(self) -> bool:
        return bool(self.answers or self.notes)


@dataclass
class _Fields:
    """What the lines said, label by label (first value wins, except flags, which add up)."""

    values: dict[str, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    os_ids: list[str] = field(default_factory=list)
    xen_control_domain: bool = False
    mentions_proc_xen: bool = False

    def read(self, line: str) -> None:
        line = line[:MAX_LINE]
        stripped = line.strip()
        if not stripped:
            return
        if stripped == "control_d":  # `cat /proc/xen/capabilities` in dom0
            self.xen_control_domain = True
            return
        if "/proc/xen" in line:  # a shell prompt or `ls -d /proc/xen`: a Xen kernel
            self.mentions_proc_xen = True
        key, equals, value = stripped.partition("=")
        if equals and key in ("ID", "ID_LIKE"):
            self.os_ids.extend(_unquote(value).casefold().split())
            return
        label, colon, value = stripped.partition(":")
        if not colon:
            return
        name = LABELS.get(" ".join(label.split()).casefold())
        if name == "flags":
            self.flags.update(value.casefold().split())
        elif name:
            self.values.setdefault(name, value.strip())


def _unquote(value: str) -> str:
    """os-release's shell-style value: `rocky`, `"rocky"` or `'rocky'`."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _lines(text: str) -> Iterable[str]:
    # splitlines() knows CRLF (what browsers send), CR and LF alike.
    return text.splitlines()


def _architecture(fields: _Fields) -> str | None:
    values = fields.values
    named = values.get("architecture", "").casefold()
    if named in ARCHITECTURES:
        return ARCHITECTURES[named]
    if "arm_version" in values:
        version = values["arm_version"].casefold()
        # "8" or later (or "AArch64", as kernels before 3.7 wrote it) is a 64-bit ARM processor.
        if version == "aarch64" or (version.isdigit() and int(version) >= 8):
            return "arm64"
        return "arm32"
    if (
        values.get("ia64_arch", "").upper() == "IA-64"
        or "itanium" in values.get("ia64_family", "").casefold()
    ):
        return "ia64"
    if fields.flags and not named:
        return "x86_64" if "lm" in fields.flags else "x86_32"
    return None


def _os_family(ids: list[str]) -> str | None:
    if not ids:
        return None
    found = set(ids)
    if found & RHEL_FAMILY:
        return "rhel"
    if found & SUSE_FAMILY or any(i.startswith("opensuse") for i in found):
        return "suse"
    if found & NOT_LINUX:
        return "non_linux"
    return "other_linux"


def _xen_dom0(fields: _Fields) -> bool:
    vendor = fields.values.get("hypervisor", "").casefold()
    guest = fields.values.get("virt_type", "").casefold() in GUEST_TYPES
    if fields.xen_control_domain:
        return True
    return (vendor == "xen" or fields.mentions_proc_xen) and not guest


def detect(text: str) -> Detection:
    """Whatever of cpu_arch, hw_virt, host_os (and, on a Xen host, existing) the text tells.

    Never raises; the time it takes grows linearly with the length of the text.
    """
    fields = _Fields()
    for line in _lines(text):
        fields.read(line)
    flags = fields.flags
    virtualization = fields.values.get("virtualization", "").casefold()
    answers: dict[str, str] = {}
    notes: list[str] = []
    arch = _architecture(fields)
    if arch:
        answers["cpu_arch"] = arch
    dom0 = _xen_dom0(fields)
    in_vm = "hypervisor" in fields.values or "hypervisor" in flags
    if flags & {"vmx", "svm"} or "vt-x" in virtualization or "amd-v" in virtualization:
        answers["hw_virt"] = "yes"
    elif dom0:
        answers["hw_virt"] = "unknown"
        notes.append("xen-dom0")
    elif arch in ("x86_64", "x86_32"):
        if in_vm:
            answers["hw_virt"] = "unknown"
            notes.append("virtual-machine")
        elif flags:
            answers["hw_virt"] = "no"
        else:
            notes.append("no-flags")
    elif arch in ("arm64", "arm32", "ia64"):
        notes.append("no-virt-flags")
    if dom0:
        answers["existing"] = "xen_in_use"
    family = _os_family(fields.os_ids)
    if family:
        answers["host_os"] = family
    return Detection(answers, tuple(notes))
