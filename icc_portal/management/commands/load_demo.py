from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from core.notifications import muted


class Command(BaseCommand):
    help = "Loads the demo data of every app (idempotent): cities, accounts, practices, the Index, events."

    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            module_name = f"{config.name}.demo"
            if config.name.startswith("django") or find_spec(module_name) is None:
                continue
            # Demo data replays workflows (submissions, publications): nobody is e-mailed about them.
            with transaction.atomic(), muted():
                summary = import_module(module_name).load()
            self.stdout.write(f"{config.verbose_name}: {summary}")
