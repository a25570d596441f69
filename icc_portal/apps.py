import os

from django.apps import AppConfig
from django.conf import settings


class IccPortalConfig(AppConfig):
    name = "icc_portal"
    verbose_name = "ICC Portal"

    def ready(self):
        from .celery import prepare_filesystem_broker

        prepare_filesystem_broker()
        # whitenoise warns about a missing STATIC_ROOT until collectstatic has run once.
        os.makedirs(settings.STATIC_ROOT, exist_ok=True)
