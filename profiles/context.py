"""What a profile shows, as plain data (strings, numbers, lists): built once per document, rendered by templates,
stored as the document's snapshot. User text stays text here; the template escapes it."""

from __future__ import annotations

from django.utils import formats, timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from cities.models import City
from core.notifications import absolute_url
from goodpractices.models import GoodPractice
from index import charts, selectors
from index.choices import AssessmentStatus
from index.models import Assessment
from index.selectors.recommendations import latest_published_assessment, recommendations_for

SUMMARY_WORDS = 70
OWN_PRACTICES = 12


def profile_context(city: City, language: str) -> dict:
    with translation.override(language):
        assessment = latest_published_assessment(city)
        index = _index_section(assessment) if assessment else None
        practices = _own_practices(city)
        built_at = timezone.now()
        return {
            "language": language,
            "title": _("%(city)s: intercultural profile") % {"city": city.name},
            "city": _facts(city),
            "index": index,
            "practices": practices,
            "events": _events(city),
            "built_at": formats.date_format(timezone.localtime(built_at), "j F Y"),
            "sources": _sources(assessment, practices),
            "snapshot": {
                "built_at": built_at.isoformat(),
                "assessment": assessment.pk if assessment else None,
                "assessment_published_at": assessment.published_at.isoformat()
                if assessment and assessment.published_at
                else None,
                "practices": [p["id"] for p in practices],
                "recommendation_fields": sorted(
                    {code for area in (index or {}).get("weakest", []) for code in area["fields"]}
                ),
            },
        }


def _facts(city: City) -> dict:
    return {
        "name": city.name,
        "country": str(city.country.name),
        "population": city.population,
        "foreign_born_share": float(city.foreign_born_share) if city.foreign_born_share is not None else None,
        "joined_year": city.joined_year,
        "national_network": str(city.national_network) if city.national_network_id else None,
        "status": str(city.get_status_display()),
        "url": absolute_url(city.get_absolute_url()),
    }


def _index_section(assessment: Assessment) -> dict:
    results = selectors.assessment_results(assessment)
    areas = list(assessment.edition.areas.all())
    taken = {code for code, score in results["areas"].items() if score is not None}
    averages = selectors.peer_area_averages(assessment)
    rows = [
        {"code": a.code, "title": str(a.title), "score": results["areas"].get(a.code), "peers": averages.get(a.code)}
        for a in areas
        if a.code in taken
    ]
    ranked = sorted((r for r in rows if r["score"] is not None), key=lambda r: -r["score"])
    return {
        "edition": str(assessment.edition.title),
        "year": assessment.year,
        "core": results["core"],
        "extended": results["extended"],
        "peers": [dict(group=group, **stats) for group, stats in results["peers"].items()],
        "areas": rows,
        "chart": charts.area_bars(
            [(r["title"], r["score"], r["peers"]) for r in rows],
            title=str(_("%(city)s") % {"city": assessment.city.name}),
            peer_label=str(_("Network average")),
        ),
        "strengths": ranked[:3],
        "weakest": [_weak_area(area) for area in recommendations_for(assessment)],
        "progress": _progress(assessment, results),
        "results_url": absolute_url(
            f"/cities/{assessment.city.slug}/index/{assessment.edition.code}/{assessment.year}/"
        ),
    }


def _weak_area(area) -> dict:
    from index.models import IndexArea

    fields = list(
        IndexArea.objects.filter(code=area.code, fields_of_action__isnull=False).values_list(
            "fields_of_action__code", flat=True
        )
    )
    return {
        "title": str(area.title),
        "score": area.score,
        "fields": sorted(set(fields)),
        "practices": [
            {
                "title": r.practice.title,
                "city": r.practice.city.name,
                "summary": _summary(r.practice),
                "url": absolute_url(r.practice.get_absolute_url()),
                "reasons": r.reasons,
            }
            for r in area.recommendations
        ],
    }


def _progress(assessment: Assessment, results: dict) -> dict | None:
    previous = (
        Assessment.objects.filter(
            city=assessment.city,
            edition=assessment.edition,
            status=AssessmentStatus.PUBLISHED,
            year__lt=assessment.year,
        )
        .order_by("-year")
        .first()
    )
    if previous is None or previous.core is None:
        return None
    then = previous.area_scores or {}
    return {
        "year": previous.year,
        "core_then": previous.core,
        "core_now": results["core"],
        "areas": [
            {"code": code, "then": then.get(code), "now": now, "change": now - then[code]}
            for code, now in results["areas"].items()
            if now is not None and then.get(code) is not None
        ],
    }


def _own_practices(city: City) -> list[dict]:
    practices = (
        GoodPractice.objects.published()
        .filter(city=city)
        .select_related("main_field", "city")
        .order_by("-published_at")[:OWN_PRACTICES]
    )
    return [
        {
            "id": p.pk,
            "title": p.title,
            "field": str(p.main_field) if p.main_field_id else "",
            "year": p.year,
            "summary": _summary(p),
            "url": absolute_url(p.get_absolute_url()),
        }
        for p in practices
    ]


def _events(city: City) -> dict:
    """Events of the network the city hosted, and those its people attended (confirmed registrations)."""
    from events import selectors as events

    def row(event, participants=None) -> dict:
        return {
            "title": event.title,
            "date": formats.date_format(timezone.localtime(event.starts_at), "j F Y"),
            "kind": str(event.get_kind_display()),
            "participants": participants,
        }

    attended = events.attended_events(city)
    counts = _confirmed_counts(city, [event.pk for event in attended])
    return {
        "hosted": [row(event) for event in events.hosted_events(city)],
        "attended": [row(event, counts.get(event.pk)) for event in attended],
    }


def _confirmed_counts(city: City, event_ids: list[int]) -> dict[int, int]:
    from django.db.models import Count

    from events.choices import RegistrationStatus
    from events.models import Registration

    rows = (
        Registration.objects.filter(event_id__in=event_ids, city=city, status=RegistrationStatus.CONFIRMED)
        .values_list("event_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return dict(rows)


def _summary(practice: GoodPractice) -> str:
    text = (practice.main_purpose or practice.purpose or "").strip().split("\n\n")[0]
    return Truncator(" ".join(text.split())).words(SUMMARY_WORDS)


def _sources(assessment: Assessment | None, practices: list[dict]) -> str:
    parts = []
    if assessment:
        parts.append(
            _("the %(edition)s assessment of %(year)s") % {"edition": assessment.edition.code, "year": assessment.year}
        )
    parts.append(_("%(count)s published good practices") % {"count": len(practices)})
    return ", ".join(parts)
