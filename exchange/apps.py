from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """Cities learning from cities: news, cities like mine, contacting a coordinator, study-visit requests,
    adoptions and follow-ups of practices, saved searches with e-mail digests (docs/exchange.md)."""

    name = "exchange"
    verbose_name = _("Exchange between cities")
    default_auto_field = "django.db.models.BigAutoField"
    # The city page: its news, cities like it, who is strong where it is weak, the contact and visit forms.
    has_city_section = True
    # The desk: cities like mine, requests to answer, news to write, saved searches.
    has_desk_section = True

    def ready(self):
        # Cached pages (core.pagecache) show news (home, city pages), adoptions and follow-ups (a practice's page).
        from core.cache import watch

        from .models import Adoption, FollowUp, News

        for model in (News, FollowUp, Adoption):
            watch(model)
