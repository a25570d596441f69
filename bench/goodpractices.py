"""The good-practice database under load: seeds `scale` published practices over 200 cities with realistic text
lengths (COPY, triggers off, so the trigger-kept columns field_codes and country_code are written by the load itself,
then one recount), and measures the public pages and the API (docs/performance.md).

Only ever run on the benchmark's own database (`python -m bench`) or inside a test's transaction."""

import os
import random
from datetime import UTC, datetime, timedelta

from django.db import connection, transaction

from cities.models import City, Country, NationalNetwork
from goodpractices.models import FieldOfAction
from goodpractices.taxonomy import FIELDS_OF_ACTION, fields_of_action_sync

from .tools import measure

CITIES = 200
COUNTRIES = ["NO", "PT", "ES", "IT", "DE", "FR", "GB", "IE", "PL", "UA", "MA", "CH", "SE", "FI", "DK", "NL", "BE",
             "AT", "GR", "CY", "MT", "RO", "HR", "RS", "MX", "CA", "JP", "KR", "AU", "US"]  # fmt: skip
NETWORKS = {"IT": "Città del Dialogo", "ES": "RECI", "PT": "RPCI", "NO": "Norwegian ICC network", "UA": "Ukrainian ICC"}
RARE_WORD = "hackathon"  # in one practice of 200
COMMON_WORD = "intercultural"  # in nearly every practice

EN_WORDS = (
    "city council municipality residents migrants newcomers refugees youth schools teachers library neighbourhood "
    "diversity inclusion participation dialogue community association volunteers training workshop campaign "
    "employment housing health services mediation anti-discrimination equality women Roma festival sport culture "
    "media survey research report evaluation strategy action plan budget partnership civil society network public "
    "space mayor department staff competence languages mentoring business entrepreneurs market integration welcome "
    "centre information guide website app counselling families children parents elderly religion interfaith "
    "prevention hate speech rumours racism trust cohesion belonging citizenship democracy elections consultation"
).split()
FR_WORDS = (
    "ville conseil municipal habitants migrants nouveaux arrivants réfugiés jeunesse écoles enseignants quartier "
    "bibliothèque diversité inclusion participation dialogue association bénévoles formation atelier campagne emploi "
    "logement santé services médiation discrimination égalité femmes Roms festival sport culture médias enquête "
    "recherche rapport évaluation stratégie plan action budget partenariat société civile réseau espace public maire "
    "compétences langues mentorat entreprises accueil centre information guide familles enfants parents racisme "
    "confiance cohésion citoyenneté démocratie consultation interculturel interculturelle"
).split()
# Characters per section: what real reports hold (the seed's Bergen example is of this order).
LENGTHS = {"main_purpose": 300, "purpose": 800, "stimulus": 600, "process": 1500, "impact": 800}


def _paragraphs(words: list[str], rng: random.Random, count: int) -> list[str]:
    paragraphs = []
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(4, 8)):
            sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 16)))
            sentences.append(sentence.capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    return paragraphs


def _text(pool: list[str], rng: random.Random, length: int) -> str:
    parts, size = [], 0
    while size < length:
        part = rng.choice(pool)
        parts.append(part)
        size += len(part) + 1
    return " ".join(parts)[:length]


def _copy(cursor, table: str, columns: list[str], rows) -> None:
    quoted = ", ".join(f'"{column}"' for column in columns)
    with cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _required_columns(cursor, table: str) -> dict[str, str]:
    """NOT NULL columns without a default (other than ours), with their type: a bulk load must fill them, whatever
    columns the workflow adds later."""
    cursor.execute(
        """SELECT column_name, data_type FROM information_schema.columns
           WHERE table_name = %s AND is_nullable = 'NO' AND column_default IS NULL AND is_generated = 'NEVER'""",
        [table],
    )
    return dict(cursor.fetchall())


def _filler(data_type: str, now: datetime):
    if data_type in ("text", "character varying"):
        return ""
    if data_type in ("integer", "smallint", "bigint"):
        return 1
    if data_type == "boolean":
        return False
    if data_type == "ARRAY":
        return []
    if data_type.startswith("timestamp"):
        return now
    if data_type in ("jsonb", "json"):
        return "{}"
    return ""


@transaction.atomic
def seed(scale: int, *, seed_value: int = 4) -> dict:
    """Replace every practice with `scale` published ones over CITIES cities. Returns handy slugs and codes."""
    rng = random.Random(seed_value)
    now = datetime.now(UTC)
    for code in COUNTRIES:
        Country.objects.get_or_create(code=code, defaults={"name": f"Country {code}"})
    networks = {}
    for code, name in NETWORKS.items():
        networks[code], _ = NationalNetwork.objects.get_or_create(
            slug=f"bench-{code.lower()}", defaults={"name": name, "country_id": code}
        )
    existing = set(City.objects.filter(slug__startswith="bench-city-").values_list("slug", flat=True))
    City.objects.bulk_create(
        [
            City(
                slug=f"bench-city-{i}",
                name=f"Bench City {i}",
                country_id=COUNTRIES[i % len(COUNTRIES)],
                national_network=networks.get(COUNTRIES[i % len(COUNTRIES)]),
                population=rng.randint(30_000, 2_000_000),
                foreign_born_share=rng.randint(5, 40),
                joined_year=rng.randint(2008, 2024),
            )
            for i in range(CITIES)
            if f"bench-city-{i}" not in existing
        ]
    )
    city_country = dict(
        City.objects.filter(slug__startswith="bench-city-").order_by("id").values_list("id", "country_id")
    )
    city_ids = list(city_country)
    fields = {f.code: f.id for f in FieldOfAction.objects.all()}
    if not fields:
        fields_of_action_sync(FieldOfAction)
        fields = {f.code: f.id for f in FieldOfAction.objects.all()}
    parents = {row[0]: row[1] for row in FIELDS_OF_ACTION}
    codes = list(fields)
    target_groups = ["young_people", "teachers_trainers", "municipalities", "social_workers", "interested_citizens"]
    types = ["project", "programme", "initiative_campaign", "network", "training_material"]

    en_pool, fr_pool = _paragraphs(EN_WORDS, rng, 600), _paragraphs(FR_WORDS, rng, 200)
    en_pool = [f"An {COMMON_WORD} approach. " + p for p in en_pool]
    fr_pool = [f"Une démarche interculturelle ({COMMON_WORD}). " + p for p in fr_pool]

    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        # TRUNCATE fires no row trigger: deleting 100,000 rows one trigger at a time would take many minutes.
        cursor.execute("TRUNCATE goodpractices_goodpractice_secondary_fields, goodpractices_goodpractice CASCADE")
        cursor.execute("ALTER TABLE goodpractices_goodpractice DISABLE TRIGGER USER")
        cursor.execute("ALTER TABLE goodpractices_goodpractice_secondary_fields DISABLE TRIGGER USER")
        cursor.execute("SELECT nextval(pg_get_serial_sequence('goodpractices_goodpractice', 'id'))")
        first_id = cursor.fetchone()[0] + 1
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('goodpractices_goodpractice', 'id'), %s)", [first_id + scale]
        )
        required = _required_columns(cursor, "goodpractices_goodpractice")
        ours = ["id", "city_id", "title", "slug", "main_field_id", "main_purpose", "purpose", "stimulus", "process",
                "impact", "references", "target_groups", "practice_types", "language", "status", "published_at",
                "year", "field_codes", "created_at", "updated_at", "version", "country_code"]  # fmt: skip
        extra = [column for column in required if column not in ours]
        columns = ours + extra
        fillers = [_filler(required[column], now) for column in extra]
        secondary = []

        def rows():
            for n in range(scale):
                pid = first_id + n
                french = rng.random() < 0.15
                pool = fr_pool if french else en_pool
                main = rng.choice(codes)
                others = rng.sample(codes, rng.randint(0, 2))
                field_codes = set()
                for code in [main, *others]:
                    field_codes |= {code, parents[code]} - {None}
                secondary.extend((pid, fields[code]) for code in others if code != main)
                texts = {key: _text(pool, rng, length) for key, length in LENGTHS.items()}
                if n % 200 == 7:
                    texts["process"] += f" A {RARE_WORD} brought residents and staff together."
                year = rng.randint(2008, 2025)
                published = now - timedelta(days=(2025 - year) * 365 + rng.randint(0, 364), seconds=n)
                title_words = rng.sample(FR_WORDS if french else EN_WORDS, 5)
                city_id = rng.choice(city_ids)
                yield [
                    pid, city_id, " ".join(title_words).capitalize() + f" {n}", f"bench-practice-{n}",
                    fields[main], texts["main_purpose"], texts["purpose"], texts["stimulus"], texts["process"],
                    texts["impact"], "", rng.sample(target_groups, rng.randint(1, 2)), [rng.choice(types)],
                    "fr" if french else "en", "published", published, year, sorted(field_codes), published,
                    published, 1, city_country[city_id], *fillers,
                ]  # fmt: skip

        _copy(cursor, "goodpractices_goodpractice", columns, rows())
        _copy(cursor, "goodpractices_goodpractice_secondary_fields", ["goodpractice_id", "fieldofaction_id"],
              secondary)  # fmt: skip
        cursor.execute(
            "SET CONSTRAINTS ALL IMMEDIATE"
        )  # check the foreign keys now: ALTER TABLE needs no pending events
        cursor.execute("ALTER TABLE goodpractices_goodpractice ENABLE TRIGGER USER")
        cursor.execute("ALTER TABLE goodpractices_goodpractice_secondary_fields ENABLE TRIGGER USER")
        cursor.execute("SELECT gp_facets_rebuild()")
    return {"country": COUNTRIES[0], "field": "3"}


def run(*, scale: int, requests: int | None = None) -> list[dict]:
    """Seed `scale` practices, then measure the database's pages and endpoints."""
    requests = requests or int(os.environ.get("BENCH_REQUESTS", "200"))
    info = seed(scale)
    with connection.cursor() as cursor:
        # VACUUM sets the visibility map (index-only scans) as autovacuum would after a bulk load; ANALYZE the stats.
        vacuum = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"  # a test's transaction: no VACUUM
        cursor.execute(f"{vacuum} goodpractices_goodpractice")
        cursor.execute(f"{vacuum} goodpractices_goodpractice_secondary_fields")
        cursor.execute("ANALYZE goodpractices_practicefacetcount")
    step = max(1, scale // 50)
    practice_pages = [f"/good-practices/bench-practice-{n}/" for n in range(0, scale, step)]
    field, country = info["field"], info["country"]
    return [
        measure("list, no filter", "/good-practices/", requests=requests),
        measure("list, field + country", f"/good-practices/?field={field}&country={country}", requests=requests),
        measure(f"search, common word ({COMMON_WORD})", f"/good-practices/?q={COMMON_WORD}", requests=requests),
        measure(f"search, rare word ({RARE_WORD})", f"/good-practices/?q={RARE_WORD}", requests=requests),
        measure("practice page", practice_pages, requests=requests, note="cycles through 50 practices"),
        measure("API list", "/api/v1/good-practices/", requests=requests),
        measure(f"API q={COMMON_WORD}", f"/api/v1/good-practices/?q={COMMON_WORD}", requests=requests),
    ]
