"""The secretariat's admin of the exchange. Review steps go through the services (the pages' buttons); the admin lists,
searches and corrects. Relayed messages are read-only: they hold who wrote to whom and when, never the text."""

from django.contrib import admin

from core.admin import SecretariatAdmin

from .models import Adoption, ContactMessage, FollowUp, News, SavedSearch, VisitRequest


@admin.register(News)
class NewsAdmin(SecretariatAdmin):
    list_display = ["title", "city", "status", "date", "published_at"]
    list_filter = ["status", "language"]
    search_fields = ["title", "summary", "city__name"]
    readonly_fields = ["status", "submitted_at", "published_at", "image_type", "created_by"]


@admin.register(FollowUp)
class FollowUpAdmin(SecretariatAdmin):
    list_display = ["title", "practice", "status", "date"]
    list_filter = ["status"]
    search_fields = ["title", "practice__title"]
    readonly_fields = ["status", "submitted_at", "published_at", "created_by"]
    raw_id_fields = ["practice"]


@admin.register(Adoption)
class AdoptionAdmin(SecretariatAdmin):
    list_display = ["practice", "city", "own_practice", "created_at"]
    raw_id_fields = ["practice", "own_practice"]


@admin.register(VisitRequest)
class VisitRequestAdmin(SecretariatAdmin):
    list_display = ["requesting_city", "host_city", "field", "status", "created_at"]
    list_filter = ["status"]
    readonly_fields = ["status", "event", "answered_by", "answered_at", "requested_by"]
    filter_horizontal = ["practices"]


@admin.register(SavedSearch)
class SavedSearchAdmin(SecretariatAdmin):
    list_display = ["email", "name", "frequency", "confirmed_at", "last_sent_at"]
    list_filter = ["frequency"]
    search_fields = ["email", "name"]
    readonly_fields = ["confirmed_at", "covered_until", "last_sent_at"]


@admin.register(ContactMessage)
class ContactMessageAdmin(SecretariatAdmin):
    list_display = ["sent_at", "sender_email", "city", "routed_to"]
    list_filter = ["routed_to"]
    search_fields = ["sender_email", "city__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
