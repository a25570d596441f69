"""The admin follows accounts.rules like the pages and the API: the secretariat may use it."""

from django.contrib import admin

from accounts import rules


class SecretariatAdmin(admin.ModelAdmin):
    """Base for every ModelAdmin of the portal: access is the secretariat's, whatever Django permissions say."""

    def has_module_permission(self, request):
        return rules.is_secretariat(request.user)

    def has_view_permission(self, request, obj=None):
        return rules.is_secretariat(request.user)

    def has_add_permission(self, request):
        return rules.is_secretariat(request.user)

    def has_change_permission(self, request, obj=None):
        return rules.is_secretariat(request.user)

    def has_delete_permission(self, request, obj=None):
        return rules.is_secretariat(request.user)


def _site_has_permission(request):
    return request.user.is_active and rules.is_secretariat(request.user)


admin.site.has_permission = _site_has_permission
admin.site.site_header = "ICC Portal"
admin.site.site_title = "ICC Portal"
