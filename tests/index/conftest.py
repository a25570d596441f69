import pytest

from .factories import small_edition


@pytest.fixture
def edition():
    """The small hand-checked edition of `factories.SMALL`, shared by the Index tests."""
    return small_edition()
