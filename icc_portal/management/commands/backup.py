from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.models import OutboxMessage

DATABASE_FILE = "database.psql.bin"
MEDIA_FILE = "media.tar"


class Command(BaseCommand):
    help = (
        "Backs up the database (pg_dump, custom format) and the uploaded files (a tar of the default storage) "
        "into one folder: BACKUP_DIR/<date-time>/ unless --output names one. `manage.py restore FOLDER` reads it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="the folder to write (created; must be empty)")

    def handle(self, *args, output=None, **options):
        folder = Path(output or settings.BACKUP_DIR / datetime.now().strftime("%Y-%m-%d-%H%M%S"))
        folder.mkdir(parents=True, exist_ok=True)
        if any(folder.iterdir()):
            raise SystemExit(f"{folder} is not empty: a backup never overwrites another.")
        quiet = {"verbosity": 0, "quiet": True}
        try:
            default_storage.listdir("")
        except FileNotFoundError:  # nothing uploaded yet on this disk: an empty archive
            Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
        call_command("dbbackup", output_path=str(folder / DATABASE_FILE), **quiet)
        call_command("mediabackup", output_path=str(folder / MEDIA_FILE), **quiet)
        pending = OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).count()
        self.stdout.write(
            f"Backed up to {folder}: {DATABASE_FILE} ({_size(folder / DATABASE_FILE)}), "
            f"{MEDIA_FILE} ({_size(folder / MEDIA_FILE)}); {pending} outbox message(s) pending at the time."
        )


def _size(path: Path) -> str:
    return f"{path.stat().st_size / 1024:.0f} KB"
