"""The secretariat's view of a wave across the network, and its CSV exports."""

from __future__ import annotations

import csv

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from core.csv import safe_row
from core.permissions import secretariat_required

from .. import selectors
from ..filters import AssessmentFilterSet


@secretariat_required
def overview(request):
    filters = AssessmentFilterSet(request.GET, queryset=selectors.assessment_workable_by(user=request.user))
    return render(request, "index/secretariat.html", {"filters": filters, **selectors.wave_overview(filters)})


@secretariat_required
def export_results(request, edition, year):
    edition = get_object_or_404(selectors.editions(), code=edition)
    header, rows = selectors.results_table(edition, year)
    return _csv(f"index-results-{edition.code}-{year}.csv", header, rows)


@secretariat_required
def export_answers(request, edition, year):
    edition = get_object_or_404(selectors.editions(), code=edition)
    header, rows = selectors.answers_table(edition, year)
    return _csv(f"index-answers-{edition.code}-{year}.csv", header, rows)


def _csv(filename: str, header: list[str], rows: list[list]) -> HttpResponse:
    """Every cell through `core.csv.safe_row`: what a city typed never reaches a spreadsheet as a formula."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(safe_row(header))
    writer.writerows(safe_row(row) for row in rows)
    return response
