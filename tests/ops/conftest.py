import pytest


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keeps each phase's report on the test item, so that a drill's fixtures can show logs when it failed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
