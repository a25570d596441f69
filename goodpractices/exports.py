"""Open data: every practice matching the filters, streamed as CSV or JSON (never loaded whole into memory).

The columns are the API's names. Contact persons and e-mail addresses are left out of the open data."""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder

COLUMNS = [
    "id", "slug", "url", "title", "city", "country", "main_field", "secondary_fields", "main_purpose",
    "period_start", "period_end", "period_text", "purpose", "stimulus", "process", "impact", "references",
    "reference_links", "target_groups", "practice_type", "area", "language", "available_languages",
    "published_at", "year",
]  # fmt: skip
CHUNK = 1000
# Spreadsheets run cells that start with these as formulas.
_FORMULA_START = ("=", "+", "@", "\t", "\r")


def practice_row(practice, site_url: str) -> dict:
    return {
        "id": practice.id,
        "slug": practice.slug,
        "url": site_url + practice.get_absolute_url(),
        "title": practice.title,
        "city": practice.city.slug,
        "country": practice.city.country_id,
        "main_field": practice.main_field.code if practice.main_field else None,
        "secondary_fields": [field.code for field in practice.secondary_fields.all()],
        "main_purpose": practice.main_purpose,
        "period_start": practice.period_start,
        "period_end": practice.period_end,
        "period_text": practice.period_text,
        "purpose": practice.purpose,
        "stimulus": practice.stimulus,
        "process": practice.process,
        "impact": practice.impact,
        "references": practice.references,
        "reference_links": practice.reference_links,
        "target_groups": practice.target_groups,
        "practice_type": practice.practice_types,
        "area": practice.areas,
        "language": practice.language,
        "available_languages": practice.available_languages,
        "published_at": practice.published_at,
        "year": practice.year,
    }


def _rows(queryset, site_url):
    queryset = queryset.select_related("city", "main_field").prefetch_related("secondary_fields")
    for practice in queryset.iterator(chunk_size=CHUNK):
        yield practice_row(practice, site_url)


class _Echo:
    def write(self, value):
        return value


def _cell(value):
    if isinstance(value, list):
        value = "|".join(str(item) for item in value)
    elif value is None:
        value = ""
    elif hasattr(value, "isoformat"):
        value = value.isoformat()
    value = str(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_lines(queryset, site_url: str):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(COLUMNS)  # the BOM makes spreadsheets read UTF-8
    for row in _rows(queryset, site_url):
        yield writer.writerow([_cell(row[column]) for column in COLUMNS])


def json_chunks(queryset, site_url: str):
    yield "["
    first = True
    for row in _rows(queryset, site_url):
        yield ("" if first else ",\n") + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
        first = False
    yield "]\n"
