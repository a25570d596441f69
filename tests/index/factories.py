"""A small edition for the Index tests, and helpers to start assessments."""

import copy
from pathlib import Path

from index.edition_format import load_path
from index.services import edition_import

from ..goodpractices.factories import field_of_action

SAMPLE = Path(__file__).resolve().parents[2] / "index" / "editions" / "icc-sample.yaml"

YES_NO = [
    {"code": "yes", "label": {"en": "Yes", "fr": "Oui"}, "points": 1},
    {"code": "no", "label": {"en": "No", "fr": "Non"}, "points": 0},
    {"code": "dont_know", "label": {"en": "Don't know"}, "points": 0},
]

SMALL = {
    "code": "T-1",
    "title": {"en": "Test edition", "fr": "Édition de test"},
    "groups": [{"code": "lens", "title": {"en": "Lens", "fr": "Prisme"}}],
    "areas": [
        {
            "code": "commitment",
            "title": {"en": "Commitment", "fr": "Engagement"},
            "weight": 1,
            "fields_of_action": ["1"],
            "questions": [
                {"code": "c.statement", "kind": "yes_no", "text": {"en": "Statement?"}, "choices": YES_NO},
                {
                    "code": "c.means",
                    "kind": "multiple",
                    "max_points": 2,
                    "text": {"en": "Means?"},
                    "choices": [
                        {"code": "a", "label": {"en": "A"}, "points": 1},
                        {"code": "b", "label": {"en": "B"}, "points": 1},
                        {"code": "c", "label": {"en": "C"}, "points": 1},
                    ],
                },
                {"code": "c.notes", "kind": "text", "data_kind": "fact", "text": {"en": "Notes?"}},
            ],
        },
        {
            "code": "education",
            "title": {"en": "Education", "fr": "Éducation"},
            "group": "lens",
            "fields_of_action": ["5"],
            "questions": [
                {
                    "code": "e.share",
                    "kind": "percent",
                    "text": {"en": "Share?"},
                    "bands": [
                        {"min": 0, "max": 10, "points": 0},
                        {"min": 10, "max": 50, "points": 1},
                        {"min": 50, "points": 2},
                    ],
                },
                {"code": "e.training", "kind": "yes_no", "text": {"en": "Training?"}, "choices": YES_NO},
            ],
        },
        {
            "code": "participation",
            "title": {"en": "Participation"},
            "optional": True,
            "fields_of_action": ["15"],
            "questions": [{"code": "p.budget", "kind": "yes_no", "text": {"en": "Budget?"}, "choices": YES_NO}],
        },
    ],
}


def small_edition(code="T-1", **changes):
    field_of_action("1")
    data = copy.deepcopy(SMALL)
    data.update(code=code, **changes)
    return edition_import(data=data)


def sample_edition():
    field_of_action("1")
    return edition_import(data=load_path(SAMPLE))


def index_world(*, city_a, coordinator_a, secretariat) -> dict:
    """Objects of the permission matrix: a draft and a published assessment of city A."""
    from index import services

    edition = small_edition(code="T-1")
    published = services.assessment_create(city=city_a, edition=edition, year=2023, by=coordinator_a)
    services.assessment_submit(assessment=published, by=coordinator_a)
    services.assessment_validate(assessment=published, by=secretariat)
    services.assessment_publish(assessment=published, by=secretariat)
    draft = services.assessment_create(city=city_a, edition=edition, year=2025, by=coordinator_a)
    return {"index_edition": edition, "index_published_a": published, "index_draft_a": draft}


STEPS = ("draft", "submitted", "validated", "published")


def assessment_through(city, edition, year, *, by, until="published", answers=None):
    """An assessment of `city` taken through the workflow up to `until`, answered as `answers` (by default
    "yes" to c.statement), every step made by `by`."""
    from index import services

    assessment = services.assessment_create(city=city, edition=edition, year=year, by=by)
    items = answers if answers is not None else [{"question": "c.statement", "choices": ["yes"]}]
    services.answers_save(assessment=assessment, items=items, by=by)
    moves = [services.assessment_submit, services.assessment_validate, services.assessment_publish]
    for move in moves[: STEPS.index(until)]:
        assessment = move(assessment=assessment, by=by)
    return assessment
