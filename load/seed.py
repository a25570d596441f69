"""The load run's data: the bench's 100,000 published practices over 200 cities (bench.goodpractices.seed) and its
300 cities with two Index waves (bench.index.seed), plus coordinators who save drafts during the run.

Seeding takes minutes, so the database is kept between runs: a marker table records what was seeded and from
which code; the next run reuses the data when the marker matches and seeds again when it does not. Migrations run
before and carry the rows along, as they do in production.
"""

import hashlib
import sys
from pathlib import Path

from django.db import connection, transaction

from bench import goodpractices as practices_bench
from bench import index as index_bench

COORDINATORS = 8
COORDINATOR_EMAIL = "load-coordinator-{}@example.org"
COORDINATOR_PASSWORD = "load-coordinator-password"
DRAFT_TITLE = "Load run draft"
MARKER = "load_seed_marker"
INDEX_CITIES = index_bench.MAX_CITIES


def signature(scale: int) -> str:
    """What the seeded data depends on: the size and the seeding code."""
    digest = hashlib.sha256(str(scale).encode())
    for module in (practices_bench, index_bench, sys.modules[__name__]):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


def ensure(scale: int, *, force: bool = False) -> bool:
    """Seeds unless the database already holds this seed; returns whether it seeded."""
    wanted = signature(scale)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {MARKER} (signature text NOT NULL, seeded_at timestamptz)")
        cursor.execute(f"SELECT signature FROM {MARKER}")
        found = cursor.fetchone()
    if found and found[0] == wanted and not force:
        return False
    print(f"Seeding {scale:,} practices and {INDEX_CITIES} Index cities (a few minutes)…", file=sys.stderr, flush=True)
    practices_bench.seed(scale)
    with connection.cursor() as cursor:
        # As in the bench: the visibility map for index-only scans, the statistics for the planner.
        cursor.execute("VACUUM ANALYZE goodpractices_goodpractice")
        cursor.execute("VACUUM ANALYZE goodpractices_goodpractice_secondary_fields")
        cursor.execute("ANALYZE goodpractices_practicefacetcount")
    index_bench.seed(INDEX_CITIES)
    _coordinators()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {MARKER}")
        cursor.execute(f"INSERT INTO {MARKER} VALUES (%s, now())", [wanted])
    return True


@transaction.atomic
def _coordinators() -> None:
    """One coordinator for each of the first bench cities; they log in through the API during the run."""
    from accounts.models import User
    from cities.models import City, Membership

    for number in range(COORDINATORS):
        city = City.objects.get(slug=f"bench-city-{number}")
        user = User.objects.filter(email=COORDINATOR_EMAIL.format(number)).first()
        if user is None:
            user = User.objects.create_user(email=COORDINATOR_EMAIL.format(number), password=COORDINATOR_PASSWORD)
        Membership.objects.get_or_create(user=user, city=city, defaults={"role": Membership.Role.COORDINATOR})


def forget_drafts() -> None:
    """The drafts of earlier runs: each run starts its own (drafts are never public, so no page is affected)."""
    from goodpractices.models import GoodPractice

    GoodPractice.objects.filter(title__startswith=DRAFT_TITLE).exclude(status="published").delete()


def site() -> dict:
    """What the visitors of the run pick their pages from."""
    from cities.models import City, Country
    from goodpractices.models import FieldOfAction, GoodPractice
    from index.models import Assessment

    index_cities = list(
        City.objects.filter(slug__startswith=index_bench.PREFIX).order_by("slug").values_list("slug", flat=True)
    )
    return {
        "practices": GoodPractice.objects.filter(slug__startswith="bench-practice-").count(),
        # The bench numbers its practices: bench-practice-<n> has the id first_id + n.
        "first_id": GoodPractice.objects.get(slug="bench-practice-0").pk,
        "cities": list(City.objects.filter(slug__startswith="bench-city-").values_list("slug", flat=True)),
        "index_cities": index_cities,
        "assessments": list(
            Assessment.objects.filter(city__slug__in=index_cities, year=index_bench.WAVES[-1]).values_list(
                "pk", flat=True
            )
        ),
        "fields": list(FieldOfAction.objects.values_list("code", flat=True)),
        "countries": list(Country.objects.filter(code__in=practices_bench.COUNTRIES).values_list("code", flat=True)),
        "coordinators": [
            {"email": COORDINATOR_EMAIL.format(number), "city": f"bench-city-{number}"}
            for number in range(COORDINATORS)
        ],
    }
