from __future__ import annotations

from pathlib import Path

import pytest

from .tiny_gold import write_gold


@pytest.fixture()
def gold_dir(tmp_path: Path) -> Path:
    return write_gold(tmp_path / "gold")
