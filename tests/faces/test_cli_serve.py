"""``sayso serve``: argument handling (the browser tests run the real server)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.faces.cli import build_parser, main

pytest.importorskip("uvicorn", reason="the explorer needs the web extra: pip install 'sayso[web]'")

from .web.stores import build_store


@pytest.fixture()
def served(monkeypatch) -> dict:
    """Capture what would be served instead of serving it."""
    import uvicorn

    seen: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    return seen


def test_defaults_bind_to_this_machine_only() -> None:
    args = build_parser().parse_args(["serve", "corpus.db"])
    assert (args.host, args.port, args.max_body) == ("127.0.0.1", 8000, 200_000)


def test_serves_the_store(tmp_path: Path, served: dict, capsys) -> None:
    db = build_store(tmp_path / "c.db")
    assert main(["serve", str(db), "--port", "8123", "--model", "sm"]) == 0
    assert served["host"] == "127.0.0.1" and served["port"] == 8123
    assert served["app"].state.options.model == "sm"
    assert "warning" not in capsys.readouterr().err


def test_warns_when_reachable_from_other_machines(tmp_path: Path, served: dict, capsys) -> None:
    db = build_store(tmp_path / "c.db")
    assert main(["serve", str(db), "--host", "0.0.0.0"]) == 0
    assert "other machines can reach" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["serve", "missing.db"], "no such store file"),
        (["serve", "{db}", "--port", "0"], "--port must lie in 1..65535"),
        (["serve", "{db}", "--port", "70000"], "--port must lie in 1..65535"),
        (["serve", "{junk}"], "not a SQLite database"),
        (["serve", "{db}", "--max-body", "0"], "--max-body must be a positive"),
        (["serve", "{db}", "--kinds", "shouted"], "unknown kind"),
    ],
)
def test_bad_arguments_are_clean_errors(tmp_path: Path, served: dict, capsys, argv, message):
    db = build_store(tmp_path / "c.db")
    junk = tmp_path / "junk.db"
    junk.write_text("not a database" * 200)
    argv = [a.format(db=db, junk=junk) for a in argv]
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert not served
