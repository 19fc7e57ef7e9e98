"""The `sayso` command end to end: formats, stdin, bad inputs, exit statuses."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from sayso.faces.cli import main

ARTICLE = "“We will win,” Jane Doe said.\n\nTom Baker warned that the bridge would close.\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "story-one.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_is_the_referee_format(capsys, article):
    code, out, _ = run(capsys, "extract", str(article), "--format", "jsonl", "--model", "sm")
    assert code == 0
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["id"] == "story-one"
    assert record["text"] == ARTICLE  # the file's content, unchanged
    first = record["attributions"][0]
    assert first["kind"] == "direct"
    assert first["speaker"]["name"] == "Jane Doe"
    start, end = first["content"]["spans"][0]
    assert ARTICLE[start:end] == "“We will win,”"
    assert ARTICLE[slice(*first["cue"]["spans"][0])] == "said"


def test_json_and_csv_formats(capsys, article):
    code, out, _ = run(capsys, "extract", str(article), "--format", "json", "--model", "sm")
    assert code == 0
    assert [r["id"] for r in json.loads(out)] == ["story-one"]
    code, out, _ = run(capsys, "extract", str(article), "--format", "csv", "--model", "sm")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["speaker"], r["kind"], r["cue"]) for r in rows] == [
        ("Jane Doe", "direct", "said"),
        ("Tom Baker", "indirect", "warned"),
    ]


def test_table_format_lists_speaker_kind_cue_quote(capsys, article):
    code, out, _ = run(capsys, "extract", str(article), "--format", "table", "--model", "sm")
    assert code == 0
    assert "speaker" in out and "quote" in out
    assert "Jane Doe" in out and "direct" in out and "said" in out


def test_stdin_dash():
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "sayso.faces.cli",
            "extract",
            "-",
            "--format",
            "jsonl",
            "--model",
            "sm",
        ],
        input=ARTICLE.encode(),
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["attributions"][0]["speaker"]["name"] == "Jane Doe"


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("binary.txt", b"\x00\x01\x02PNG\x00\x00", "binary"),
        ("latin1.txt", "caf\u00e9 said".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_file_is_named_and_the_others_still_processed(
    capsys, article, tmp_path, name, payload, message
):
    bad = tmp_path / name
    bad.write_bytes(payload)
    code, out, err = run(
        capsys, "extract", str(bad), str(article), "--format", "jsonl", "--model", "sm"
    )
    assert code == 1
    assert name in err and message in err
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["story-one"]


def test_missing_file(capsys, article, tmp_path):
    code, out, err = run(
        capsys,
        "extract",
        str(tmp_path / "nope.txt"),
        str(article),
        "--model",
        "sm",
        "--format",
        "jsonl",
    )
    assert code == 1
    assert "nope.txt" in err
    assert len(out.splitlines()) == 1


def test_empty_file_gives_an_empty_result(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(empty), "--format", "jsonl", "--model", "sm")
    assert code == 0
    assert json.loads(out)["attributions"] == []


def test_unknown_model_lists_installed_models(capsys, article):
    code, _, err = run(capsys, "extract", str(article), "--model", "xx_no_such_model")
    assert code == 2
    assert "unknown spaCy model 'xx_no_such_model'" in err
    assert "installed models:" in err and "en_core_web_sm" in err


def test_bad_kind_is_a_cli_error(capsys, article):
    code, _, err = run(capsys, "extract", str(article), "--kinds", "gossip", "--model", "sm")
    assert code == 2
    assert "gossip" in err


def test_no_command_prints_help(capsys):
    code, out, _ = run(capsys)
    assert code == 2
    assert "extract" in out
