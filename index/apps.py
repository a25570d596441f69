from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndexConfig(AppConfig):
    name = "index"
    verbose_name = _("ICC Index")
    has_city_section = True
    has_desk_section = True
