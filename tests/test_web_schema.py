"""Schemathesis against `newsbot serve`'s own /openapi.json, over real HTTP: generated requests,
valid and invalid, never get a server error or a response the schema does not describe."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


# Driven through Hypothesis directly: schemathesis's pytest plugin does not follow pytest 9.
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_follows_its_schema(web_server, mode):
    schema = schemathesis.openapi.from_url(f"{web_server}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 6
    for operation in operations:
        if mode is GenerationMode.NEGATIVE and not operation.definition.raw.get("parameters"):
            continue  # /api/stats takes nothing that could be wrong

        @given(case=operation.as_strategy(generation_mode=mode))
        # Modest: each example is a real request, and the suite must stay fast.
        @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate(checks=CHECKS)

        check()
