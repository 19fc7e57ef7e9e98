"""The docs are tested: every CLI option is documented, and README commands run."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
from pathlib import Path

import pytest

from sayso.faces.cli import build_parser

REPO = Path(__file__).resolve().parents[1]
CLI_DOC = REPO / "docs" / "cli.md"


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_subcommand_and_option_is_documented():
    doc = CLI_DOC.read_text(encoding="utf-8")
    missing = []
    for name, sub in subcommands().items():
        if f"sayso {name}" not in doc:
            missing.append(f"sayso {name}")
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help" and flag not in doc:
                    missing.append(f"sayso {name} {flag}")
    assert not missing, f"undocumented in docs/cli.md: {missing}"


def console_commands(path: Path) -> list[str]:
    """`$ ` lines of ```console blocks that run on what the repository ships."""
    text = path.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            runnable = ("$ .venv/bin/sayso extract", "$ sayso extract examples", "$ cat examples")
            if line.startswith(runnable):
                commands.append(line[2:].split("  #")[0].strip())
    return commands


@pytest.mark.parametrize(
    "command", console_commands(REPO / "README.md") + console_commands(CLI_DOC)
)
def test_readme_commands_run(command, tmp_path):
    env = {**os.environ, "PATH": f"{REPO / '.venv' / 'bin'}:{os.environ['PATH']}"}
    command = command.replace("corpus.db", str(tmp_path / "corpus.db"))
    proc = subprocess.run(
        ["bash", "-c", command], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() or (tmp_path / "corpus.db").exists()


def test_readme_has_exactly_two_setup_commands():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Set up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```console\n(.*?)```", section, flags=re.S)
    assert block is not None
    assert [ln.split()[1] for ln in block.group(1).splitlines() if ln.startswith("$ ")] == [
        "scripts/demo.sh",
        "scripts/test.sh",
    ]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test.sh" in ci
