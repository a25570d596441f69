"""The demo's practices: read from goodpractices/demo/practices.yaml and replayed through the services."""

import datetime
from collections import Counter

import pytest
import yaml
from django.core.management import call_command

from cities import demo as cities_demo
from core.models import OutboxMessage
from core.notifications import muted
from goodpractices import demo as practices_demo
from goodpractices.models import GoodPractice, PracticeRevision, PracticeTransition

TEXTS = ["main_purpose", "purpose", "stimulus", "process", "impact", "references", "period_text", "department"]
LISTS = ["target_groups", "practice_types", "areas", "available_languages"]


@pytest.fixture
def demo(db):
    """The cities' and the practices' parts of load_demo (the Index's part takes long and is not needed here)."""
    with muted():
        cities_demo.load()
        practices_demo.load()
    return yaml.safe_load(practices_demo.DATA.read_text(encoding="utf-8"))


@pytest.mark.django_db
def test_load_demo_twice_gives_the_same_practices_and_emails_nobody():
    call_command("load_demo", verbosity=0)
    before = Counter(GoodPractice.objects.values_list("status", flat=True))
    steps = PracticeTransition.objects.count()
    call_command("load_demo", verbosity=0)
    assert Counter(GoodPractice.objects.values_list("status", flat=True)) == before
    assert PracticeTransition.objects.count() == steps
    assert before == {"published": 32, "submitted": 1, "draft": 1}
    assert not OutboxMessage.objects.exists()


def test_the_demo_shows_the_practices_of_the_file(demo):
    assert len(demo["practices"]) == GoodPractice.objects.count() == 34
    for entry in demo["practices"]:
        practice = GoodPractice.objects.get(city__slug=entry["city"], title=entry["title"])
        assert practice.status == entry["status"]
        assert practice.main_field.code == entry["main_field"]
        assert sorted(f.code for f in practice.secondary_fields.all()) == sorted(entry.get("secondary_fields", []))
        assert practice.language == entry.get("language", "en")
        assert (practice.period_start, practice.period_end) == (entry["period_start"], entry.get("period_end", ""))
        for name in TEXTS:
            assert getattr(practice, name) == entry.get(name, demo["defaults"].get(name, "")), name
        for name in LISTS:
            assert getattr(practice, name) == entry.get(name, []), name
    assert GoodPractice.objects.published().filter(language="fr").count() == 6
    # The seed's Bergen example, at the address its title gives it.
    bergen = GoodPractice.objects.get(slug="research-on-structural-racism")
    assert bergen.city.slug == "bergen" and bergen.status == "published"
    assert bergen.process.count("\n\n") == 4 and bergen.impact.count("\n\n") == 2  # the seed's paragraphs
    assert bergen.references.startswith("Sindre Bangstad") and "Report 2021/09" in bergen.references


def test_published_practices_keep_the_year_they_started(demo):
    for practice in GoodPractice.objects.published():
        started = int(practice.period_start[:4])
        assert practice.year == started, practice.title
        assert practice.published_at == datetime.datetime(started, 6, 1, tzinfo=datetime.UTC)
    years = set(GoodPractice.objects.published().values_list("year", flat=True))
    assert min(years) < 2020 and datetime.date.today().year not in years


def test_every_practice_went_through_the_workflow_as_its_city_would(demo):
    for practice in GoodPractice.objects.published():
        assert list(practice.transitions.order_by("id").values_list("action", flat=True)) == ["submit", "publish"]
        assert practice.revisions.filter(kind=PracticeRevision.Kind.PUBLISHED).exists()
        assert practice.form_date and practice.contact_person and practice.contact_email
    submitted = GoodPractice.objects.get(status="submitted")
    assert (submitted.city.slug, submitted.created_by.email) == ("lisbon", "lisbon@example.org")
    assert submitted.contact_email == "lisbon@example.org"
    assert (datetime.datetime.now(datetime.UTC) - submitted.submitted_at).days == 9
    draft = GoodPractice.objects.get(status="draft")
    assert (draft.city.slug, draft.created_by.email, draft.impact) == ("bergen", "bergen@example.org", "")
    assert not draft.transitions.exists()
    # Oslo has no demo coordinator: the secretariat entered its practice, which names the city's office.
    practice = GoodPractice.objects.get(city__slug="oslo", title="Neighbourhood Mothers")
    assert (practice.contact_person, practice.contact_email) == ("Intercultural office", "intercultural@oslo.example")
    assert practice.created_by.is_secretariat
