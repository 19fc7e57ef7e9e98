"""Kill a run with SIGKILL in the middle, resume it, and get the same store."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import write_many

BATCH = 4
N_ARTICLES = 120


def _extract(inputs: Path, db: Path, jobs: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "sayso.faces.cli", "extract", str(inputs), "--out", str(db)]
    command += ["--model", "sm", "--jobs", str(jobs), "--batch-size", str(BATCH)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def _orphans_gone(marker: str, timeout: float) -> bool:
    """Whether no process whose command line names ``marker`` is left (Linux /proc)."""
    if not Path("/proc/self/cmdline").exists():
        return True  # no /proc to look in
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = []
        for proc in Path("/proc").glob("[0-9]*"):
            try:
                if marker.encode() in (proc / "cmdline").read_bytes():
                    alive.append(proc.name)
            except OSError:
                continue
        if not alive:
            return True
        time.sleep(0.2)
    return False


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every table without run-dependent columns (timestamps, row ids)."""
    queries = {
        "articles": "SELECT id, url, title, outlet, date, source, text, content_hash, words "
        "FROM articles ORDER BY id",
        "attributions": "SELECT article_id, seq, kind, content, content_spans, cue, source, "
        "speaker_local_id, speaker_id, speaker_name, confidence FROM attributions "
        "ORDER BY article_id, seq",
        "speakers": "SELECT id, key, name, type, roles, aliases, n_attributions FROM speakers "
        "ORDER BY id",
        "article_speakers": "SELECT * FROM article_speakers ORDER BY article_id, local_id",
        "errors": "SELECT input, article_id, message FROM errors ORDER BY input",
        "fts": "SELECT a.article_id, a.seq FROM attributions_fts f "
        "JOIN attributions a ON a.id = f.rowid WHERE attributions_fts MATCH 'spring OR macron' "
        "ORDER BY 1, 2",
    }
    with sqlite3.connect(db) as conn:
        return {name: conn.execute(sql).fetchall() for name, sql in queries.items()}


@pytest.mark.slow
def test_kill_and_resume_gives_the_same_store(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_many(inputs, N_ARTICLES)
    (inputs / "zz_empty.txt").write_text("", encoding="utf-8")

    reference = tmp_path / "reference.db"
    done = _extract(inputs, reference, jobs=2)
    assert done.wait(timeout=300) == 1  # the empty file is an error

    killed = tmp_path / "killed.db"
    victim = _extract(inputs, killed, jobs=2)
    deadline = time.monotonic() + 120
    while _count(killed) < 2 * BATCH and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert victim.poll() is None, "the run ended before it could be killed"
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    assert _orphans_gone(str(killed), timeout=15), "worker processes outlived their parent"
    partial = _count(killed)
    assert 0 < partial < N_ARTICLES
    assert partial % BATCH == 0  # whole batches only: no half-written article or batch

    resumed = _extract(inputs, killed, jobs=1)
    _, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 1
    assert f"({partial} already stored)" in stderr.decode()
    snapshot = _snapshot(killed)
    assert snapshot["fts"] and snapshot["speakers"]
    assert snapshot == _snapshot(reference)
    assert _count(killed) == N_ARTICLES
