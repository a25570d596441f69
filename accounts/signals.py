"""A password change ends every API token of the account: whoever held one under the old password loses it."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import User
from .services import tokens_revoke_all


@receiver(post_save, sender=User, dispatch_uid="accounts.revoke_tokens_on_password_change")
def revoke_tokens_on_password_change(sender, instance, created, **kwargs):
    if getattr(instance, "_password_changed", False):
        instance._password_changed = False
        if not created:
            tokens_revoke_all(user=instance)
