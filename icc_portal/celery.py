"""The Celery application: Redis in production, kombu's filesystem transport on a single machine."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "icc_portal.settings")

app = Celery("icc_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def prepare_filesystem_broker() -> None:
    """The filesystem transport needs its folders before the first message is written."""
    from django.conf import settings

    for key in ("data_folder_in", "processed_folder", "control_folder"):
        folder = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get(key)
        if folder:
            os.makedirs(folder, exist_ok=True)
