"""Browsing the database: facet counts and a bounded result window (see docs/search.md and docs/performance.md).

No page view counts or groups the whole table: with no filter the counts come from PracticeFacetCount (kept by
triggers); with filters they are counted over the newest FACET_SAMPLE matches, exact whenever the filters give
fewer, shown as "n+" otherwise. Lists page through the first MAX_RESULTS matches; the exports give every row.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import connection

from . import search
from .models import PracticeFacetCount

MAX_RESULTS = search.CANDIDATES
FACET_SAMPLE = search.CANDIDATES


@dataclass
class FacetCounts:
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    total: int = 0
    partial: bool = False  # counted over the newest FACET_SAMPLE matches only: each count is a lower bound

    def get(self, facet: str, value) -> int:
        return self.counts.get(facet, {}).get(str(value), 0)


def summary_counts() -> FacetCounts:
    """Counts over every published practice, from the maintained summary table (one small query)."""
    result = FacetCounts()
    for facet, value, count in PracticeFacetCount.objects.filter(count__gt=0).values_list("facet", "value", "count"):
        if facet == "total":
            result.total = count
        else:
            result.counts.setdefault(facet, {})[value] = count
    return result


_FACETS_SQL = """
WITH p AS MATERIALIZED ({ids})
SELECT v.facet, v.value, count(*) FROM p
JOIN cities_city c ON c.id = p.city_id
LEFT JOIN cities_nationalnetwork n ON n.id = c.national_network_id,
LATERAL (
    SELECT 'total' AS facet, '' AS value UNION ALL SELECT 'city', c.slug
    UNION ALL SELECT 'country', c.country_id UNION ALL SELECT 'network', n.slug
    UNION ALL SELECT 'year', p.year::text UNION ALL SELECT 'language', p.language
    UNION ALL SELECT DISTINCT 'field', unnest(p.field_codes)
    UNION ALL SELECT DISTINCT 'target_group', unnest(p.target_groups)
    UNION ALL SELECT DISTINCT 'practice_type', unnest(p.practice_types)
) v
WHERE v.value IS NOT NULL
GROUP BY v.facet, v.value
"""


def filtered_counts(matches) -> FacetCounts:
    """Counts over the newest FACET_SAMPLE (+1, to know whether there are more) matches: one bounded query."""
    # The facet columns come with the matches: joining back to the wide practice table would scan it.
    columns = ("id", "city_id", "year", "language", "field_codes", "target_groups", "practice_types")
    ids = matches.order_by("-published_at", "-id").values(*columns)[: FACET_SAMPLE + 1]
    sql, params = ids.query.sql_with_params()
    result = FacetCounts()
    with connection.cursor() as cursor:
        cursor.execute(_FACETS_SQL.format(ids=sql), params)
        for facet, value, count in cursor.fetchall():
            if facet == "total":
                result.total = count
            else:
                result.counts.setdefault(facet, {})[value] = count
    if result.total > FACET_SAMPLE:
        result.total, result.partial = FACET_SAMPLE, True
    return result


class CappedPaginator(Paginator):
    """A paginator over the first MAX_RESULTS rows: counting them is bounded, and so is the deepest OFFSET."""

    def __init__(self, object_list, per_page, *, known_count: int | None = None, **kwargs):
        super().__init__(object_list[:MAX_RESULTS], per_page, **kwargs)
        if known_count is not None:
            self.count = min(known_count, MAX_RESULTS)
