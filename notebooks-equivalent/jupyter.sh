#!/usr/bin/env bash
# Opens JupyterLab on notebooks-equivalent/ with both kernels (Java: JJava, Python: ipykernel)
# from the project venv. Builds the project first, so the Java notebook's first cell finds
# target/classes and target/classpath.txt. Extra arguments go to `jupyter lab`.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B compile
py="$(notebooks-equivalent/venv.sh | tail -n 1)"
"$py" -m pip install --quiet --disable-pip-version-check -r python/requirements-jupyterlab.txt
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
exec "$(dirname "$py")/jupyter" lab --notebook-dir=notebooks-equivalent "$@"
