import dj_database_url

from ..embedded_postgres import database_url

# DATABASE_URL points at a server; without it an embedded PostgreSQL is started with its data under var/.
DATABASES = {"default": dj_database_url.parse(database_url(), conn_max_age=60, conn_health_checks=True)}
