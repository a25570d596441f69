from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoodPracticesConfig(AppConfig):
    name = "goodpractices"
    verbose_name = _("Good practices")
    # The city page lists the city's published practices (templates/goodpractices/city_section.html).
    has_city_section = True
    # The coordinator's desk links to their practices; the secretariat's to the review queue (desk_section.html).
    has_desk_section = True
