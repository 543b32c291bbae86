"""Load each seed fixture whose content the database does not have yet; never overwrite content."""

from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Load the seed content: each fixture in settings.SEED_FIXTURES whose model has no rows yet. "
        "A database an editor has worked on keeps every change."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        loaded = []
        with transaction.atomic():
            for fixture, model_label in settings.SEED_FIXTURES.items():
                if apps.get_model(model_label).objects.exists():
                    continue
                call_command("loaddata", fixture, verbosity=0)
                loaded.append(fixture)
        if loaded:
            self.stdout.write(self.style.SUCCESS(f"Seed content loaded: {', '.join(loaded)}."))
        else:
            self.stdout.write("Content already present: seed fixtures not loaded, nothing changed.")
