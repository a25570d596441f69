"""A colleague's desk says which Index areas are theirs to answer (issue 10, item 7)."""

import pytest
from django.urls import reverse

from index import services

from ..factories import coordinator_of
from .factories import small_edition

pytestmark = pytest.mark.django_db


def test_a_colleague_is_told_how_many_areas_they_have_to_answer(client, city_a, coordinator_a):
    edition = small_edition()
    assessment = services.assessment_create(city=city_a, edition=edition, year=2025, by=coordinator_a)
    colleague = coordinator_of(city_a, "schools@test.example", role="colleague")
    for area in edition.areas.all()[:2]:
        services.area_assign(assessment=assessment, area=area, user=colleague, by=coordinator_a)
    client.force_login(colleague)
    text = client.get(reverse("my-desk")).content.decode()
    assert "You have 2 areas to answer." in text
    first = edition.areas.all()[0]
    assert reverse("index_desk:area", args=[assessment.pk, first.code]) in text


def test_nobody_is_told_to_answer_areas_of_an_assessment_already_submitted(client, city_a, coordinator_a):
    edition = small_edition()
    assessment = services.assessment_create(city=city_a, edition=edition, year=2025, by=coordinator_a)
    services.area_assign(assessment=assessment, area=edition.areas.first(), user=coordinator_a, by=coordinator_a)
    services.assessment_submit(assessment=assessment, by=coordinator_a)
    client.force_login(coordinator_a)
    assert "areas to answer" not in client.get(reverse("my-desk")).content.decode()
