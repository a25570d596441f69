from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoodPracticesConfig(AppConfig):
    name = "goodpractices"
    verbose_name = _("Good practices")
    # The city page lists the city's published practices (templates/goodpractices/city_section.html).
    has_city_section = True
    # The coordinator's desk links to their practices; the secretariat's to the review queue (desk_section.html).
    has_desk_section = True

    def ready(self):
        # Cached public pages are dropped when what they show changes (core.cache). Drafts, submissions and their
        # history are never public: saving one leaves the cache alone, however often coordinators save.
        from core.cache import watch

        from .choices import PracticeStatus
        from .models import FieldOfAction, GoodPractice, ReferenceFile

        shown = {PracticeStatus.PUBLISHED, PracticeStatus.UNPUBLISHED}  # unpublished: it has just left the pages
        watch(GoodPractice, when=lambda practice: practice.status in shown)
        watch(
            ReferenceFile,
            when=lambda document: GoodPractice.objects.filter(pk=document.practice_id, status__in=shown).exists(),
        )
        watch(FieldOfAction)
