from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    # The city page lists the events it hosted and those its people took part in (templates/events/city_section.html).
    has_city_section = True
    # The coordinator's desk lists their city's registrations; the secretariat's links to the event desk.
    has_desk_section = True

    def ready(self):
        # The home page and the city pages (cached, core.pagecache) list upcoming events: a change drops them.
        from core.cache import watch

        from .models import Event

        watch(Event)
