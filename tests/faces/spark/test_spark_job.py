"""The Spark job in local mode equals the local pipeline, record for record."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from spark_merge_cases import ALIASES, RESULTS, store_tables

from sayso.errors import InputError
from sayso.faces.cli import main as sayso
from sayso.faces.cli_load import read_rows, table_path
from sayso.faces.spark import tables
from sayso.faces.spark.job import JobConfig, run_job, struct
from sayso.faces.spark.speakers import merge_stage
from sayso.faces.spark.tasks import result_rows
from sayso.options import Options

pytestmark = pytest.mark.spark

# Columns that differ by design: timestamps, and SQLite's insertion counters.
VOLATILE = {"processed_at", "at"}
ROW_IDS = {"attributions": "id", "errors": "id"}


def rows_of(output: Path, table: str) -> list[tuple[Any, ...]]:
    """A table's rows, sorted, without the volatile columns."""
    drop = VOLATILE | ({ROW_IDS[table]} if table in ROW_IDS else set())
    rows = read_rows(table_path(output, table))
    return sorted(tuple(sorted((k, v) for k, v in row.items() if k not in drop)) for row in rows)


@pytest.fixture(scope="module")
def local_out(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local") / "corpus.parquet"
    # A fresh process, like Spark's workers: both load the model files as they are now.
    argv = ["extract", str(corpus), "--out", str(out), "--jobs", "1", "--model", "sm"]
    done = subprocess.run([sys.executable, "-m", "sayso.faces.cli", *argv], check=False)
    assert done.returncode == 1  # the poison file and the bad line are errors
    return out


@pytest.fixture(scope="module")
def spark_out(spark: Any, corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("spark") / "out"
    config = JobConfig(
        inputs=(str(corpus),), output=str(out), options=Options(model="sm"), partitions=2
    )
    summary = run_job(spark, config)
    assert summary.articles >= 4 and summary.errors == 2
    return out


@pytest.mark.parametrize("table", list(tables.OUTPUT_TABLES))
def test_tables_equal_the_local_pipeline(local_out: Path, spark_out: Path, table: str) -> None:
    ours, theirs = rows_of(spark_out, table), rows_of(local_out, table)
    assert ours == theirs
    if table != "errors":
        assert ours  # the corpus has articles, attributions and speakers


@pytest.mark.parametrize("table", list(tables.OUTPUT_TABLES))
def test_columns_are_the_local_columns(local_out: Path, spark_out: Path, table: str) -> None:
    """Same names, order and Parquet types, but SQLite's row counters and the partition key."""
    import pyarrow.parquet as pq

    theirs = pq.read_schema(local_out / f"{table}.parquet")
    ours = pq.ParquetDataset(spark_out / table).schema
    expected = [(f.name, str(f.type)) for f in theirs if f.name != ROW_IDS.get(table)]
    assert [(f.name, str(f.type)) for f in ours if f.name != "day"] == expected


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("poison.txt", "binary"),
        ("feed.jsonl:4", "invalid JSON"),
    ],
)
def test_poison_documents_become_error_rows(
    corpus: Path, spark_out: Path, source: str, message: str
) -> None:
    errors = {r["input"]: r["message"] for r in read_rows(spark_out / "errors")}
    assert message in errors[str(corpus / source)]


def test_repeats_and_id_clashes_follow_the_store(corpus: Path, spark_out: Path) -> None:
    articles = {r["id"]: r["source"] for r in read_rows(spark_out / "articles")}
    assert str(corpus / "copies" / "again.txt") not in articles.values()  # same text as jane
    assert articles["mayor"] == f"{corpus / 'feed.jsonl'}:3"  # first in input order
    renamed = [i for i in articles if i.startswith("mayor~")]
    assert len(renamed) == 1 and articles[renamed[0]] == str(corpus / "mayor.txt")
    assert "notes" not in articles  # unknown extension inside a folder


def test_attribution_content_and_speaker(spark_out: Path) -> None:
    found = {
        (r["article_id"], r["content"], r["speaker_name"])
        for r in read_rows(spark_out / "attributions")
    }
    assert ("jane", "“We will win,”", "Jane Doe") in found


def test_articles_are_partitioned_by_day(spark_out: Path) -> None:
    days = sorted(p.name for p in (spark_out / "articles").iterdir() if p.is_dir())
    assert "day=2024-01-02" in days and "day=__HIVE_DEFAULT_PARTITION__" in days


def test_duckdb_reads_the_output(spark_out: Path) -> None:
    duckdb = pytest.importorskip("duckdb", reason="duckdb not installed (extra dev)")
    # The query of docs/spark.md: who is quoted most, by outlet and day.
    rows = duckdb.sql(
        f"""
        SELECT s.name, a.outlet, a.day, count(*) AS n
        FROM read_parquet('{spark_out}/attributions/*.parquet') t
        JOIN read_parquet('{spark_out}/speakers/*.parquet') s ON s.id = t.speaker_id
        JOIN read_parquet('{spark_out}/articles/*/*.parquet', hive_partitioning = true) a
          ON a.id = t.article_id
        WHERE s.name IS NOT NULL
        GROUP BY ALL ORDER BY n DESC, s.name
        """
    ).fetchall()
    assert ("John Smith", "Daily Planet", __import__("datetime").date(2024, 1, 2), 1) in rows


def test_merge_stage_equals_the_store(spark: Any, tmp_path: Path) -> None:
    """Hand-made speakers exercising every merge rule: the Spark stage gives the store's."""
    rows: dict[str, list[tuple[Any, ...]]] = {"attributions": [], "article_speakers": []}
    for result in RESULTS:
        for tag, row in result_rows(result, "now"):
            if tag in rows:
                columns = (
                    tables.ATTRIBUTION_ROWS
                    if tag == "attributions"
                    else tables.ARTICLE_SPEAKER_ROWS
                )
                rows[tag].append(tuple(row.get(c) for c in tables.names(columns)))
    frames = merge_stage(
        spark.createDataFrame(rows["attributions"], struct(tables.ATTRIBUTION_ROWS)),
        spark.createDataFrame(rows["article_speakers"], struct(tables.ARTICLE_SPEAKER_ROWS)),
        ALIASES,
    )
    ours = {
        "speakers": {tuple(r) for r in frames["speakers"].collect()},
        "article_speakers": {
            tuple(r)
            for r in frames["article_speakers"]
            .select("article_id", "local_id", "speaker_id", "key")
            .collect()
        },
        "attributions": {
            tuple(r)
            for r in frames["attributions"]
            .select("article_id", "seq", "speaker_id", "speaker_name")
            .collect()
        },
    }
    assert ours == store_tables(tmp_path, ALIASES)


def test_load_gives_the_local_store(local_out: Path, spark_out: Path, tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    assert sayso(["load", str(spark_out), "--into", str(db)]) == 0
    local_db = Path(f"{local_out}.sayso.db")  # the store the local run built
    queries = {
        "articles": "SELECT id, source, outlet, date, content_hash, words FROM articles",
        "attributions": (
            "SELECT article_id, seq, content, speaker_id, speaker_name FROM attributions"
        ),
        "speakers": "SELECT id, key, name, type, roles, aliases, n_attributions FROM speakers",
        "errors": "SELECT input, article_id, message FROM errors",
        "fts": "SELECT content FROM attributions_fts WHERE attributions_fts MATCH 'win'",
    }
    for name, query in queries.items():
        with sqlite3.connect(db) as a, sqlite3.connect(local_db) as b:
            assert sorted(a.execute(query)) == sorted(b.execute(query)), name


def test_rerun_replaces_the_output(
    spark: Any, corpus: Path, spark_out: Path, tmp_path: Path
) -> None:
    """A second run into the same folder (here with another layout) leaves no duplicates."""
    out = tmp_path / "again"
    before = {t: rows_of(spark_out, t) for t in tables.OUTPUT_TABLES}
    cached_before = set(spark.sparkContext._jsc.getPersistentRDDs())
    for partition_by in ("date", "date,outlet"):
        config = JobConfig(
            inputs=(str(corpus),),
            output=str(out),
            options=Options(model="sm"),
            partitions=3,
            partition_by=partition_by,
        )
        run_job(spark, config)
    assert {t: rows_of(out, t) for t in tables.OUTPUT_TABLES} == before
    assert (out / "articles" / "day=2024-01-02" / "outlet=Daily Planet").is_dir()
    cached = set(spark.sparkContext._jsc.getPersistentRDDs())
    assert cached <= cached_before  # the jobs freed what they cached


def test_missing_input_is_a_clean_error(spark: Any, tmp_path: Path) -> None:
    config = JobConfig(inputs=(str(tmp_path / "nowhere"),), output=str(tmp_path / "out"))
    with pytest.raises(InputError, match="cannot read the inputs"):
        run_job(spark, config)
    assert not (tmp_path / "out").exists()


def test_a_folder_without_articles_gives_empty_tables(spark: Any, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "README").write_text("not an article: unknown extension in a folder")
    out = tmp_path / "out"
    config = JobConfig(inputs=(str(tmp_path / "in"),), output=str(out), partitions=2)
    summary = run_job(spark, config)
    assert (summary.articles, summary.attributions, summary.errors) == (0, 0, 0)
    assert all(rows_of(out, t) == [] for t in tables.OUTPUT_TABLES)
