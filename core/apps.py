from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The kernel below the apps: what every app shares. It imports no app of the portal."""

    name = "core"
    verbose_name = "Portal kernel"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import admin_site, outbox  # noqa: F401  (the secretariat's admin site; the e-mail handlers)
