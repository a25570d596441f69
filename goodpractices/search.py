"""Full-text search over good practices in PostgreSQL (see docs/search.md).

Each practice is indexed in its own language's configuration (French practices with 'french', English ones with
'english', others with 'simple'); a query is parsed in all three and the results OR-ed, so "racism" finds an English
practice and "racisme" a French one. Ranking is done on a bounded candidate set, never on every match of a common
word, and snippets (`ts_headline`) are computed for the rows of the page only.
"""

from collections.abc import Sequence

from django.contrib.postgres.search import SearchConfig, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, Func, TextField, Value, When
from django.db.models.functions import Concat

# The configuration of a row, from its `language` column; written with constant regconfigs so that PostgreSQL
# accepts it in a generated column (a cast of a text column to regconfig is not immutable).
ROW_CONFIG_SQL = (
    "(CASE language WHEN 'fr' THEN 'french'::regconfig WHEN 'en' THEN 'english'::regconfig "
    "ELSE 'simple'::regconfig END)"
)


def _weighted(columns: str, weight: str) -> str:
    return f"setweight(to_tsvector({ROW_CONFIG_SQL}, {columns}), '{weight}')"


SEARCH_VECTOR_SQL = " || ".join(
    [
        _weighted("title", "A"),
        _weighted("main_purpose", "B"),
        _weighted("purpose || ' ' || impact", "C"),
        _weighted("stimulus || ' ' || process", "D"),
    ]
)
TITLE_VECTOR_SQL = f"to_tsvector({ROW_CONFIG_SQL}, title)"
# What matching reads: every word of every section, without positions or weights (strip), stored inline: the
# newest-first walk for a common word tests ~1,000 of these instead of detoasting as many full vectors, and the
# GIN index on it finds rare words. Only a phrase query ("...") also tests the positions in search_vector.
MATCH_VECTOR_SQL = (
    f"strip(to_tsvector({ROW_CONFIG_SQL}, title || ' ' || main_purpose || ' ' || purpose || ' ' || impact || ' ' "
    "|| stimulus || ' ' || process))"
)
# What ranking reads: title and main purpose only, a few hundred bytes stored inline (never TOASTed), stemmed in the
# practice's language; and the same words as written ('simple'), so that a query's exact word forms rank first: a
# French query ("racisme") puts the French practices that use that word above English ones stemmed alike.
RANK_VECTOR_SQL = f"{_weighted('title', 'A')} || {_weighted('main_purpose', 'B')}"
EXACT_VECTOR_SQL = (
    "setweight(to_tsvector('simple'::regconfig, title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, main_purpose), 'B')"
)

QUERY_CONFIGS = ("english", "french", "simple")
# How many matches are ranked: the newest matches plus the newest title matches (docs/search.md).
CANDIDATES = 1000
TITLE_CANDIDATES = 300
# Markers around highlighted words; the text is escaped first and the markers replaced by <mark>.
START_SEL, STOP_SEL = "\x02", "\x03"
MAX_QUERY_LENGTH = 200


def search_query(text: str) -> SearchQuery:
    """The user's words (web search syntax: quotes, OR, -word) in every configuration, OR-ed."""
    query = None
    for config in QUERY_CONFIGS:
        part = SearchQuery(text, search_type="websearch", config=config)
        query = part if query is None else query | part
    return query


def matching(queryset, text: str):
    query = search_query(text)
    queryset = queryset.filter(match_vector=query)
    # A quoted phrase needs word positions, which the stripped match_vector lacks: the full vector confirms it.
    return queryset.filter(search_vector=query) if '"' in text else queryset


def rank_expression(text: str):
    """Relevance from the small inline vectors: stemmed title/main purpose in every configuration, plus the exact
    word forms as typed (so a French word ranks the practices that use it, in French, first)."""
    stemmed = SearchRank(F("rank_vector"), search_query(text), normalization=Value(0))
    exact = SearchRank(
        F("exact_vector"), SearchQuery(text, search_type="websearch", config="simple"), normalization=Value(0)
    )
    return stemmed + exact


# The columns a candidate carries: facet counts are taken from the same rows, without reading the table again.
FACET_COLUMNS = ("id", "city_id", "year", "language", "field_codes", "target_groups", "practice_types")


def candidate_ctes(queryset, text: str) -> tuple[str, list]:
    """SQL of the CTEs that rank a bounded candidate set, in one pass over it: `newest` (the newest CANDIDATES + 1
    matches, with their facet columns and rank), `titles` (the newest TITLE_CANDIDATES title matches, so a strong
    older match is not lost) and `ranked` (one row: the ids of both, best first, at most CANDIDATES).

    The rank is computed in the same scan, on the small inline vectors; a word such as "intercultural" matches
    nearly every practice and ranking all of them would cost hundreds of milliseconds."""
    query, rank = search_query(text), rank_expression(text)
    newest = (
        matching(queryset, text)
        .annotate(rank=rank)
        .order_by("-published_at", "-id")
        .values(*FACET_COLUMNS, "published_at", "rank")[: CANDIDATES + 1]
    )
    titles = (
        queryset.filter(title_vector=query)
        .annotate(rank=rank)
        .order_by("-published_at", "-id")
        .values("id", "published_at", "rank")[:TITLE_CANDIDATES]
    )
    newest_sql, newest_params = newest.query.sql_with_params()
    titles_sql, titles_params = titles.query.sql_with_params()
    sql = (
        f"newest AS MATERIALIZED ({newest_sql}), titles AS MATERIALIZED ({titles_sql}), "
        "ranked AS (SELECT (array_agg(id ORDER BY rank DESC, published_at DESC, id DESC))"
        f"[1:{CANDIDATES}] AS ids FROM ((SELECT id, published_at, rank FROM newest ORDER BY published_at DESC, id DESC "
        f"LIMIT {CANDIDATES}) UNION SELECT id, published_at, rank FROM titles) candidates)"
    )
    return sql, [*newest_params, *titles_params]


def ranked_ids(queryset, text: str) -> list[int]:
    """The ids of the best matches of `text` in `queryset`, best first (one query)."""
    sql, params = candidate_ctes(queryset, text)
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {sql} SELECT ids FROM ranked", params)
        return cursor.fetchone()[0] or []


class RankedResults(Sequence):
    """Ranked matches as a lazy sequence of practices: the ids are known (one query), the rows of a slice are read
    when it is iterated (one query for the page, never the whole candidate set). Paginators and DRF take it as
    they take a QuerySet."""

    def __init__(self, ids: list[int], rows):
        self.ids, self.rows, self._cache = list(ids), rows, None

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return RankedResults(self.ids[index], self.rows)
        return self._fetch()[index]

    def __iter__(self):
        return iter(self._fetch())

    def _fetch(self) -> list:
        if self._cache is None:
            by_id = {row.id: row for row in self.rows.filter(id__in=self.ids)} if self.ids else {}
            self._cache = [by_id[i] for i in self.ids if i in by_id]
        return self._cache


def rows_like(queryset):
    """A queryset reading the same model, related rows and columns as `queryset`, without its filters."""
    rows = queryset.model._default_manager.all()
    rows.query.select_related = queryset.query.select_related
    rows.query.deferred_loading = queryset.query.deferred_loading
    rows._prefetch_related_lookups = queryset._prefetch_related_lookups
    return rows


def ranked(queryset, text: str) -> RankedResults:
    """The matches of `text` in `queryset`, best first, over a bounded candidate set (see candidate_ctes)."""
    return RankedResults(ranked_ids(queryset, text), rows_like(queryset))


class Headline(Func):
    """ts_headline in the row's own configuration."""

    function = "ts_headline"
    output_field = TextField()

    def __init__(self, text, query, options):
        super().__init__(row_config(), text, query, Value(options))


def row_config():
    """The row's configuration as a query expression (qualified columns, safe in joins)."""
    config = Case(
        When(language="fr", then=Value("french")), When(language="en", then=Value("english")), default=Value("simple")
    )
    return SearchConfig(config)


def with_headlines(queryset, text: str):
    """Annotate `title_headline` and `snippet`: only ever applied to the rows of one page."""
    query = search_query(text)
    # ts_headline costs in proportion to the text it reads: the two opening sections say why a practice matched.
    body = Concat("main_purpose", Value(" "), "purpose", output_field=TextField())
    options = f"StartSel={START_SEL}, StopSel={STOP_SEL}, MaxWords=40, MinWords=15, MaxFragments=2"
    return queryset.annotate(
        title_headline=Headline(F("title"), query, f"StartSel={START_SEL}, StopSel={STOP_SEL}, HighlightAll=true"),
        snippet=Headline(body, query, options),
    )


def highlight_html(text: str) -> str:
    """Escape a headline and turn its markers into <mark> elements."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    return mark_safe(escape(text).replace(START_SEL, "<mark>").replace(STOP_SEL, "</mark>"))
