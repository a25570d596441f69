"""The secretariat's admin for good practices. The workflow is read-only here: states change only through
the services (the review desk, the API or the actions below), so every step is recorded and notified.

The template's text is saved through `services.practice_update`, like the desk and the API: the version is
bumped, the save is a saved version, and a save from an older version is refused with both texts kept. A
practice that cannot be edited now (submitted, published…) shows its text read-only; a published practice
changes through a new version (the desk's "Edit: start a new version"). Practices are started on the desk."""

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.admin import SecretariatAdmin

from . import services, template
from .forms import LinesOfURLs
from .models import FieldOfAction, GoodPractice, PracticeRevision, PracticeTransition, ReferenceFile
from .workflow import can_edit

TEMPLATE_NAMES = [field.name for field in template.TEMPLATE]


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


class GoodPracticeAdminForm(forms.ModelForm):
    # The version the page was loaded at: what `practice_update` compares with the practice's current version.
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reference_links = LinesOfURLs(required=False, label=_("Links"))  # as on the desk: one web address a line

    class Meta:
        model = GoodPractice
        fields = ["city", *TEMPLATE_NAMES, "slug", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].initial = self.instance.version

    def practice_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in TEMPLATE_NAMES if name in self.fields}


@admin.register(GoodPractice)
class GoodPracticeAdmin(SecretariatAdmin):
    form = GoodPracticeAdminForm
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

    def has_add_permission(self, request):
        return False

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and not can_edit(obj):
            readonly += TEMPLATE_NAMES
        return readonly

    def save_model(self, request, obj, form, change):
        others = [name for name in form.changed_data if name not in TEMPLATE_NAMES and name != "loaded_version"]
        if others:  # the city, the slug, the year: not the template's text, not versioned
            obj.save(update_fields=[*others, "updated_at"])
        if not any(name in form.changed_data for name in TEMPLATE_NAMES):
            return
        try:
            services.practice_update(
                practice=obj,
                by=request.user,
                data=form.practice_data(),
                expected_version=form.cleaned_data["loaded_version"],
            )
        except services.PracticeEditConflict as conflict:
            request.practice_edit_conflict = conflict

    def save_related(self, request, form, formsets, change):
        # The secondary fields of action were saved by practice_update; only the inlines are left.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def log_change(self, request, obj, message):
        if not getattr(request, "practice_edit_conflict", None):
            return super().log_change(request, obj, message)
        return None

    def response_change(self, request, obj):
        conflict = getattr(request, "practice_edit_conflict", None)
        if conflict is None:
            return super().response_change(request, obj)
        messages.error(
            request,
            _(
                "Someone else saved this practice since you opened it (it is now version %(now)s). Your text was not "
                "saved over theirs: it is kept in the practice's history as a refused save. Here is the current text."
            )
            % {"now": conflict.practice.version},
        )
        return HttpResponseRedirect(request.path)


@admin.register(PracticeRevision)
class PracticeRevisionAdmin(SecretariatAdmin):
    list_display = ["practice", "kind", "version", "created_by", "created_at"]
    list_filter = ["kind"]
    readonly_fields = ["practice", "kind", "data", "version", "created_by", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
