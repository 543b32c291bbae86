"""Today's reading for the seeded rules an editor has not changed, and the new answer codes.

For a database seeded before two readings (a new one has no questions yet here, and the seed
brings everything):
- a seeded rule that still has the old seed's effect and points gets today's, as the checked facts
  give them (the two-readings migration had copied the old values into both readings);
- `cpu_arch` gains `arm64` and `arm32` and retires `arm` (old links keep working), `vendor` gains
  `xcp_ng` and `proxmox`; the rule that read "KVM is x86 only" covers the two ARM widths.
`manage.py seed` then adds the seed's rules the database does not have yet.
"""

from django.db import migrations

# code: (old seed effect, old points, today's effect, today's points, hypervisor)
TODAY = {
    "kvm-x86-only": ("block", 0, "off", 0, "kvm"),
    "xen-performance": ("prefer", 2, "off", 0, "xen"),
    "xen-maturity": ("prefer", 2, "off", 0, "xen"),
    "xen-suse-host": ("prefer", 1, "off", 0, "xen"),
    "xen-live-migration": ("prefer", 1, "off", 0, "xen"),
    "kvm-rhel-host": ("prefer", 1, "prefer", 3, "kvm"),
}

OPTIONS = {
    "cpu_arch": [
        ("arm64", 3, "64-bit ARM (AArch64, ARMv8 or later)", "64-битный ARM (AArch64, ARMv8 и новее)", "ARM de 64 bits (AArch64, ARMv8 o posterior)"),
        ("arm32", 4, "32-bit ARM (ARMv7 or older)", "32-битный ARM (ARMv7 и старше)", "ARM de 32 bits (ARMv7 o anterior)"),
    ],
    "vendor": [
        ("xcp_ng", 3, "Vates (XCP-ng)", "Vates (XCP-ng)", "Vates (XCP-ng)"),
        ("proxmox", 4, "Proxmox", "Proxmox", "Proxmox"),
    ],
}


def today_readings(apps, schema_editor):
    Rule = apps.get_model("advisor", "Rule")
    Option = apps.get_model("advisor", "Option")
    Question = apps.get_model("advisor", "Question")
    for code, (old, old_points, effect, points, side) in TODAY.items():
        Rule.objects.filter(
            code=code, effect=old, points=old_points, articles_effect=old, articles_points=old_points
        ).update(effect=effect, points=points, hypervisor=side)
    # Per the articles, 32-bit x86 was one of Xen's architectures; today it rules Xen out.
    Rule.objects.filter(code="xen-no-32bit-host", effect="warn", articles_effect="warn").update(
        effect="block", hypervisor="xen", articles_effect="off"
    )
    for question_code, options in OPTIONS.items():
        question = Question.objects.filter(code=question_code).first()
        if question is None:
            continue
        for code, order, en, ru, es in options:
            Option.objects.get_or_create(
                question=question,
                code=code,
                defaults={"order": order, "label": en, "label_en": en, "label_ru": ru, "label_es": es},
            )
    Option.objects.filter(question__code="cpu_arch", code="arm").update(retired=True)
    arm = Option.objects.filter(question__code="cpu_arch", code__in=["arm64", "arm32"])
    for rule in Rule.objects.filter(code="kvm-x86-only", conditions__code="arm"):
        rule.conditions.add(*arm)


class Migration(migrations.Migration):
    dependencies = [("advisor", "0003_two_readings"), ("comparison", "0004_today_edges")]

    operations = [migrations.RunPython(today_readings, migrations.RunPython.noop)]
