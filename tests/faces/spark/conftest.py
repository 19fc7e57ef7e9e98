"""Fixtures for the Spark face: a small corpus and one local[2] session per module."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from spark_env import page, spark_missing, write_warc

SENTENCES = {
    "jane.txt": "“We will win,” Jane Doe said on Monday.\n\nThe council met at noon.\n",
    "mayor.txt": "The mayor said the bridge would reopen in May, according to officials.\n",
    "notes.md": "Unknown extensions in a folder are skipped, as the local reader does.\n",
}
RECORDS = [
    {
        "id": "r1",
        "text": "“No comment,” said John Smith, a spokesman for the city.",
        "date": "2024-01-02T10:00:00Z",
        "outlet": "Daily Planet",
        "title": "Council",
    },
    {"id": "r2", "text": "Jane Doe said prices would fall.", "date": "2024-01-03"},
    # Takes the id of mayor.txt with another text: the later input is renamed "mayor~…".
    {"id": "mayor", "text": "“Soon,” the governor said.", "outlet": "Daily Planet"},
]
POISON = b"\x00\x01\x02\xffPK\x03\x04 binary junk\x00"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of inputs: .txt files, a .jsonl (with a bad line and an id clash), a poison
    binary .txt, a repeated text in a subfolder and an unknown extension."""
    root = tmp_path_factory.mktemp("corpus")
    for name, text in SENTENCES.items():
        (root / name).write_text(text, encoding="utf-8")
    lines = [json.dumps(r, ensure_ascii=False) for r in RECORDS] + ["{not json"]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "poison.txt").write_bytes(POISON)
    # The same text again, in a subfolder (read after the folder's own files): dropped.
    (root / "copies").mkdir()
    (root / "copies" / "again.txt").write_text(SENTENCES["jane.txt"], encoding="utf-8")
    # Web pages: one HTML file, and a WARC with a page and a page without main text.
    (root / "page.html").write_bytes(page("Harbour", "“It is a good day,” Tom Brown said."))
    write_warc(
        root / "crawl.warc.gz",
        [
            ("https://example.org/quay", page("Quay", "Officials said the quay was safe.")),
            ("https://example.org/empty", b"<html><body><nav>Home</nav></body></html>"),
        ],
    )
    return root


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    reason = spark_missing()
    if reason:
        pytest.skip(reason)
    from pyspark.sql import SparkSession

    # Workers must run this interpreter, where Sayso and the model are installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.master("local[2]")
        .appName("sayso-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.memory", "1g")
    )
    try:
        session = builder.getOrCreate()
    except Exception as err:  # e.g. a Java older than 17: an environment problem, not ours
        pytest.skip(
            f"Spark could not start ({type(err).__name__}: {err}); see scripts/check_spark.sh"
        )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
