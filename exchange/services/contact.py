"""Writing to a city without seeing an address: the message is relayed by e-mail through the outbox with the
sender's address as Reply-To, limited per sender, and recorded (who wrote to whom, when — never the text)."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cities import rules
from cities.notifications import city_coordinators
from core.notifications import absolute_url, notify_secretariat, notify_users

from ..choices import ContactRoute
from ..models import ContactMessage

HOURLY_LIMIT = 5
WINDOW = timedelta(hours=1)


class ContactThrottled(ValidationError):
    """The sender has written HOURLY_LIMIT messages in the last hour: the page answers 429 with this message."""


def address_key(address: str) -> str:
    """A keyed hash of a network address: counts a flood without keeping where anyone writes from."""
    if not address:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def route_for(user, city) -> str:
    """Coordinators and the secretariat write to the city's coordinators; everyone else through the secretariat."""
    if rules.is_secretariat(user) or rules.is_coordinator(user):
        return ContactRoute.COORDINATORS
    return ContactRoute.SECRETARIAT


@transaction.atomic
def contact_city(
    *, city, sender, subject: str, message: str, name: str = "", email: str = "", address: str = ""
) -> ContactMessage:
    """Relays `message` about `city`. A signed-in sender writes under their account's name and address."""
    if sender is not None and sender.is_authenticated:
        name, email = sender.get_full_name() or sender.email, sender.email
    else:
        sender = None
    email = (email or "").strip().lower()
    if not email or not (subject or "").strip() or not (message or "").strip():
        raise ValidationError(_("Write a subject, a message and the address to answer to."))
    key = address_key(address)
    _check_rate(email, key)
    route = route_for(sender, city)
    coordinators = list(city_coordinators(city)) if route == ContactRoute.COORDINATORS else []
    if not coordinators:
        route = ContactRoute.SECRETARIAT  # a city without a coordinator: the secretariat answers or forwards
    record = ContactMessage.objects.create(
        city=city, sender=sender, sender_email=email, sender_address=key, routed_to=route
    )
    context = {
        "city": city.name,
        "city_url": absolute_url(city.get_absolute_url()),
        "sender_name": name.strip(),
        "sender_cities": _sender_cities(sender),
        "is_secretariat": rules.is_secretariat(sender),
        "subject": subject.strip(),
        "message": message.strip(),
    }
    if route == ContactRoute.COORDINATORS:
        notify_users(template="exchange_contact", users=coordinators, context=context, reply_to=email, private=True)
    else:
        notify_secretariat(template="exchange_contact_relay", context=context, reply_to=email, private=True)
    return record


def _check_rate(email: str, key: str) -> None:
    # One sender at a time (a burst of parallel posts counts one after another), then count the last hour.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"exchange.contact:{email}"])
    recent = Q(sender_email=email) | (Q(sender_address=key) if key else Q(pk__in=[]))
    since = timezone.now() - WINDOW
    sent = (
        ContactMessage.objects.filter(recent, sent_at__gte=since).order_by("sent_at").values_list("sent_at", flat=True)
    )
    sent = list(sent)
    if len(sent) >= HOURLY_LIMIT:
        wait = max(1, int((sent[-HOURLY_LIMIT] + WINDOW - timezone.now()).total_seconds() // 60) + 1)
        raise ContactThrottled(
            _(
                "You have sent %(limit)s messages in the last hour, the most we relay. "
                "Please try again in %(minutes)s minutes."
            )
            % {"limit": HOURLY_LIMIT, "minutes": wait}
        )


def _sender_cities(sender) -> str:
    if sender is None:
        return ""
    from cities.models import City

    return ", ".join(City.objects.filter(pk__in=rules.coordinated_city_ids(sender)).values_list("name", flat=True))
