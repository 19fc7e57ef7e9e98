"""``sayso extract`` with directories, globs, JSON fields, ``--out`` and ``--aliases``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from sayso.faces.cli import main

from .conftest import Corpus, article_text, write_many

BASE = ["--model", "sm", "--jobs", "1"]


def _rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


@pytest.mark.slow
def test_directory_into_sqlite(
    poison_corpus: Corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "corpus.db"
    assert main(["extract", str(poison_corpus.root), "--out", str(db), *BASE]) == 1
    err = capsys.readouterr().err
    assert f"sayso: error: {poison_corpus.root / 'binary.txt'}: " in err
    summary = err.strip().splitlines()[-1]
    assert summary.startswith(f"sayso: {len(poison_corpus.stored)} articles, ")
    assert f", {len(poison_corpus.errors)} errors, " in summary and "words/s" in summary
    assert {r[0] for r in _rows(db, "SELECT source FROM articles")} == poison_corpus.stored
    assert {r[0] for r in _rows(db, "SELECT input FROM errors")} == poison_corpus.errors


@pytest.mark.slow
def test_good_inputs_exit_zero_and_glob(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_many(tmp_path / "in", 3)
    (tmp_path / "in" / "skip.md").write_text("not matched", encoding="utf-8")
    db = tmp_path / "c.db"
    assert main(["extract", str(tmp_path / "in" / "*.txt"), "--out", str(db), *BASE]) == 0
    assert _rows(db, "SELECT count(*) FROM articles") == [(3,)]
    assert _rows(db, "SELECT count(*) FROM errors") == [(0,)]
    # FTS over quote content and speaker names, from plain sqlite3.
    hits = _rows(
        db,
        "SELECT count(*) FROM attributions_fts WHERE attributions_fts MATCH 'speaker_name:doe'",
    )
    assert hits[0][0] > 0
    capsys.readouterr()


@pytest.mark.slow
def test_json_field_options(tmp_path: Path) -> None:
    records = [
        {"uuid": f"n{n}", "body": article_text(n), "source": {"name": "Wire"}, "when": "2024-05-0"}
        for n in range(2)
    ]
    path = tmp_path / "api.json"
    path.write_text(json.dumps({"status": "ok", "articles": records}), encoding="utf-8")
    db = tmp_path / "c.db"
    argv = ["extract", str(path), "--out", str(db), *BASE, "--text-field", "body"]
    argv += ["--id-field", "uuid", "--outlet-field", "source.name", "--date-field", "when"]
    assert main(argv) == 0
    assert _rows(db, "SELECT id, outlet, date FROM articles ORDER BY id") == [
        ("n0", "Wire", "2024-05-0"),
        ("n1", "Wire", "2024-05-0"),
    ]


@pytest.mark.slow
def test_aliases_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("“We are ready,” Joe Biden said.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("“We are ready too,” POTUS said.", encoding="utf-8")
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical\nPOTUS,Joe Biden\n", encoding="utf-8")
    db = tmp_path / "c.db"
    argv = ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--out", str(db)]
    assert main([*argv, *BASE, "--aliases", str(aliases)]) == 0
    names = _rows(db, "SELECT DISTINCT speaker_name FROM attributions")
    assert names == [("Joe Biden",)]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_file_outputs(tmp_path: Path, fmt: str) -> None:
    write_many(tmp_path / "in", 2)
    out = tmp_path / f"corpus.{fmt}"
    assert main(["extract", str(tmp_path / "in"), "--out", str(out), *BASE]) == 0
    names = sorted(p.name for p in out.iterdir())
    tables = ["article_speakers", "articles", "attributions", "errors", "speakers"]
    assert names == [f"{t}.{fmt}" for t in tables]


@pytest.mark.slow
def test_without_out_prints_as_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("“We will win,” Jane Doe said.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    status = main(["extract", str(tmp_path), "--format", "jsonl", "--model", "sm"])
    out, err = capsys.readouterr()
    assert status == 1
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["id"] == "a" and record["attributions"][0]["speaker"]["name"] == "Jane Doe"
    assert f"sayso: error: {tmp_path / 'bad.txt'}: " in err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--aliases", "/nonexistent/aliases.csv"], "cannot read alias file"),
        (["--jobs", "0"], "--jobs must be at least 1"),
        (["--batch-size", "0"], "batch_size"),
        (["--model", "no_such_model_xyz"], "unknown spaCy model"),
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    argv = ["extract", str(tmp_path), "--out", str(tmp_path / "c.db"), "--model", "sm", *extra]
    assert main(argv) == 2
    assert message in capsys.readouterr().err


@pytest.mark.slow
def test_output_inside_the_input_folder_is_not_read_back(tmp_path: Path) -> None:
    write_many(tmp_path, 2)
    out = tmp_path / "corpus.jsonl"
    assert main(["extract", str(tmp_path), "--out", str(out), *BASE]) == 0
    assert main(["extract", str(tmp_path), "--out", str(out), *BASE]) == 0  # no errors
    assert len((out / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == 2
