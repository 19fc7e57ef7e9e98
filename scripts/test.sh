#!/usr/bin/env bash
# Set-up command 2: install what the tests need (Python packages, headless Chromium for the
# explorer's browser tests, PySpark; Java 17 must be on the machine), lint, and run the test suite.
# When ../shared is beside the repository the suite also scores the reference article with
# the referee (tests/test_reference_article.py), so a regression there fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh all,dev,spark
if [ -x scripts/install_browser.sh ]; then
    scripts/install_browser.sh || echo "sayso: browser install failed; browser tests will skip" >&2
fi
scripts/check_spark.sh .venv/bin/python || echo "sayso: Spark tests will skip (see above)" >&2
.venv/bin/ruff check src tests
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
