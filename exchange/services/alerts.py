"""Saved searches of the public good-practice database, with e-mail alerts.

Anyone saves the filters of the public page (full text included). A signed-in reader's alert goes to their account's
address at once; a public subscriber first confirms the address from an e-mail (double opt-in). Every digest carries
a one-click unsubscribe link: a signed token, no login. The digests themselves are built by services.digests.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.notifications import absolute_url, notify
from goodpractices.filters import GoodPracticeFilterSet
from goodpractices.models import GoodPractice

from ..choices import Frequency
from ..models import SavedSearch

CONFIRM_SALT = "exchange.saved-search.confirm"
UNSUBSCRIBE_SALT = "exchange.saved-search.unsubscribe"
CONFIRM_WITHIN = timedelta(days=7)
PENDING_PER_ADDRESS = 5  # unconfirmed alerts an address may hold: nobody is flooded with confirmation mails
SAVED_PER_ADDRESS = 50
NOT_SAVED = {"ordering", "page", "page_size"}


def clean_query(data) -> dict:
    """The filters worth keeping from a query string, checked by the public page's FilterSet: a form error (never a
    500) names every filter that is wrong."""
    names = set(GoodPracticeFilterSet.base_filters) - NOT_SAVED
    query = {}
    for name in sorted(names):
        value = data.get(name)
        if value not in (None, "") and str(value).strip():
            query[name] = str(value).strip()
    filterset = GoodPracticeFilterSet(query, queryset=GoodPractice.objects.none())
    if not filterset.is_valid():
        errors = {name: [str(e) for e in errs] for name, errs in filterset.errors.items()}
        raise ValidationError(
            [_("%(filter)s: %(errors)s") % {"filter": name, "errors": " ".join(msgs)} for name, msgs in errors.items()]
        )
    return query


def confirm_token(search: SavedSearch) -> str:
    return signing.dumps(search.pk, salt=CONFIRM_SALT)


def unsubscribe_token(search: SavedSearch) -> str:
    return signing.dumps(search.pk, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(search: SavedSearch) -> str:
    return absolute_url(reverse("exchange:alert-unsubscribe", args=[unsubscribe_token(search)]))


@transaction.atomic
def saved_search_create(
    *, query, frequency: str, email: str = "", name: str = "", user=None, language: str = "en"
) -> SavedSearch:
    """Saves the search; a public subscriber gets a confirmation e-mail, a signed-in reader's alert starts now."""
    query = clean_query(query)
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": [_("Choose weekly or monthly.")]})
    signed_in = user is not None and user.is_authenticated
    email = (user.email if signed_in else email or "").strip().lower()
    if not email:
        raise ValidationError({"email": [_("Give the address the digests go to.")]})
    mine = SavedSearch.objects.filter(email=email)
    if mine.count() >= SAVED_PER_ADDRESS:
        raise ValidationError(_("This address already has %(n)s alerts, the most we keep.") % {"n": SAVED_PER_ADDRESS})
    if not signed_in and mine.filter(confirmed_at__isnull=True).count() >= PENDING_PER_ADDRESS:
        raise ValidationError(_("Confirm the alerts already sent to this address first (see your inbox)."))
    now = timezone.now()
    search = SavedSearch.objects.create(
        email=email,
        user=user if signed_in else None,
        name=(name or "").strip()[:200],
        query=query,
        frequency=frequency,
        language=language if language in ("en", "fr") else "en",
        confirmed_at=now if signed_in else None,
        covered_until=now if signed_in else None,
    )
    if not signed_in:
        link = absolute_url(reverse("exchange:alert-confirm", args=[confirm_token(search)]))
        notify(
            template="exchange_alert_confirm",
            recipients=[email],
            context={"link": link, "name": search.name, "filters": describe(query), "days": CONFIRM_WITHIN.days},
            language=search.language,
        )
    return search


def saved_search_confirm(*, token: str) -> SavedSearch:
    """Double opt-in: the link from the confirmation e-mail. Digests cover what is published from now on."""
    try:
        pk = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_WITHIN)
    except signing.SignatureExpired as error:
        raise ValidationError(_("This confirmation link has expired: save the search again.")) from error
    except signing.BadSignature as error:
        raise ValidationError(_("This confirmation link is not valid.")) from error
    with transaction.atomic():
        search = SavedSearch.objects.select_for_update().filter(pk=pk).first()
        if search is None:
            raise ValidationError(_("This alert no longer exists."))
        if search.confirmed_at is None:
            search.confirmed_at = search.covered_until = timezone.now()
            search.save(update_fields=["confirmed_at", "covered_until"])
    return search


def saved_search_unsubscribe(*, token: str) -> bool:
    """One click from a digest, no login: deletes the alert. False when it was already gone; a tampered token is a
    ValidationError and changes nothing."""
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise ValidationError(_("This unsubscribe link is not valid.")) from error
    deleted, _rows = SavedSearch.objects.filter(pk=pk).delete()
    return bool(deleted)


def saved_search_delete(*, search: SavedSearch, by) -> None:
    if search.user_id != by.pk:
        raise ValidationError(_("This alert is not yours."))
    search.delete()


def saved_search_set_frequency(*, search: SavedSearch, frequency: str, by) -> SavedSearch:
    if search.user_id != by.pk:
        raise ValidationError(_("This alert is not yours."))
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": [_("Choose weekly or monthly.")]})
    search.frequency = frequency
    search.save(update_fields=["frequency"])
    return search


def purge_unconfirmed(*, now=None) -> int:
    """Alerts never confirmed within CONFIRM_WITHIN are forgotten (their address with them)."""
    cutoff = (now or timezone.now()) - CONFIRM_WITHIN
    deleted, _rows = SavedSearch.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    return deleted


def describe(query: dict) -> str:
    """The filters in words for e-mails and pages ("q: housing · field: 3")."""
    return " · ".join(f"{name}: {value}" for name, value in sorted(query.items())) or _("every new practice")
