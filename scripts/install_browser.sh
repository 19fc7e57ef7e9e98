#!/usr/bin/env bash
# Install what the explorer's browser tests need (tests marked `browser`):
#   - Debian's chromium at /usr/bin/chromium (apt), only when it is missing;
#   - the Playwright Python driver (pip) into the project's virtualenv.
# Idempotent: a second run changes nothing. Never runs `playwright install` (that
# downloads a browser build from outside the package registries, which cannot work here).
#
# Usage: scripts/install_browser.sh [PYTHON]   (default: .venv/bin/python, else python3)
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON="${1:-}"
if [[ -z "$PYTHON" ]]; then
    if [[ -x .venv/bin/python ]]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi

if [[ ! -x /usr/bin/chromium ]]; then
    SUDO=""
    if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi
    echo "install_browser: installing chromium (apt)" >&2
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium
else
    echo "install_browser: /usr/bin/chromium is already there" >&2
fi

if "$PYTHON" -c "import playwright.sync_api" 2>/dev/null; then
    echo "install_browser: playwright is already installed" >&2
else
    echo "install_browser: installing playwright (pip)" >&2
    "$PYTHON" -m pip install -q "playwright>=1.45"
fi

/usr/bin/chromium --version 2>/dev/null | head -n 1 >&2 || true
"$PYTHON" -m pip show playwright 2>/dev/null | grep -i '^version' >&2 || true
