import pytest

from .factories import EventFactory


@pytest.fixture
def event(db):
    return EventFactory()
