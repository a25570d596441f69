"""A profile goes stale when what it shows changes: an assessment published, a practice published or taken
offline, an event's statistics closed. Receivers only flag; the beat rebuilds (debounced)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from events.choices import EventStatus, RegistrationStatus
from events.models import Event
from goodpractices.choices import PracticeStatus
from goodpractices.models import GoodPractice
from index.choices import AssessmentStatus
from index.models import Assessment

from .services import profiles_mark_stale

_PRACTICE_SHOWN = {PracticeStatus.PUBLISHED, PracticeStatus.UNPUBLISHED}


@receiver(post_save, sender=Assessment, dispatch_uid="profiles-assessment-stale")
def assessment_changed(sender, instance: Assessment, **kwargs):
    if instance.status == AssessmentStatus.PUBLISHED:
        profiles_mark_stale(city_ids=[instance.city_id])


@receiver(post_save, sender=GoodPractice, dispatch_uid="profiles-practice-stale")
def practice_changed(sender, instance: GoodPractice, **kwargs):
    if instance.status in _PRACTICE_SHOWN:
        # field_codes is kept by a database trigger: read it back rather than trust the instance in memory.
        codes = GoodPractice.objects.filter(pk=instance.pk).values_list("field_codes", flat=True).first() or []
        profiles_mark_stale(city_ids=[instance.city_id], fields=codes)


@receiver(post_save, sender=Event, dispatch_uid="profiles-event-stale")
def event_closed(sender, instance: Event, **kwargs):
    """An event's statistics are closed with the event: its host and the cities that took part show it."""
    if instance.status == EventStatus.CLOSED:
        took_part = instance.registrations.filter(status=RegistrationStatus.CONFIRMED).values_list("city_id", flat=True)
        profiles_mark_stale(city_ids=[*took_part, *([instance.host_city_id] if instance.host_city_id else [])])
