from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from accounts.admin import UserAdmin
from core.admin import SecretariatAdmin, SecretariatInlineMixin

from .models import City, Country, Membership, NationalNetwork


@admin.register(Country)
class CountryAdmin(SecretariatAdmin, TranslationAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(NationalNetwork)
class NationalNetworkAdmin(SecretariatAdmin, TranslationAdmin):
    list_display = ["name", "country", "lead_city", "coordinator_name"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["lead_city"]


class MembershipInline(SecretariatInlineMixin, admin.TabularInline):
    model = Membership
    fk_name = "city"
    extra = 0
    autocomplete_fields = ["user"]
    readonly_fields = ["invited_by", "created_at"]


@admin.register(City)
class CityAdmin(SecretariatAdmin, TranslationAdmin):
    list_display = ["name", "country", "status", "population", "foreign_born_share", "joined_year", "meets_criteria"]
    list_filter = ["status", "country", "national_network"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["membership_check"]
    inlines = [MembershipInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(boolean=True, description=_("meets the criteria"))
    def meets_criteria(self, city):
        return not city.membership_warnings()

    @admin.display(description=_("membership criteria"))
    def membership_check(self, city):
        return " ".join(str(w) for w in city.membership_warnings()) or _("No warning.")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        city = self.get_object(request, object_id)
        for warning in city.membership_warnings() if city and request.method == "GET" else []:
            messages.warning(request, warning)
        return super().change_view(request, object_id, form_url, extra_context)


class UserMembershipInline(SecretariatInlineMixin, admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    autocomplete_fields = ["city"]
    readonly_fields = ["invited_by", "created_at"]


# A user's memberships are edited on the user's page; the inline lives here, beside the Membership model.
UserAdmin.inlines = [*UserAdmin.inlines, UserMembershipInline]
