#!/usr/bin/env bash
# Set-up command 1: install everything into .venv, then run Sayso on the bundled example article.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh all
echo "\$ .venv/bin/sayso extract examples/article.txt --format table" >&2
.venv/bin/sayso extract examples/article.txt --format table
