import dj_database_url

from ..embedded_postgres import database_url
from ..env import env_str

# DATABASE_URL points at a server; without it an embedded PostgreSQL is started with its data under var/.
#
# DATABASE_POOL_MAX_SIZE=N gives each process a psycopg pool of at most N connections (Django's OPTIONS["pool"];
# persistent connections must then be off). gunicorn (docker-compose, `make load`) turns it on: its connections are
# opened once per worker, checked before use, and bounded whatever the number of threads.
_pool_size = int(env_str("DATABASE_POOL_MAX_SIZE", "0") or 0)
DATABASES = {
    "default": dj_database_url.parse(database_url(), conn_max_age=0 if _pool_size else 60, conn_health_checks=True)
}
if _pool_size:
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {"min_size": 1, "max_size": _pool_size, "timeout": 10}
