"""The admin follows the same rules as the pages and the API: it is the secretariat's."""

from django.contrib import admin

from .permissions import is_secretariat


class SecretariatAdmin(admin.ModelAdmin):
    """Base for every ModelAdmin of the portal: access is the secretariat's, whatever Django permissions say."""

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
