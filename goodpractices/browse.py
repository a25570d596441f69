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


# One pass of small GROUP BYs over the sampled matches (their facet columns come with them: no join back to the
# wide practice table); places are counted per city first, then rolled up to countries and networks; an array value
# counts once per practice (hashed, no sort; `field_codes` is distinct by construction: trigger gp_field_codes).
# CTEs over `p` (the sampled matches) ending in `facets` (facet, value, count).
_FACETS_SQL = """
by_city AS MATERIALIZED (
    SELECT c.slug, c.country_id, n.slug AS network, x.n FROM (SELECT city_id, count(*) AS n FROM p GROUP BY city_id) x
    JOIN cities_city c ON c.id = x.city_id LEFT JOIN cities_nationalnetwork n ON n.id = c.national_network_id
),
facets (facet, value, count) AS (
    SELECT 'total', '', count(*)::int FROM p
    UNION ALL SELECT 'city', slug, n::int FROM by_city
    UNION ALL SELECT 'country', country_id, sum(n)::int FROM by_city GROUP BY country_id
    UNION ALL SELECT 'network', network, sum(n)::int FROM by_city WHERE network IS NOT NULL GROUP BY network
    UNION ALL SELECT 'year', year::text, count(*)::int FROM p WHERE year IS NOT NULL GROUP BY year
    UNION ALL SELECT 'language', language, count(*)::int FROM p GROUP BY language
    UNION ALL SELECT 'field', v, count(*)::int FROM (SELECT unnest(field_codes) AS v FROM p) x GROUP BY v
    UNION ALL SELECT 'target_group', v, count(*)::int
        FROM (SELECT id, v FROM p, unnest(target_groups) v GROUP BY id, v) x GROUP BY v
    UNION ALL SELECT 'practice_type', v, count(*)::int
        FROM (SELECT id, v FROM p, unnest(practice_types) v GROUP BY id, v) x GROUP BY v
)
"""


def _counts(rows, *, sample: int) -> FacetCounts:
    result = FacetCounts()
    for facet, value, count in rows:
        if facet == "total":
            result.total = count
        else:
            result.counts.setdefault(facet, {})[value] = count
    if result.total > sample:
        result.total, result.partial = sample, True
    return result


def filtered_window(matches) -> tuple[list[int], FacetCounts]:
    """The newest FACET_SAMPLE (+1, to know whether there are more) matches in one bounded query: their ids, newest
    first (every page of the list lies within them: MAX_RESULTS ≤ FACET_SAMPLE), and the facet counts over them."""
    # The facet columns come with the matches (index-only, gp_published_facets): the wide rows are never read.
    newest = matches.order_by("-published_at", "-id").values(*search.FACET_COLUMNS, "published_at")
    sql, params = newest[: FACET_SAMPLE + 1].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH p AS MATERIALIZED ({sql}), {_FACETS_SQL} "
            "SELECT facet, value, count, NULL::bigint[] FROM facets "
            "UNION ALL SELECT '_ids', '', 0, array_agg(id ORDER BY published_at DESC, id DESC) FROM p",
            params,
        )
        return _ids_and_counts(cursor.fetchall())


def ranked_window(filtered, text: str) -> tuple[list[int], FacetCounts]:
    """A search by relevance in one query: the candidate set (search.candidate_ctes) is read once, and gives both
    the ranked ids and the facet counts (over its newest FACET_SAMPLE + 1 matches, as filtered_window)."""
    ctes, params = search.candidate_ctes(filtered, text)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH {ctes}, p AS (SELECT * FROM newest), {_FACETS_SQL} "
            "SELECT facet, value, count, NULL::bigint[] FROM facets UNION ALL SELECT '_ids', '', 0, ids FROM ranked",
            params,
        )
        return _ids_and_counts(cursor.fetchall())


def _ids_and_counts(rows) -> tuple[list[int], FacetCounts]:
    ids = next((row[3] for row in rows if row[0] == "_ids"), None) or []
    return ids, _counts([row[:3] for row in rows if row[0] != "_ids"], sample=FACET_SAMPLE)


class CappedPaginator(Paginator):
    """A paginator over the first MAX_RESULTS rows: counting them is bounded, and so is the deepest OFFSET."""

    def __init__(self, object_list, per_page, *, known_count: int | None = None, **kwargs):
        super().__init__(object_list[:MAX_RESULTS], per_page, **kwargs)
        if known_count is not None:
            self.count = min(known_count, MAX_RESULTS)
