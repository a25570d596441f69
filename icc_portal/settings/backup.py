from pathlib import Path

from ..env import VAR_DIR, env_str

# `manage.py backup` / `restore` (django-dbbackup): pg_dump's custom format for the database, with the client tools
# of the server's own version (icc_portal.backup); a tar of the default storage (local disk or S3) for the files.
DBBACKUP_CONNECTORS = {
    "default": {
        "CONNECTOR": "icc_portal.backup.PgConnector",
        # A restore may target a database owned by another role (a new server, compose's `icc` user).
        "DUMP_SUFFIX": "--no-owner --no-privileges",
        "PG_OPTIONS": "--no-owner --no-privileges",
    }
}
BACKUP_DIR = Path(env_str("BACKUP_DIR") or VAR_DIR / "backups")
DBBACKUP_SEND_EMAIL = False
