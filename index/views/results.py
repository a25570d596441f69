"""The public Index page, results and benchmarking on the city's page, and how the Index is scored."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cities.selectors import city_list

from .. import charts, selectors
from ..choices import VALIDATED_STATUSES, AssessmentStatus
from ..filters import PublishedResultFilterSet
from ..models import Assessment


def public_results(request):
    """The cities with published results, each with its latest core index, narrowed to a peer group. Listed by
    city name: the Index compares a city with similar cities, it does not rank them. A filter it cannot use is
    named at the top (400) and the others still apply."""
    filterset = PublishedResultFilterSet(
        request.GET or None, queryset=selectors.published_assessments(user=request.user)
    )
    valid = not filterset.is_bound or filterset.is_valid()
    context = {
        "filterset": filterset,
        "results": list(selectors.latest_per_city(filterset.qs)),
        "filtered": any(request.GET.get(name) for name in filterset.filters),
    }
    return render(request, "index/public_results.html", context, status=200 if valid else 400)


def city_results(request, city_slug, edition=None, year=None):
    city = get_object_or_404(city_list(user=request.user), slug=city_slug)
    waves = selectors.city_waves(user=request.user, city=city)
    if edition is not None:
        wave = next((w for w in waves if w.edition.code == edition and w.year == year), None)
        if wave is None:
            raise Http404
    else:
        wave = waves[-1] if waves else None
    context = {"city": city, "waves": waves, "wave": wave}
    if wave is not None:
        context.update(_results_context(wave))
        context.update(_progress_context(waves))
    return render(request, "index/city_results.html", context)


def _results_context(wave: Assessment) -> dict:
    results = selectors.assessment_results(wave)
    peer_averages = selectors.peer_area_averages(wave)
    areas = selectors.taken_areas(wave)
    # An area nobody answered scores 0 (rule 3); the table and the chart say why, so it never reads as a measure.
    unanswered = selectors.unanswered_area_codes(wave, [a.code for a in areas])
    rows = [(a.title, results["areas"].get(a.code), peer_averages.get(a.code), a.code in unanswered) for a in areas]
    groups = selectors.group_titles(wave.edition)
    # Rule 7: with fewer than three other cities validated, the network's averages are not shown at all.
    peer_label = _("Network average") if peer_averages else None
    chart_rows = [
        (f"{title} ({_('no answer')})" if no_answer else title, score, peer) for title, score, peer, no_answer in rows
    ]
    chart = charts.area_bars(chart_rows, title=_("Score of %(city)s") % {"city": wave.city.name}, peer_label=peer_label)
    return {
        "results": results,
        "area_rows": rows,
        "group_rows": [(groups.get(code, code), score) for code, score in results["groups"].items()],
        "peer_rows": list(results["peers"].values()),
        "network_compared": bool(peer_averages),
        "area_chart": mark_safe(chart),  # built from escaped strings in charts.py
        "is_final": wave.status in VALIDATED_STATUSES,
        # Where to look for ideas: the weakest areas, with practices of other cities (the profile shows the same).
        "ideas": selectors.recommendations_for(wave) if wave.status in VALIDATED_STATUSES else [],
        "is_published": wave.status == AssessmentStatus.PUBLISHED,
    }


def _progress_context(waves: list[Assessment]) -> dict:
    if len(waves) < 2:
        return {}
    data = selectors.progress(waves)
    several_editions = len({w.edition_id for w in waves}) > 1
    labels = [f"{w.year}" + (f" ({w.edition.code})" if several_editions else "") for w in waves]
    series = [(row["title"], row["scores"]) for row in data["areas"].values()]
    chart = charts.progress_lines(labels, series, title=_("Progress between waves"))
    questions = [row | {"code": code} for code, row in data["questions"].items() if len(set(row["scores"])) > 1]
    return {
        "progress_labels": labels,
        "progress_areas": data["areas"].values(),
        "progress_questions": questions,
        "progress_chart": mark_safe(chart),
    }


def method(request):
    """How the Index is scored, in plain words."""
    return render(request, "index/method.html", {"editions": selectors.editions()})
