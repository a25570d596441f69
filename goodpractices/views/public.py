"""The public good-practice database: the list with filters and search, a practice's page and PDF, the pages of
the fields of action. Every page answers bad input with a normal page (or 400 with the message), never a 500."""

from html import escape

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cities.models import City, Country
from core.cache import remember

from .. import browse, search
from ..filters import GoodPracticeFilterSet, Ordering, field_choices
from ..models import FieldOfAction, GoodPractice
from ..pdf import practice_pdf
from ..selectors import filter_option_labels, practice_visible_to, published_practices, related_practices
from ..structured_data import practice_json_ld

PAGE_SIZE = 20
# What a result card never shows: the long sections and the search vectors (kilobytes a row, mostly TOASTed).


def results_context(request, *, base=None, field_code: str | None = None) -> tuple[dict, int]:
    """What the list and its htmx partial need: the filter form, the page of results with snippets, the counts.
    `base` narrows the database (a field's page); the summary counts then no longer apply."""
    restricted = base is not None
    base = (published_practices() if base is None else base).summaries()
    filterset = GoodPracticeFilterSet(request.GET, queryset=base)
    status = 200
    if filterset.is_bound and not filterset.is_valid():
        status = 400
    text = filterset.query_text
    options = None
    if filterset.ranks:
        # A search by relevance: one query ranks the candidates and counts the facets; the page's rows and
        # their highlighted snippets are read in one more.
        ids, counts = browse.ranked_window(filterset.filtered(base), text)
        results = search.RankedResults(ids, search.with_headlines(search.rows_like(base), text))
    elif filterset.active_filters or restricted:
        # One walk gives the counts and, newest first, the ids of every page: the page reads its 20 rows by id.
        ids, counts = browse.filtered_window(filterset.matches(base))
        by_title = filterset.ordering_value == Ordering.TITLE
        results = filterset.qs if by_title else search.RankedResults(ids, search.rows_like(base))
    else:
        counts = browse.summary_counts()
        results = filterset.qs
        # Without a filter the options are the same on every page and ordering: rendered once per language and
        # change of what they count and name (core.cache).
        key = f"practice-filter-options:{get_language()}"
        options = remember(key, ("goodpractices", "cities"), lambda: _options(filterset, counts))
    paginator = browse.CappedPaginator(results, PAGE_SIZE, known_count=counts.total)
    page = paginator.get_page(request.GET.get("page"))
    practices = _with_snippets(list(page.object_list), text)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filterset": filterset,
        "page": page,
        "practices": practices,
        "counts": counts,
        "total": counts.total,
        "total_capped": counts.partial,
        "window_capped": paginator.count < counts.total or counts.partial,
        "max_results": browse.MAX_RESULTS,
        "query_string": query.urlencode(),
        "options": options or _options(filterset, counts, field_code=field_code),
        "choice_facets": _choice_facets(filterset, counts),
        "selected": _selected_filters(filterset, query),
        "q": filterset.query_text,
    }
    return context, status


# Facets with a handful of values are radio lists with their counts in view; long ones stay drop-downs.
CHOICE_FACETS = ("target_group", "practice_type", "language")


def _choice_facets(filterset, counts: browse.FacetCounts) -> list[dict]:
    active = filterset.active_filters
    plus = "+" if counts.partial else ""
    facets = []
    for name in CHOICE_FACETS:
        field = filterset.form.fields[name]
        options = [
            {
                "value": value,
                "label": label,
                "count": "" if name in active else f"{_number(counts.get(name, value))}{plus}",
                "selected": str(active.get(name, "")) == str(value),
            }
            for value, label in field.choices[1:]
        ]
        facets.append({"name": name, "label": field.label, "options": options, "active": name in active})
    return facets


def _selected_filters(filterset, query) -> list[dict]:
    """The filters in use, each with its readable value and the address of the page without it (a removable tag)."""
    form = filterset.form
    selected = []
    for name, value in filterset.active_filters.items():
        if name == "q":
            continue
        field = form.fields[name]
        choices = {str(key): label for key, label in field.choices} if hasattr(field, "choices") else {}
        label = choices.get(str(value)) or value
        if name == "city":
            label = City.objects.filter(slug=str(value).lower()).values_list("name", flat=True).first() or value
        elif name == "country":
            label = Country.objects.filter(code=str(value).upper()).values_list("name", flat=True).first() or value
        remaining = query.copy()
        remaining.pop(name, None)
        selected.append({"name": form.fields[name].label, "value": label, "remove": remaining.urlencode()})
    return selected


def _with_snippets(practices: list[GoodPractice], text: str) -> list[GoodPractice]:
    """ts_headline for the rows of this page only (one query, unless they were read with them)."""
    if not text or not practices:
        return practices
    if hasattr(practices[0], "snippet"):  # read with the rows (a ranked window)
        for practice in practices:
            practice.title_html = search.highlight_html(practice.title_headline or practice.title)
            practice.snippet_html = search.highlight_html(practice.snippet or "")
        return practices
    rows = search.with_headlines(GoodPractice.objects.filter(id__in=[p.id for p in practices]), text)
    headlines = {row["id"]: row for row in rows.values("id", "title_headline", "snippet")}
    for practice in practices:
        found = headlines.get(practice.id, {})
        practice.title_html = search.highlight_html(found.get("title_headline") or practice.title)
        practice.snippet_html = search.highlight_html(found.get("snippet") or "")
    return practices


def _options(filterset, counts: browse.FacetCounts, *, field_code: str | None = None) -> dict:
    """Each filter's <option> elements with the number of practices they give (cities go to a datalist).
    Built here rather than in a template loop: a few hundred options per page cost milliseconds in templates."""
    active = filterset.active_filters
    plus = "+" if counts.partial else ""

    def tags(facet, choices, *, selected=None, show_counts=True):
        # The option of an active facet is replaced, not added to: its siblings' counts would mislead, so none.
        show_counts = show_counts and facet not in active
        chosen = str(active.get(facet, "") if selected is None else selected)
        html = []
        for value, label in choices:
            selected = " selected" if chosen == str(value) else ""
            count = f" ({_number(counts.get(facet, value))}{plus})" if show_counts else ""
            html.append(f'<option value="{escape(str(value))}"{selected}>{escape(str(label))}{count}</option>')
        return mark_safe("".join(html))  # every value and label is escaped above

    country_codes = list(counts.counts.get("country", {})) + [active.get("country", "")]
    network_slugs = list(counts.counts.get("network", {})) + [active.get("network", "")]
    labels = filter_option_labels()

    def named(facet, values):
        values = set(values)
        return [(value, name) for value, name in labels[facet] if value in values]

    countries = named("country", country_codes)
    networks = named("network", network_slugs)
    cities = named("city", counts.counts.get("city", {}))
    years = {int(year) for year in counts.counts.get("year", {})} | ({active["year"]} if "year" in active else set())
    form = filterset.form
    fields = field_choices()
    return {
        # On a field's own page the filter shows that field (it is the page's scope) unless another one is chosen.
        "field": tags("field", fields, selected=active.get("field") or field_code),
        "main_field": tags("main_field", fields, show_counts=False),
        "country": tags("country", countries),
        "has_networks": bool(network_slugs[:-1]) or "network" in active,
        "network": tags("network", networks),
        "year": tags("year", [(year, str(year)) for year in sorted(years, reverse=True)]),
        "target_group": tags("target_group", form.fields["target_group"].choices[1:]),
        "practice_type": tags("practice_type", form.fields["practice_type"].choices[1:]),
        "language": tags("language", form.fields["language"].choices[1:]),
        "city": tags("city", cities),
    }


def _number(value: int) -> str:
    grouped = f"{value:,}"
    return grouped.replace(",", "\u202f") if (get_language() or "").startswith("fr") else grouped


@require_GET
def practice_list(request):
    context, status = results_context(request)
    template = "goodpractices/_results.html" if request.htmx and not request.htmx.boosted else None
    return render(request, template or "goodpractices/practice_list.html", context, status=status)


@require_GET
def practice_detail(request, slug):
    practice = get_object_or_404(practice_visible_to(user=request.user).without_vectors(), slug=slug)
    context = {
        "practice": practice,
        "secondary_fields": list(practice.secondary_fields.all()),
        "related": related_practices(practice) if practice.status == "published" else [],
        "json_ld": practice_json_ld(practice, request) if practice.status == "published" else "",
    }
    return render(request, "goodpractices/practice_detail.html", context)


@require_GET
def practice_pdf_view(request, slug):
    practice = get_object_or_404(practice_visible_to(user=request.user), slug=slug)
    pdf = practice_pdf(practice=practice, secondary_fields=list(practice.secondary_fields.all()))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{practice.slug}.pdf"'
    return response


@require_GET
def field_list(request):
    fields = FieldOfAction.objects.filter(parent__isnull=True).prefetch_related("children")
    counts = browse.summary_counts()
    rows = [
        {
            "field": f,
            "count": counts.get("field", f.code),
            "children": [{"field": c, "count": counts.get("field", c.code)} for c in f.children.all()],
        }
        for f in fields
    ]
    return render(request, "goodpractices/field_list.html", {"rows": rows})


@require_GET
def field_detail(request, code):
    field = FieldOfAction.objects.select_related("parent").filter(code=code).first()
    if field is None:
        raise Http404(_("No such field of action."))
    children = list(field.children.all())
    base = published_practices().filter(field_codes__contains=[field.code])
    context, status = results_context(request, base=base, field_code=field.code)
    context.update({"field": field, "children": children})
    template = "goodpractices/_results.html" if request.htmx else "goodpractices/field_detail.html"
    return render(request, template, context, status=status)
