"""``sayso spark`` and ``sayso load`` as commands: flags, errors, exit status."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest
from spark_env import spark_missing

from sayso.errors import SaysoError
from sayso.faces.cli import build_parser
from sayso.faces.cli import main as sayso
from sayso.faces.cli_spark import parse_conf

needs_pyarrow = pytest.mark.skipif(
    importlib.util.find_spec("pyarrow") is None, reason="pyarrow not installed (extra store)"
)


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([], {}),
        (["spark.executor.memory=4g"], {"spark.executor.memory": "4g"}),
        (["a=b=c", " k = v "], {"a": "b=c", "k": "v"}),
    ],
)
def test_parse_conf(pairs: list[str], expected: dict[str, str]) -> None:
    assert parse_conf(pairs) == expected


@pytest.mark.parametrize("bad", ["novalue", "=x"])
def test_parse_conf_rejects(bad: str) -> None:
    with pytest.raises(SaysoError, match="KEY=VALUE"):
        parse_conf([bad])


@pytest.mark.parametrize(
    ("argv", "field", "expected"),
    [
        (["spark", "in", "out"], "partition_by", "date"),
        (["spark", "in", "out"], "master", "local[*]"),
        (["spark", "a", "b", "out", "--partition-by", "outlet"], "inputs", ["a", "b"]),
        (["spark", "in", "out", "--text-field", "body"], "text_field", "body"),
    ],
)
def test_spark_flags(argv: list[str], field: str, expected: object) -> None:
    assert getattr(build_parser().parse_args(argv), field) == expected


def test_negative_partitions_is_a_clean_error(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    status = sayso(["spark", str(tmp_path), str(tmp_path / "o"), "--partitions", "-1"])
    assert status == 2 and "--partitions" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such output folder"),
        (lambda p: p.mkdir(), "no articles table"),
    ],
)
def test_load_errors(tmp_path: Path, capsys: pytest.CaptureFixture, make, message: str) -> None:
    out = tmp_path / "out"
    make(out)
    assert sayso(["load", str(out), "--into", str(tmp_path / "x.db")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.db").exists()  # nothing created on a bad input


@needs_pyarrow
@pytest.mark.slow
def test_load_local_parquet_output_gives_the_same_store(corpus: Path, tmp_path: Path) -> None:
    """``sayso load`` also reads ``extract --out x.parquet`` output: same store back."""
    out = tmp_path / "c.parquet"
    assert sayso(["extract", str(corpus), "--out", str(out), "--jobs", "1", "--model", "sm"]) == 1
    db = tmp_path / "loaded.db"
    assert sayso(["load", str(out), "--into", str(db)]) == 0
    query = (
        "SELECT a.id, a.text, t.seq, t.content, t.speaker_id FROM articles a "
        "LEFT JOIN attributions t ON t.article_id = a.id"
    )
    with sqlite3.connect(db) as a, sqlite3.connect(f"{out}.sayso.db") as b:
        ours, theirs = sorted(a.execute(query), key=repr), sorted(b.execute(query), key=repr)
    assert ours == theirs and ours
    # Loading again adds nothing: texts already stored are skipped.
    assert sayso(["load", str(out), "--into", str(db)]) == 0
    with sqlite3.connect(db) as a:
        assert sorted(a.execute(query), key=repr) == ours


@pytest.mark.spark
@pytest.mark.skipif(spark_missing() is not None, reason=str(spark_missing()))
def test_sayso_spark_command(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out"
    argv = ["spark", str(corpus / "jane.txt"), str(corpus / "poison.txt"), str(out)]
    argv += ["--master", "local[2]", "--model", "sm", "--partitions", "2", "--partition-by", "none"]
    argv += ["--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=2"]
    assert sayso(argv) == 1  # one input failed
    err = capsys.readouterr().err
    assert "1 articles" in err and "1 errors" in err
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(("_", "."))) == sorted(
        ["articles", "attributions", "speakers", "article_speakers", "errors"]
    )
    assert not any(p.name.startswith("day=") for p in (out / "articles").iterdir())
