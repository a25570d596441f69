import sys

import dj_database_url

from ..embedded_postgres import database_url
from ..env import env_str

# Django's development server (`make run`, `manage.py runserver`) answers each request in a thread of its own that
# ends with it: a connection kept for 60 s outlives its thread, and a burst of requests piled up idle connections
# until PostgreSQL refused new ones ("too many clients", seen as 500s). There a connection closes after its request.
# Long-lived workers keep theirs for 60 s; CONN_MAX_AGE overrides both.
#
# DATABASE_POOL_MAX_SIZE=N gives each process a psycopg pool of at most N connections (Django's OPTIONS["pool"];
# persistent connections must then be off). gunicorn (docker-compose, `make load`) turns it on: its connections are
# opened once per worker, checked before use, and bounded whatever the number of threads.
RUNSERVER = sys.argv[1:2] == ["runserver"]
_pool_size = int(env_str("DATABASE_POOL_MAX_SIZE", "0") or 0)
CONN_MAX_AGE = 0 if _pool_size else int(env_str("CONN_MAX_AGE", "0" if RUNSERVER else "60"))

# DATABASE_URL points at a server; without it an embedded PostgreSQL is started with its data under var/.
DATABASES = {
    "default": dj_database_url.parse(database_url(), conn_max_age=CONN_MAX_AGE, conn_health_checks=CONN_MAX_AGE > 0)
}
if _pool_size:
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {"min_size": 1, "max_size": _pool_size, "timeout": 10}
