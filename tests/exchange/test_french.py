"""The exchange speaks French under /fr/."""

import pytest

from .factories import NewsFactory

pytestmark = pytest.mark.django_db


def test_the_newsroom_and_the_city_page_in_french(city_a, client):
    NewsFactory(city=city_a, status="published", title="Un centre interculturel")
    assert "Actualités des villes" in client.get("/fr/news/").content.decode()
    page = client.get(f"/fr/cities/{city_a.slug}/").content.decode()
    assert "Apprendre des autres villes" in page and "Écrire au coordinateur de la ville" in page
    assert "Écrire à Alphaville" in client.get(f"/fr/cities/{city_a.slug}/contact/").content.decode()
    assert "Recevoir les nouveautés par courriel" in client.get("/fr/good-practices/").content.decode()
