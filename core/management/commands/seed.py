"""Load the seed content the database does not have yet; never overwrite content.

A fixture whose model is empty is loaded whole. With `--add-missing` (once, after upgrading a
site whose database was seeded by an older version), a fixture already loaded adds its objects
named by natural key (advisor.json: steps, questions, options, rules) that the database lacks,
such as new answer codes and rules; every object already there stays as it is. It is not the
default because it would also bring back a seed object an editor has deleted on purpose.
"""

from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError, transaction


def _path(fixture: str) -> Path | None:
    for config in apps.get_app_configs():
        path = Path(config.path) / "fixtures" / f"{fixture}.json"
        if path.exists():
            return path
    return None


def add_missing(fixture: str) -> int:
    """Save the fixture's natural-key objects the database does not have; return how many."""
    path = _path(fixture)
    if path is None:
        return 0
    added, deferred = 0, []
    with path.open(encoding="utf-8") as stream:
        for item in serializers.deserialize("json", stream, handle_forward_references=True):
            # An object that has a pk already exists (found by its natural key) or is pk-based
            # (the comparison's rows): either way it is left alone.
            if item.object.pk is not None:
                continue
            try:
                # An object that needs something an editor has deleted is skipped, not an error.
                with transaction.atomic():
                    item.save()
            except DatabaseError:
                continue
            added += 1
            if item.deferred_fields:
                deferred.append(item)
    for item in deferred:
        try:
            with transaction.atomic():
                item.save_deferred_fields()
        except (DatabaseError, ObjectDoesNotExist):
            continue
    return added


class Command(BaseCommand):
    help = (
        "Load the seed content: each fixture in settings.SEED_FIXTURES whose model has no rows yet. "
        "A database an editor has worked on keeps every change."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--add-missing",
            action="store_true",
            help=(
                "Also add the seed's questions, options and rules (by code) that an existing "
                "database lacks, after an upgrade. Changes nothing that is there."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        loaded, added, app_labels = [], 0, set()
        with transaction.atomic():
            for fixture, model_label in settings.SEED_FIXTURES.items():
                model = apps.get_model(model_label)
                app_labels.add(model._meta.app_label)
                if model.objects.exists():
                    if options["add_missing"]:
                        added += add_missing(fixture)
                    continue
                call_command("loaddata", fixture, verbosity=0)
                loaded.append(fixture)
            if loaded or added:
                # The seeded content's first version (only for rows that have none), so the first
                # edit can be compared and reverted.
                call_command(
                    "createinitialrevisions",
                    *sorted(app_labels),
                    comment="Seed content.",
                    verbosity=0,
                )
        if loaded:
            self.stdout.write(self.style.SUCCESS(f"Seed content loaded: {', '.join(loaded)}."))
        if added:
            self.stdout.write(self.style.SUCCESS(f"New seed objects added: {added}."))
        if not loaded and not added:
            self.stdout.write("Content already present: seed fixtures not loaded, nothing changed.")
