from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    name = "cities"
    verbose_name = _("Member cities")

    def ready(self):
        # Cached public pages show cities, countries and networks everywhere (core.cache); memberships are not shown.
        from core.cache import watch

        from .models import City, Country, NationalNetwork

        for model in (Country, NationalNetwork, City):
            watch(model)
