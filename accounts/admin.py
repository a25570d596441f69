from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from knox.models import AuthToken

from core.admin import SecretariatAdmin

from .models import User

# Nobody grants a role they do not hold. The secretariat runs the admin and may make a colleague secretariat;
# only a superuser may make someone staff or superuser, or change a superuser's account at all (its e-mail or
# password would hand over the superuser's powers).
SUPERUSER_ONLY_FIELDS = ["is_staff", "is_superuser"]


@admin.register(User)
class UserAdmin(SecretariatAdmin, BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_secretariat", "is_superuser", "is_active", "last_login"]
    list_filter = ["is_secretariat", "is_superuser", "is_active", "memberships__role"]
    search_fields = ["email", "first_name", "last_name", "memberships__city__name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["first_name", "last_name", "department", "preferred_language"]}),
        (_("Roles"), {"fields": ["is_active", "is_secretariat", "is_staff", "is_superuser"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += SUPERUSER_ONLY_FIELDS
        return readonly

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _may_manage(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and _may_manage(request.user, obj)


def _may_manage(user, account) -> bool:
    return account is None or not account.is_superuser or user.is_superuser


# knox registers an admin that lists every API token and can mint one for any user (printing it once).
admin.site.unregister(AuthToken)


@admin.register(AuthToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Superusers only: who holds API tokens and until when, and revoking them. Tokens are stored hashed, and
    nobody may create one for another user here (that would be signing in as them)."""

    list_display = ["user", "created", "expiry"]
    list_select_related = ["user"]
    search_fields = ["user__email"]
    fields = ["user", "created", "expiry"]
    readonly_fields = fields

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
