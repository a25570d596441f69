from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from .backup import DATABASE_FILE, MEDIA_FILE


class Command(BaseCommand):
    help = (
        "Restores a folder written by `manage.py backup` into the configured database (DATABASE_URL: a new, empty "
        "one, or the current one, whose tables are replaced) and the default storage. Stop web, worker and beat first."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--no-input", action="store_false", dest="interactive", help="do not ask to confirm")

    def handle(self, folder, interactive=True, **options):
        folder = Path(folder)
        for name in (DATABASE_FILE, MEDIA_FILE):
            if not (folder / name).is_file():
                raise CommandError(f"{folder / name} is missing: is {folder} a backup folder?")
        quiet = {"verbosity": 0, "quiet": True, "interactive": interactive}
        call_command("dbrestore", input_path=str(folder / DATABASE_FILE), **quiet)
        call_command("mediarestore", input_path=str(folder / MEDIA_FILE), replace=True, **quiet)
        # Messages still pending in the backup are sent by the beat's sweep once the worker runs: none is lost, and
        # none that was already sent goes twice (their rows say "sent").
        self.stdout.write(f"Restored the database and the uploaded files from {folder}.")
