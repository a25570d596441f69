"""The admin follows the same rules as the pages and the API: it is the secretariat's."""

from django.contrib import admin

from .forms import with_clean_text
from .permissions import is_secretariat


class SecretariatAdmin(admin.ModelAdmin):
    """Base for every ModelAdmin of the portal: access is the secretariat's, whatever Django permissions say.
    Its forms drop control characters like every other form of the portal (`core.forms`)."""

    def get_form(self, request, obj=None, **kwargs):
        return with_clean_text(super().get_form(request, obj, **kwargs))

    def has_module_permission(self, request):
        return is_secretariat(request.user)

    def has_view_permission(self, request, obj=None):
        return is_secretariat(request.user)

    def has_add_permission(self, request):
        return is_secretariat(request.user)

    def has_change_permission(self, request, obj=None):
        return is_secretariat(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_secretariat(request.user)


class SecretariatInlineMixin:
    """For inlines: the same rule as SecretariatAdmin, whatever Django's model permissions say."""

    def has_view_permission(self, request, obj=None):
        return is_secretariat(request.user)

    def has_add_permission(self, request, obj=None):
        return is_secretariat(request.user)

    def has_change_permission(self, request, obj=None):
        return is_secretariat(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_secretariat(request.user)
