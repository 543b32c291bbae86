"""Today's edge for the seeded rows an editor has not changed (a database seeded before two readings).

The two-readings migration copied each row's old edge into both readings. For the rows whose edge
the checked facts changed, a row still holding the seed's old edge gets today's edge; a row an
editor has changed keeps it. A new database has no rows yet here: the seed brings both readings.
"""

from django.db import migrations

# slug: (the old seed's edge, today's edge)
TODAY = {
    "cpu-architectures": ("xen", "kvm"),
    "old-cpus-atom": ("xen", "tie"),
    "performance": ("xen", "tie"),
    "isolation": ("xen", "depends"),
    "live-migration": ("xen", "tie"),
    "feature-maturity": ("xen", "tie"),
    "corporate-backing": ("tie", "kvm"),
}


def today_edges(apps, schema_editor):
    Criterion = apps.get_model("comparison", "Criterion")
    for slug, (old, today) in TODAY.items():
        Criterion.objects.filter(slug=slug, edge=old, articles_edge=old).update(edge=today)


class Migration(migrations.Migration):
    dependencies = [("comparison", "0003_two_readings")]

    operations = [migrations.RunPython(today_edges, migrations.RunPython.noop)]
