"""The API fuzzed against its own OpenAPI schema (schemathesis), as the anonymous public, a coordinator and the
secretariat: no request may give a server error (5xx) and no documented response may break its schema.

The live test server (pytest-django `live_server`) answers real HTTP; the schema is the one it serves at
/api/schema/. Each persona has one token, obtained once, so the fuzzer never hammers the sign-in endpoint with
valid credentials (the anonymous sign-in throttle and the lockout stay out of the way). The run is bounded and
derandomised for CI: FUZZ_EXAMPLES examples per operation and persona (5 by default); `make fuzz` raises it.
"""

import os
from dataclasses import dataclass

import pytest
import requests
import schemathesis
from django.core.cache import cache
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import response_schema_conformance

from ..events.factories import events_world
from ..factories import PASSWORD
from ..goodpractices.factories import GoodPracticeFactory
from ..index.factories import index_world

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "5"))
CHECKS = [not_a_server_error, response_schema_conformance]
PERSONAS = {"anonymous": None, "coordinator": "coord-a@test.example", "secretariat": "secretariat@test.example"}

pytestmark = pytest.mark.django_db(transaction=True)


@dataclass
class Finding:
    persona: str
    operation: str
    error: str

    def __str__(self):
        return f"{self.persona} {self.operation}: {self.error.splitlines()[0]}"

    def error_report(self) -> str:
        return f"== {self.persona} {self.operation}\n{self.error}"


@pytest.fixture
def world(city_a, city_b, secretariat, coordinator_a, coordinator_b):
    """Something behind the ids the fuzzer may try: practices, an Index edition with assessments, events."""
    GoodPracticeFactory(city=city_a, status="published")
    GoodPracticeFactory(city=city_a, status="draft")
    GoodPracticeFactory(city=city_b, status="published")
    index_world(city_a=city_a, coordinator_a=coordinator_a, secretariat=secretariat)
    events_world(city_a=city_a, coordinator_a=coordinator_a, secretariat=secretariat)


def _headers(base_url: str, email: str | None) -> dict:
    if email is None:
        return {}
    response = requests.post(f"{base_url}/api/v1/auth/token/", json={"email": email, "password": PASSWORD}, timeout=30)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Token {response.json()['token']}"}


def _fuzz(operation, base_url: str, headers: dict, persona: str, findings: list[Finding]) -> None:
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case):
        # The throttles count in the (process-wide) cache: the fuzzer's pace must not turn into 429s.
        cache.clear()
        try:
            case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS, timeout=30)
        except FailureGroup as group:  # every check that failed on this response
            for failure in group.exceptions:
                finding = Finding(persona, operation.label, f"{failure}\n{case.as_curl_command()}")
                if str(finding) not in {str(known) for known in findings}:
                    findings.append(finding)

    run()


def test_every_operation_as_every_persona_gives_no_server_error_and_conforms(world, live_server):
    base_url = live_server.url
    schema = schemathesis.openapi.from_url(f"{base_url}/api/schema/")
    # Signing out revokes the persona's token: those operations come last.
    operations = sorted((result.ok() for result in schema.get_all_operations()), key=lambda op: "/logout" in op.path)
    assert len(operations) >= 20, [op.label for op in operations]
    findings: list[Finding] = []
    # Every token before any fuzzing: the fuzzed sign-in endpoint may lock the address out afterwards.
    tokens = {persona: _headers(base_url, email) for persona, email in PERSONAS.items()}
    for persona, headers in tokens.items():
        for operation in operations:
            # The sign-in endpoint is fuzzed anonymously only: a token must not be spent on it per persona.
            if persona != "anonymous" and operation.path.endswith("/auth/token/"):
                continue
            _fuzz(operation, base_url, headers, persona, findings)
    assert not findings, f"{len(findings)} findings:\n" + "\n\n".join(f.error_report() for f in findings)
