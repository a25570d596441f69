from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfilesConfig(AppConfig):
    """Intercultural profiles: each city's PDF publication, built by the Celery workers. Nothing below imports it."""

    name = "profiles"
    verbose_name = _("Intercultural profiles")
    default_auto_field = "django.db.models.BigAutoField"
    has_city_section = True

    def ready(self):
        from core.cache import watch

        from . import handlers, signals  # noqa: F401  (the outbox's "profile.build"; staleness on changes)
        from .models import Profile, ProfileDocument

        # The city page lists a city's profile documents: a build or a publication drops the cached page (core.cache).
        watch(Profile)
        watch(ProfileDocument)
