"""Load the seed content into a new database; leave a database that has content alone."""

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from comparison.models import Source


class Command(BaseCommand):
    help = "Load the seed content (settings.SEED_FIXTURES) when the database has none yet."

    def handle(self, *args: Any, **options: Any) -> None:
        if Source.objects.exists():
            self.stdout.write("Content already present: seed fixtures not loaded, nothing changed.")
            return
        with transaction.atomic():
            for fixture in settings.SEED_FIXTURES:
                call_command("loaddata", fixture, verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(f"Seed content loaded: {', '.join(settings.SEED_FIXTURES)}.")
        )
