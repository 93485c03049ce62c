"""Schemathesis drives every operation of the OpenAPI document with generated requests: no answer may be a 500,
and every 2xx JSON answer must match its documented schema."""
from __future__ import annotations

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

EXAMPLES = 25


def test_no_server_errors_and_documented_shapes(client: TestClient) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    seen: dict[str, set[int]] = {}
    bodies = ["strategic-partnership-board", "domestic-violence-delivery-group", "community-safety-programme-board",
              "criminal-justice-strategic-commissioning-group"]
    real = {"/bodies/": bodies, "/areas/": ["area-charnwood", "area-rutland", "Leicestershire"],
            "/evidence/": ["charnwood-community-safety-partnership"], "/diagrams/bodies/": bodies,
            "/diagrams/areas/": ["area-charnwood", "area-rutland"]}

    for operation in operations:
        @given(case=operation.as_strategy(), pick=st.integers(0, 3), real_id=st.booleans())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def exercise(case: schemathesis.Case, pick: int, real_id: bool) -> None:
            # Half the cases name things that exist, so the routes' answers are checked too, not only their 404s.
            for prefix, ids in real.items():
                if real_id and case.operation.path.startswith(prefix) and case.path_parameters:
                    key = "id" if "id" in case.path_parameters else next(k for k in case.path_parameters if k.endswith("id"))
                    case.path_parameters[key] = ids[pick % len(ids)]
                    if "kind" in case.path_parameters:
                        case.path_parameters["kind"] = "node"
                    if "fmt" in case.path_parameters:
                        case.path_parameters["fmt"] = ("svg", "dot", "mmd", "png")[pick]
            response = case.call()
            seen.setdefault(case.operation.label, set()).add(response.status_code)
            case.validate_response(response, checks=[not_a_server_error])
            content_type = response.headers.get("content-type") or [""]
            if response.status_code < 300 and content_type[0].startswith("application/json"):
                case.validate_response(response, checks=[response_schema_conformance])

        exercise()
    assert set(seen) == {operation.label for operation in operations}
    assert all(max(codes) < 500 for codes in seen.values())
