"""Schemathesis over the OpenAPI schema: no request the schema allows (or nearly allows)
makes the server fail with a 5xx. Examples are bounded so the run takes seconds."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is in the dev extra")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from sayso.faces.web import create_app  # noqa: E402
from sayso.options import Options  # noqa: E402

from .stores import build_store  # noqa: E402

# Built at import: schemathesis reads the schema while pytest collects the tests.
# The directory is removed when the interpreter exits.
_TMP = tempfile.TemporaryDirectory(prefix="sayso-fuzz-")
_STORE = build_store(Path(_TMP.name) / "corpus.db")
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(_STORE, Options(model="sm")))
# Valid requests and invalid ones (wrong types, out of range, missing): none may be a 5xx.
schema.config.generation.update(
    modes=[schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]
)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_with_a_server_error(case) -> None:
    response = case.call()
    assert response.status_code < 500, (case.method, case.path, response.text[:300])
    case.validate_response(response, checks=[not_a_server_error])
