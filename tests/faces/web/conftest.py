from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the explorer needs the web extra: pip install 'sayso[web]'")

from fastapi.testclient import TestClient

from sayso.faces.web import create_app
from sayso.options import Options

from .stores import build_hostile_store, build_store


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "corpus.db")


@pytest.fixture(scope="session")
def empty_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("empty") / "empty.db", docs=[], speakers={})


@pytest.fixture(scope="session")
def hostile_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hostile_store(tmp_path_factory.mktemp("hostile") / "hostile.db")


@pytest.fixture(scope="session")
def app(store_path: Path):
    return create_app(store_path, Options(model="sm"))


@pytest.fixture()
def client(app) -> TestClient:
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture()
def hostile_client(hostile_path: Path) -> TestClient:
    return TestClient(create_app(hostile_path, Options(model="sm")), raise_server_exceptions=False)
