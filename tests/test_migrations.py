"""Migrating a database that has an editor's content keeps it, and fills the two readings from it.

Schema migrations need a real transaction, so these tests run outside the usual rolled-back one
and leave an empty database behind; the tests that need the seed content ask for `seeded`.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("comparison", "0002_editors_group"), ("advisor", "0002_editors_group")]
AFTER = [("comparison", "0003_two_readings"), ("advisor", "0003_two_readings")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


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
    _migrate(AFTER)
