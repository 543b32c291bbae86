"""Migrating a database that has an editor's content keeps it, and fills the two readings from it.

Schema migrations need a real transaction, so these tests run outside the usual rolled-back one
and leave an empty database behind; the tests that need the seed content ask for `seeded`.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import text_in

BEFORE = [("comparison", "0002_editors_group"), ("advisor", "0002_editors_group")]
AFTER = [("comparison", "0003_two_readings"), ("advisor", "0003_two_readings")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture(autouse=True)
def _back_to_the_latest_migrations():
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_the_two_readings_migration_keeps_the_editors_text_and_fills_both_readings():
    old = _migrate(BEFORE)
    topic = old.get_model("comparison", "Topic").objects.create(slug="t", title_en="Topic")
    row = old.get_model("comparison", "Criterion").objects.create(
        topic=topic,
        slug="edited-row",
        title_en="Edited row",
        xen_en="Xen cell",
        kvm_en="KVM cell",
        edge="xen",
        note_en="An editor's note",
        note_ru="Примечание редактора",
    )
    rule = old.get_model("advisor", "Rule").objects.create(
        code="edited-rule",
        effect="prefer",
        hypervisor="xen",
        points=3,
        reason_en="An editor's reason",
        reason_es="El motivo de un editor",
        note_en="An editor's rule note",
        criterion_id=row.pk,
    )

    new = _migrate(AFTER)
    row = new.get_model("comparison", "Criterion").objects.get(pk=row.pk)
    rule = new.get_model("advisor", "Rule").objects.get(pk=rule.pk)
    assert (row.articles_edge, row.edge) == ("xen", "xen")
    assert (row.note_en, row.note_ru, row.xen_en) == (
        "An editor's note",
        "Примечание редактора",
        "Xen cell",
    )
    assert (rule.articles_effect, rule.articles_points) == ("prefer", 3)
    assert (rule.effect, rule.points) == ("prefer", 3)
    assert (rule.reason_en, rule.reason_es) == ("An editor's reason", "El motivo de un editor")
    assert rule.note_en == "An editor's rule note"
    assert rule.today_reason_en in ("", None)


@pytest.mark.django_db(transaction=True)
def test_going_back_keeps_what_the_articles_said_for_a_rule_that_is_off_today():
    call_command("seed", verbosity=0)
    new = _migrate(AFTER)
    Rule = new.get_model("advisor", "Rule")
    rule = Rule.objects.get(code="xen-performance")
    assert (rule.effect, rule.articles_effect, rule.articles_points) == ("off", "prefer", 2)
    old = _migrate(BEFORE)
    rule = old.get_model("advisor", "Rule").objects.get(code="xen-performance")
    assert (rule.effect, rule.points) == ("prefer", 2)


NEW_RULES = ["kvm-no-arm32", "xen-no-itanium", "xen-pv-guests-only", "kvm-proxmox", "xen-xcp-ng"]


@pytest.mark.django_db(transaction=True)
def test_a_database_seeded_before_two_readings_gets_todays_reading_and_the_new_codes(client):
    call_command("seed", verbosity=0)
    old = _migrate(BEFORE)
    # What a database seeded by the one-reading site holds: no new codes or rules, old values.
    Rule = old.get_model("advisor", "Rule")
    Rule.objects.filter(code__in=[*NEW_RULES, "find-out-arm-width"]).delete()
    old.get_model("advisor", "Option").objects.filter(
        code__in=["arm64", "arm32", "xcp_ng", "proxmox"]
    ).delete()
    Rule.objects.filter(code="kvm-rhel-host").update(points=1)
    Rule.objects.filter(code="xen-no-32bit-host").update(effect="warn", hypervisor="")
    Rule.objects.filter(code="xen-citrix").update(reason_en="An editor's own reason.", points=2)
    Criterion = old.get_model("comparison", "Criterion")
    Criterion.objects.filter(slug__in=["performance", "cpu-architectures"]).update(edge="xen")
    Criterion.objects.filter(slug="isolation").update(edge="tie")  # an editor's change

    _migrate([*AFTER, ("comparison", "0004_today_edges"), ("advisor", "0004_today_readings")])
    call_command("seed", add_missing=True, verbosity=0)

    from advisor.models import Option
    from advisor.models import Rule as CurrentRule
    from comparison.models import Criterion as CurrentCriterion

    edges = dict(CurrentCriterion.objects.values_list("slug", "edge"))
    assert (edges["performance"], edges["cpu-architectures"], edges["isolation"]) == (
        "tie",
        "kvm",
        "tie",
    )
    rules = {r.code: r for r in CurrentRule.objects.all()}
    assert set(NEW_RULES) <= set(rules)
    assert (rules["xen-performance"].effect, rules["kvm-rhel-host"].points) == ("off", 3)
    assert (text_in(rules["xen-citrix"], "reason", "en"), rules["xen-citrix"].points) == (
        "An editor's own reason.",
        2,
    )
    assert Option.objects.get(question__code="cpu_arch", code="arm").retired
    api = client.get("/api/v1/verdict?cpu_arch=ia64&hw_virt=yes").json()
    assert (api["verdict"], api["articles"]["verdict"]) == ("none", "xen")
    assert (
        client.get("/api/v1/verdict?cpu_arch=arm32&existing=new_server").json()["verdict"] == "xen"
    )
