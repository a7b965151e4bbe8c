#!/usr/bin/env bash
# Installs pyspark (PyPI) into a venv outside the repository, once: ~/.cache/vigil/spark-venv or
# $VIGIL_SPARK_VENV. Quiet when it is already there; exit 1 with the reason when it cannot.
set -euo pipefail
VENV="${VIGIL_SPARK_VENV:-$HOME/.cache/vigil/spark-venv}"
PYSPARK_VERSION=3.5.9   # supports Java 8/11/17; Spark 4 would need Java 17+
"$VENV/bin/python" -c "import pyspark" 2>/dev/null && exit 0
command -v java >/dev/null || { echo "spark install: java not found (Spark needs Java 8, 11 or 17)" >&2; exit 1; }
echo "spark install: pyspark $PYSPARK_VERSION into $VENV ..." >&2
start=$(date +%s)
python3 -m venv "$VENV"
"$VENV/bin/pip" install -q "pyspark==$PYSPARK_VERSION"
echo "spark install: done in $(( $(date +%s) - start )) s" >&2
