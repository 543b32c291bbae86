"""Real lscpu, /proc/cpuinfo and /etc/os-release output, kept byte for byte (tabs included) in
tests/samples/: what the detect tests paste."""

from pathlib import Path

SAMPLES = Path(__file__).parent / "samples"


def sample(name: str) -> str:
    return (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")


INTEL_LSCPU = sample("lscpu-intel-xeon-e2236")
AMD_CPUINFO = sample("cpuinfo-amd-epyc-7302p")
ATOM_N270_CPUINFO = sample("cpuinfo-intel-atom-n270")
RASPBERRY_PI_LSCPU = sample("lscpu-raspberry-pi-4")
ARM_CPUINFO = sample("cpuinfo-raspberry-pi-4")
KVM_GUEST_LSCPU = sample("lscpu-kvm-guest")
RHEL_OS_RELEASE = sample("os-release-rhel-9")
OPENSUSE_OS_RELEASE = sample("os-release-opensuse-leap-15")
DEBIAN_OS_RELEASE = sample("os-release-debian-12")
FREEBSD_OS_RELEASE = sample("os-release-freebsd-14")
ROCKY_OS_RELEASE = sample("os-release-rocky-9")
MIRACLE_OS_RELEASE = sample("os-release-miraclelinux-9")
UBUNTU_OS_RELEASE = sample("os-release-ubuntu-24.04")
RUSSIAN_LSCPU = sample("lscpu-intel-xeon-e2236-ru")
SPANISH_LSCPU = sample("lscpu-intel-xeon-e2236-es")
SPANISH_RASPBERRY_PI_LSCPU = sample("lscpu-raspberry-pi-4-es")
RASPBERRY_PI_2_LSCPU = sample("lscpu-raspberry-pi-2")
RASPBERRY_PI_2_CPUINFO = sample("cpuinfo-raspberry-pi-2")
RASPBERRY_PI_ZERO_LSCPU = sample("lscpu-raspberry-pi-zero")
XEN_DOM0_LSCPU = sample("lscpu-xen-dom0")
XEN_DOM0_RUSSIAN_LSCPU = sample("lscpu-xen-dom0-ru")
XEN_DOM0_SPANISH_LSCPU = sample("lscpu-xen-dom0-es")

XEN_DOM0 = {"cpu_arch": "x86_64", "hw_virt": "unknown", "existing": "xen_in_use"}
