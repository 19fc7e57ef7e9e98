"""Shared fixtures: one loaded model per test session (loading takes a second)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sayso import Extractor, Options

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
# Tests run on the small model by default (fast to load); SAYSO_TEST_MODEL=md checks the other.
TEST_MODEL = os.environ.get("SAYSO_TEST_MODEL", "sm")


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(Options(model=TEST_MODEL))


@pytest.fixture(scope="session")
def nlp(extractor: Extractor):
    return extractor.nlp


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared is not present beside the repository")
    return SHARED
