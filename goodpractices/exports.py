"""Open data: every practice matching the filters, streamed as CSV or JSON (never loaded whole into memory).

The columns are the API's names: the identifying columns first, then the template's fields in its order
(`template.TEMPLATE`), then the publication date and year. Contact details are left out of the open data
(`open_data=False` in the declaration). Every CSV cell goes through `core.csv.safe_cell`."""

import json

from django.core.serializers.json import DjangoJSONEncoder

from core.csv import csv_writer, safe_row

from . import template
from .template import Kind, TemplateField

LEADING = ("id", "slug", "url", "title", "city", "country")
TRAILING = ("published_at", "year")
CHUNK = 1000


def columns(fields=template.TEMPLATE) -> list[str]:
    open_data = [field.api_name for field in fields if field.open_data and field.api_name not in LEADING]
    return [*LEADING, *open_data, *TRAILING]


def _value(practice, field: TemplateField):
    value = getattr(practice, field.name)
    if field.kind == Kind.FIELD_OF_ACTION:
        return value.code if value else None
    if field.kind == Kind.FIELDS_OF_ACTION:
        return [item.code for item in value.all()]
    return value


def practice_row(practice, site_url: str, fields=template.TEMPLATE) -> dict:
    row = {
        "id": practice.id,
        "slug": practice.slug,
        "url": site_url + practice.get_absolute_url(),
        "city": practice.city.slug,
        "country": practice.city.country_id,
        "published_at": practice.published_at,
        "year": practice.year,
    }
    row.update({field.api_name: _value(practice, field) for field in fields if field.open_data})
    return {column: row[column] for column in columns(fields)}


def _rows(queryset, site_url, fields):
    queryset = queryset.select_related("city", "main_field").prefetch_related("secondary_fields")
    for practice in queryset.iterator(chunk_size=CHUNK):
        yield practice_row(practice, site_url, fields)


def csv_lines(queryset, site_url: str, fields=template.TEMPLATE):
    writer = csv_writer()
    yield "\ufeff" + writer.writerow(columns(fields))  # the BOM makes spreadsheets read UTF-8
    for row in _rows(queryset, site_url, fields):
        yield writer.writerow(safe_row(row.values()))


def json_chunks(queryset, site_url: str, fields=template.TEMPLATE):
    yield "["
    first = True
    for row in _rows(queryset, site_url, fields):
        yield ("" if first else ",\n") + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
        first = False
    yield "]\n"
