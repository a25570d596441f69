"""The secretariat edits an edition in the admin until an assessment uses it; then it is frozen (read-only)."""

from django.contrib import admin

from core.admin import SecretariatAdmin

from .models import Answer, Assessment, AssessmentEvent, Band, Choice, IndexArea, IndexEdition, IndexGroup, Question


class FrozenWhenUsed:
    """Read-only once the edition is used by an assessment."""

    def _edition(self, obj):
        return obj if isinstance(obj, IndexEdition) else getattr(obj, "edition", None)

    def has_change_permission(self, request, obj=None):
        edition = self._edition(obj) if obj is not None else None
        return super().has_change_permission(request, obj) and not (edition and edition.is_frozen)

    def has_delete_permission(self, request, obj=None):
        edition = self._edition(obj) if obj is not None else None
        return super().has_delete_permission(request, obj) and not (edition and edition.is_frozen)


class GroupInline(admin.TabularInline):
    model = IndexGroup
    extra = 0


class AreaInline(admin.TabularInline):
    model = IndexArea
    extra = 0
    fields = ["position", "code", "title_en", "title_fr", "optional", "group", "weight"]
    show_change_link = True


@admin.register(IndexEdition)
class IndexEditionAdmin(FrozenWhenUsed, SecretariatAdmin):
    list_display = ["code", "title", "created_at"]
    inlines = [GroupInline, AreaInline]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ["position", "code", "kind", "data_kind", "weight", "text_en"]
    show_change_link = True


@admin.register(IndexArea)
class IndexAreaAdmin(FrozenWhenUsed, SecretariatAdmin):
    list_display = ["code", "title", "edition", "optional", "group", "weight"]
    list_filter = ["edition"]
    filter_horizontal = ["fields_of_action"]
    inlines = [QuestionInline]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


class BandInline(admin.TabularInline):
    model = Band
    extra = 0


@admin.register(Question)
class QuestionAdmin(FrozenWhenUsed, SecretariatAdmin):
    list_display = ["code", "area", "kind", "data_kind", "weight"]
    list_filter = ["edition", "kind", "data_kind"]
    search_fields = ["code", "text_en", "text_fr"]
    inlines = [ChoiceInline, BandInline]


class EventInline(admin.TabularInline):
    model = AssessmentEvent
    extra = 0
    readonly_fields = ["action", "by", "at", "comment"]
    can_delete = False


@admin.register(Assessment)
class AssessmentAdmin(SecretariatAdmin):
    """Read-only here: the workflow and answers go through the desk pages and the API (services)."""

    list_display = ["city", "edition", "year", "status", "core"]
    list_filter = ["edition", "year", "status"]
    readonly_fields = [f.name for f in Assessment._meta.fields] + ["optional_areas"]
    inlines = [EventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Answer)
class AnswerAdmin(SecretariatAdmin):
    list_display = ["assessment", "question", "answered_by", "answered_at", "override_points"]
    list_filter = ["assessment__edition", "assessment__year"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
