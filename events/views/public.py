"""The public side of events: the calendar (upcoming first, past by year), an event's page with its state for the
reader, the iCalendar feeds, documents and statistics. Bad filters answer 400 with the page, never a 500."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cities.models import City
from core import charts
from core.csv import csv_writer, safe_row
from goodpractices.filters import field_choices

from .. import ical, selectors
from ..choices import EventKind, EventStatus
from ..filters import EventFilterSet
from ..models import EventDocument

UPCOMING_PAGE = 20
PAST_PAGE = 20
INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg"}


@require_GET
def calendar(request):
    """Upcoming events first (soonest first), then the past ones of one year (the latest by default, or `year`)."""
    filterset = EventFilterSet(request.GET or None, queryset=selectors.calendar_events())
    status = 200
    if filterset.is_bound and not filterset.is_valid():
        status = 400
    rows = filterset.qs if filterset.is_bound and filterset.is_valid() else filterset.queryset
    now = timezone.now()
    chosen_year = filterset.form.cleaned_data.get("year") if status == 200 and filterset.is_bound else None
    upcoming = Paginator(rows.upcoming(now).order_by("starts_at", "id"), UPCOMING_PAGE).get_page(
        request.GET.get("page")
    )
    past_rows = rows.past(now)
    years = [d.year for d in past_rows.dates("starts_at", "year", order="DESC")]
    past_year = chosen_year or (years[0] if years else None)
    past = (
        Paginator(past_rows.filter(starts_at__year=past_year).order_by("-starts_at", "-id"), PAST_PAGE).get_page(
            request.GET.get("past_page")
        )
        if past_year
        else None
    )
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("past_page", None)
    query.pop("year", None)
    past_query = query.copy()
    if past_year:
        past_query["year"] = past_year
    context = {
        "filterset": filterset,
        "upcoming": upcoming,
        "past": past,
        "past_year": past_year,
        "years": years,
        "query_string": query.urlencode(),
        "past_query": past_query.urlencode(),
        "cities": City.objects.filter(hosted_events__status__in=["published", "closed", "cancelled"])
        .distinct()
        .order_by("name")
        .values_list("slug", "name"),
        "kind_options": EventKind.choices,
        "field_options": field_choices(),
        "is_filtered": bool(filterset.is_bound and filterset.is_valid() and filterset.active_filters),
    }
    return render(request, "events/calendar.html", context, status=status)


@require_GET
def event_detail(request, slug):
    event = get_object_or_404(
        selectors.events_visible_to(request.user).select_related("network", "second_session_of"), slug=slug
    )
    now = timezone.now()
    context = {
        "event": event,
        "state": selectors.reader_state(event, request.user, now),
        "starts": event.local(event.starts_at),
        "ends": event.local(event.ends_at),
        "is_past": event.is_past(now),
        "practices": event.practices.published().select_related("city"),
        "fields": event.fields_of_action.all(),
        "documents": event.documents.all(),
        "my_registrations": list(selectors.city_registrations(request.user, event=event)),
    }
    if context["is_past"] and event.status != EventStatus.CANCELLED:
        context["figures"] = selectors.event_statistics(event)
        context["gender_chart"] = _gender_chart(context["figures"])
    return render(request, "events/event_detail.html", context)


def _gender_chart(figures) -> str:
    rows = [(label, count) for label, count in figures.gender_rows]
    return mark_safe(charts.horizontal_bars(rows, title=_("Participants by gender")))  # escaped in core/charts.py


@require_GET
def calendar_ics(request):
    """Every published event (and the cancelled ones, marked so, for calendars that subscribed)."""
    events = selectors.public_events().order_by("starts_at", "id")
    body = ical.calendar_bytes(events, site_url=settings.SITE_URL, name=_("ICC events"))
    return _ics(body, "icc-events.ics")


@require_GET
def event_ics(request, slug):
    event = get_object_or_404(selectors.events_visible_to(request.user), slug=slug)
    return _ics(ical.calendar_bytes([event], site_url=settings.SITE_URL, name=event.title), f"{event.slug}.ics")


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def document(request, slug, pk, name):
    """A programme, report or conclusions: as public as its event; 404 otherwise, as if absent."""
    found = get_object_or_404(EventDocument.objects.select_related("event"), pk=pk, event__slug=slug)
    if name != found.name or not selectors.events_visible_to(request.user).filter(pk=found.event_id).exists():
        raise Http404
    try:
        handle = found.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        content_type=found.content_type,
        as_attachment=found.content_type not in INLINE_TYPES,
        filename=found.name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    return response


# Statistics


@require_GET
def statistics_year(request):
    """A year's events in the annual report's form: participants, cities, countries, nationalities, gender split,
    study visits and their waiting lists; a chart and its data table."""
    years = selectors.statistics_years()
    try:
        year = int(request.GET.get("year") or (years[0] if years else timezone.now().year))
    except ValueError:
        year = None
    if year is None or not 1950 <= year <= 2100:
        return render(request, "events/statistics.html", {"years": years, "error": _("Choose a year.")}, status=400)
    figures = selectors.year_statistics(year)
    chart = charts.stacked_bars(
        [(row.title, [row.figures.genders[g] for g in figures.total.genders]) for row in figures.events],
        title=_("Participants per event, by gender"),
        series=[label for label, _count in figures.total.gender_rows],
    )
    context = {"years": years, "year": year, "figures": figures, "chart": mark_safe(chart)}
    return render(request, "events/statistics.html", context)


@require_GET
def statistics_csv(request, year):
    figures = selectors.year_statistics(year)
    writer = csv_writer()
    genders = list(figures.total.genders)
    header = ["event", "kind", "starts_on", "participants", "cities", "countries", "nationalities", *genders, "waiting"]
    lines = [writer.writerow(header)]
    for row in figures.events:
        f = row.figures
        values = [row.title, row.kind, row.starts_on, f.participants, f.cities, f.countries, f.nationalities]
        lines.append(writer.writerow(safe_row([*values, *(f.genders[g] for g in genders), row.waiting])))
    t = figures.total
    total = [_("All events"), "", str(year), t.participants, t.cities, t.countries, t.nationalities]
    waiting = sum(row.waiting for row in figures.events)
    lines.append(writer.writerow(safe_row([*total, *(t.genders[g] for g in genders), waiting])))
    response = HttpResponse("".join(lines), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="icc-events-{year}.csv"'
    return response
