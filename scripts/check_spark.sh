#!/usr/bin/env bash
# Check what the Spark face (`sayso spark`, tests marked `spark`) needs: Java 17+ and PySpark 4.
# Usage: scripts/check_spark.sh [PYTHON]   (default: .venv/bin/python, else python3)
# Exit status 0 when everything is there, 1 otherwise; each missing piece is named.
set -u
python="${1:-}"
if [ -z "$python" ]; then
    if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
fi
missing=0

java_bin=java
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java_bin="$JAVA_HOME/bin/java"; fi
if ! command -v "$java_bin" >/dev/null 2>&1; then
    echo "MISSING: Java (no 'java' on PATH, JAVA_HOME=${JAVA_HOME:-unset}); Spark needs Java 17+," \
        "e.g. apt-get install openjdk-17-jre-headless"
    missing=1
else
    java_version=$("$java_bin" -version 2>&1 | head -n 1)
    major=$(printf '%s' "$java_version" | sed -E 's/.*version "([0-9]+).*/\1/')
    if [ "$major" -ge 17 ] 2>/dev/null; then
        echo "ok: Java $major ($java_version)"
    else
        echo "MISSING: Java 17 or newer (found: $java_version); e.g. apt-get install openjdk-17-jre-headless"
        missing=1
    fi
fi

if ! command -v "$python" >/dev/null 2>&1 && [ ! -x "$python" ]; then
    echo "MISSING: Python interpreter $python"
    exit 1
fi
if pyspark_version=$("$python" -c 'import pyspark; print(pyspark.__version__)' 2>/dev/null); then
    case "$pyspark_version" in
        4.*) echo "ok: PySpark $pyspark_version ($python)" ;;
        *) echo "MISSING: PySpark 4.x (found $pyspark_version); pip install 'sayso[spark]'"; missing=1 ;;
    esac
else
    echo "MISSING: PySpark in $python; install it with: $python -m pip install 'sayso[spark]'"
    missing=1
fi

if "$python" -c 'import pyarrow' 2>/dev/null; then
    echo "ok: pyarrow (for 'sayso load')"
else
    echo "MISSING: pyarrow (needed by 'sayso load'); pip install 'sayso[store]'"
    missing=1
fi

if [ "$missing" -ne 0 ]; then
    echo "Spark checks failed: the tests marked 'spark' will be skipped."
fi
exit "$missing"
