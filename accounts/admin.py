from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from core.admin import SecretariatAdmin

from .models import User


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
