"""The admin site is the secretariat's, and shows it the outbox items that did not go out."""

from django.contrib import admin

from .admin import SecretariatAdmin
from .models import OutboxMessage
from .permissions import is_secretariat


def _site_has_permission(request):
    return request.user.is_active and is_secretariat(request.user)


admin.site.has_permission = _site_has_permission
admin.site.site_header = "ICC Portal"
admin.site.site_title = "ICC Portal"


@admin.register(OutboxMessage)
class OutboxMessageAdmin(SecretariatAdmin):
    list_display = ["id", "kind", "status", "attempts", "created_at", "sent_at", "last_error"]
    list_filter = ["status", "kind"]
    readonly_fields = ["kind", "payload", "status", "attempts", "last_error", "created_at", "sent_at"]
    actions = ["retry"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Deliver again")
    def retry(self, request, queryset):
        from . import outbox

        for message in queryset.exclude(status=OutboxMessage.Status.SENT):
            message.status = OutboxMessage.Status.PENDING
            message.save(update_fields=["status"])
            outbox._dispatch(message.pk)
