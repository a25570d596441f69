"""Full-text search over good practices in PostgreSQL (see docs/search.md).

Each practice is indexed in its own language's configuration (French practices with 'french', English ones with
'english', others with 'simple'); a query is parsed in all three and the results OR-ed, so "racism" finds an English
practice and "racisme" a French one. Ranking is done on a bounded candidate set, never on every match of a common
word, and snippets (`ts_headline`) are computed for the rows of the page only.
"""

from django.contrib.postgres.search import SearchConfig, SearchQuery, SearchRank
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
    return queryset.filter(search_vector=search_query(text))


def ranked(queryset, text: str):
    """The matches of `text` in `queryset`, best first, ranking only a bounded candidate set: the newest
    CANDIDATES matches and the newest TITLE_CANDIDATES title matches. A word such as "intercultural" matches
    nearly every practice; ranking all of them would cost hundreds of milliseconds."""
    query = search_query(text)
    newest = queryset.filter(search_vector=query).order_by("-published_at", "-id").values("id")[:CANDIDATES]
    in_title = queryset.filter(title_vector=query).order_by("-published_at", "-id").values("id")[:TITLE_CANDIDATES]
    candidates = queryset.model._default_manager.filter(id__in=newest.union(in_title))
    candidates.query.select_related = queryset.query.select_related
    candidates._prefetch_related_lookups = queryset._prefetch_related_lookups
    return candidates.annotate(rank=SearchRank(F("search_vector"), query, normalization=Value(0))).order_by(
        "-rank", "-published_at", "-id"
    )


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
