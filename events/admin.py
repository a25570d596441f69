"""The secretariat's admin for events. Registrations are read-only here: places, limits and the waiting list change
only through the services (the event desk, the API, the actions below), so that nothing overbooks and every step is
recorded and told."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.admin import SecretariatAdmin
from core.errors import StateConflict

from . import services
from .models import Event, EventDocument, Registration, RegistrationLog


class DocumentInline(admin.TabularInline):
    model = EventDocument
    extra = 0
    fields = ["kind", "name", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(SecretariatAdmin, TranslationAdmin):
    list_display = ["title", "kind", "host_city", "starts_at", "status", "confirmed_count", "waitlisted_count"]
    list_filter = ["status", "kind", "audience"]
    search_fields = ["title", "place", "host_city__name"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["host_city", "invited_cities", "priority_cities", "practices"]
    filter_horizontal = ["fields_of_action"]
    readonly_fields = [
        "status",
        "confirmed_count",
        "waitlisted_count",
        "published_at",
        "cancelled_at",
        "second_session_of",
    ]
    inlines = [DocumentInline]
    actions = ["publish", "close_registration"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        # Edits of places and limits go through the service, which promotes the waiting list when places grow.
        if change:
            data = {
                name: form.cleaned_data[name] for name in services.events.SCALAR_FIELDS if name in form.cleaned_data
            }
            services.event_update(event=obj, data=data, by=request.user)
        else:
            obj.created_by = request.user
            super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish the selected drafts"))
    def publish(self, request, queryset):
        self._apply(request, queryset, services.event_publish)

    @admin.action(description=_("Close registration of the selected events"))
    def close_registration(self, request, queryset):
        self._apply(request, queryset, services.event_close)

    def _apply(self, request, queryset, service):
        for event in queryset:
            try:
                service(event=event, by=request.user)
            except (StateConflict, ValidationError) as error:
                messages.error(request, f"{event}: {error}")


class LogInline(admin.TabularInline):
    model = RegistrationLog
    extra = 0
    can_delete = False
    fields = ["at", "action", "from_status", "to_status", "by", "reason"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Registration)
class RegistrationAdmin(SecretariatAdmin):
    list_display = ["name", "event", "city", "status", "position", "registered_at"]
    list_filter = ["status", "gender"]
    search_fields = ["name", "email", "event__title", "city__name"]
    list_select_related = ["event", "city"]
    inlines = [LogInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in Registration._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
