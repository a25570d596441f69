"""What each process of the concurrency test runs: Django set up on the test database, then registrations and
cancellations through the services, all processes released at the same moment by a barrier."""

import os


def run(database_url: str, actions: list[tuple], barrier, results) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "icc_portal.settings")
    import django

    django.setup()
    from django.core.exceptions import ValidationError

    from accounts.models import User
    from cities.models import City
    from core.errors import StateConflict
    from core.notifications import muted
    from events import services
    from events.models import Event, Registration

    prepared = []
    for kind, *args in actions:
        if kind == "register":
            event_id, city_id, user_id, person = args
            prepared.append((kind, Event.objects.get(pk=event_id), City.objects.get(pk=city_id),
                             User.objects.get(pk=user_id), person))  # fmt: skip
        else:
            registration_id, user_id = args
            prepared.append((kind, Registration.objects.get(pk=registration_id), User.objects.get(pk=user_id)))
    barrier.wait(timeout=60)
    with muted():  # the e-mails are not what is tested here; the outbox would need a broker
        for kind, *args in prepared:
            try:
                if kind == "register":
                    event, city, user, person = args
                    [registration] = services.registrations_create(event=event, city=city, people=[person], by=user)
                    results.put(("registered", registration.status))
                else:
                    registration, user = args
                    services.registration_cancel(registration=registration, by=user)
                    results.put(("cancelled", registration.pk))
            except (StateConflict, ValidationError) as error:
                results.put(("refused", str(error)))
            except Exception as error:  # reported to the test, which fails on any
                results.put(("error", f"{error.__class__.__name__}: {error}"))
