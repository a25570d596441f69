"""The secretariat's admin for good practices. The workflow is read-only here: states change only through
the services (the review desk, the API or the actions below), so every step is recorded and notified."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.admin import SecretariatAdmin

from . import services
from .models import FieldOfAction, GoodPractice, PracticeRevision, PracticeTransition, ReferenceFile


@admin.register(FieldOfAction)
class FieldOfActionAdmin(SecretariatAdmin, TranslationAdmin):
    list_display = ["code", "name", "parent"]
    search_fields = ["code", "name"]


class TransitionInline(admin.TabularInline):
    model = PracticeTransition
    extra = 0
    can_delete = False
    fields = ["at", "action", "from_status", "to_status", "by", "comment"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class ReferenceFileInline(admin.TabularInline):
    model = ReferenceFile
    extra = 0
    fields = ["name", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(GoodPractice)
class GoodPracticeAdmin(SecretariatAdmin):
    list_display = ["title", "city", "main_field", "status", "year", "published_at"]
    list_filter = ["status", "language", "main_field"]
    search_fields = ["title", "city__name", "main_purpose"]
    autocomplete_fields = ["city"]
    filter_horizontal = ["secondary_fields"]
    readonly_fields = ["status", "published_at", "submitted_at", "version", "revision_of", "created_by"]
    exclude = ["field_codes"]
    inlines = [ReferenceFileInline, TransitionInline]
    actions = ["unpublish"]

    @admin.action(description=_("Unpublish the selected practices"))
    def unpublish(self, request, queryset):
        done = 0
        for practice in queryset.filter(status="published"):
            services.practice_unpublish(practice=practice, by=request.user)
            done += 1
        messages.success(request, _("%(count)d practice(s) unpublished.") % {"count": done})

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # An admin edit is a saved version too, so that the history stays complete.
        practice = form.instance
        PracticeRevision.objects.create(
            practice=practice,
            data=services.practice_snapshot(practice),
            version=practice.version,
            created_by=request.user,
        )


@admin.register(PracticeRevision)
class PracticeRevisionAdmin(SecretariatAdmin):
    list_display = ["practice", "kind", "version", "created_by", "created_at"]
    list_filter = ["kind"]
    readonly_fields = ["practice", "kind", "data", "version", "created_by", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
