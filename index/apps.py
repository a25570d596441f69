from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndexConfig(AppConfig):
    name = "index"
    verbose_name = _("ICC Index")
    has_city_section = True
    has_desk_section = True

    def ready(self):
        # Cached public pages show editions and results (core.cache). Every move of an assessment counts, a draft's
        # too: validating one changes the peer groups on other cities' public results. Answers change only in
        # drafts; an override rescores (saves) its assessment.
        from core.cache import watch

        from .models import Assessment, Band, Choice, IndexArea, IndexEdition, IndexGroup, Question

        for model in (IndexEdition, IndexGroup, IndexArea, Question, Choice, Band, Assessment):
            watch(model)
