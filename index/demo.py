"""Demo data: the sample edition, published results for most member cities (two waves for a few), and a
draft for Bergen's coordinator to work on. Answers are made up, but the same on every run."""

from __future__ import annotations

import random
from pathlib import Path

from accounts.models import User
from cities.models import City

from . import services
from .choices import DONT_KNOW, AssessmentStatus
from .edition_format import load_path
from .models import Assessment, IndexEdition, Question

SAMPLE = Path(__file__).resolve().parent / "editions" / "icc-sample.yaml"
LATEST_WAVE, EARLIER_WAVE, DRAFT_WAVE = 2023, 2020, 2025
TWO_WAVES = {"bergen", "lisbon", "oslo", "barcelona", "geneva", "botkyrka"}
OPTIONAL_TAKERS = {"bergen", "barcelona", "montreal", "mechelen", "reggio-emilia"}


def load() -> str:
    edition = IndexEdition.objects.filter(code="ICC-SAMPLE").first()
    if edition is None:
        edition = services.edition_import(data=load_path(SAMPLE))
    secretariat = User.objects.filter(is_secretariat=True).order_by("pk").first()
    if secretariat is None:
        return f"edition {edition.code} (no secretariat account: load the cities' demo first)"
    questions = list(
        Question.objects.filter(edition=edition).select_related("area").prefetch_related("choices", "bands")
    )
    created = 0
    cities = City.objects.filter(status="member").order_by("slug")
    for index, city in enumerate(cities):
        if index % 7 == 6 and city.slug not in TWO_WAVES:
            continue  # a few cities have not taken the Index yet
        waves = [EARLIER_WAVE, LATEST_WAVE] if city.slug in TWO_WAVES else [LATEST_WAVE]
        for wave in waves:
            created += _published(city, edition, wave, questions, secretariat)
    bergen = City.objects.filter(slug="bergen").first()
    coordinator = User.objects.filter(email="bergen@example.org").first()
    if bergen and coordinator and not Assessment.objects.filter(city=bergen, edition=edition, year=DRAFT_WAVE).exists():
        draft = services.assessment_create(
            city=bergen, edition=edition, year=DRAFT_WAVE, optional_areas=["participation"], by=coordinator
        )
        commitment = [q for q in questions if q.area.code == "commitment"]
        services.answers_save(
            assessment=draft, items=sample_answers(commitment, random.Random("bergen-draft"), 0.7), by=coordinator
        )
        created += 1
    published = Assessment.objects.filter(edition=edition, status=AssessmentStatus.PUBLISHED).count()
    return f"edition {edition.code} ({len(questions)} questions), {published} published assessments, {created} new"


def _published(city, edition, year, questions, secretariat) -> int:
    if Assessment.objects.filter(city=city, edition=edition, year=year).exists():
        return 0
    rng = random.Random(f"{city.slug}-{year}")
    level = 0.35 + 0.5 * rng.random() + (0.1 if year == LATEST_WAVE else 0)
    optional = ["participation", "interaction"] if city.slug in OPTIONAL_TAKERS else []
    assessment = services.assessment_create(
        city=city, edition=edition, year=year, optional_areas=optional, by=secretariat
    )
    taken = [q for q in questions if not q.area.optional or q.area.code in optional]
    services.answers_save(assessment=assessment, items=sample_answers(taken, rng, level), by=secretariat)
    services.assessment_submit(assessment=assessment, by=secretariat)
    services.assessment_validate(assessment=assessment, by=secretariat)
    services.assessment_publish(assessment=assessment, by=secretariat)
    return 1


def sample_answers(questions, rng: random.Random, level: float) -> list[dict]:
    """Made-up answers to `questions`, better as `level` (0–1) rises; the same for the same `rng` (the bench uses
    them too)."""
    items = []
    for q in questions:
        if rng.random() < 0.06:
            continue  # left unanswered
        item = {"question": q.code}
        choices = [c for c in q.choices.all() if c.code != DONT_KNOW]
        if q.kind in ("yes_no", "single"):
            if rng.random() < 0.05 and any(c.code == DONT_KNOW for c in q.choices.all()):
                item["choices"] = [DONT_KNOW]
            else:
                ranked = sorted(choices, key=lambda c: c.points)
                position = min(len(ranked) - 1, int(rng.random() * level * 1.6 * len(ranked)))
                item["choices"] = [ranked[position].code]
        elif q.kind == "multiple":
            item["choices"] = [c.code for c in choices if rng.random() < level]
        elif q.kind == "percent":
            item["value"] = round(min(100, rng.random() * 40 * level + 2), 1)
        elif q.kind == "number":
            item["value"] = int(rng.random() * 2000)
        else:
            item["text"] = "Described in the city's intercultural strategy; see the evidence link."
            item["evidence_url"] = "https://www.coe.int/en/web/interculturalcities"
        items.append(item)
    return items
