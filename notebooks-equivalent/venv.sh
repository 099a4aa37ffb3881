#!/usr/bin/env bash
# Creates (on first use) the project-local venv python/.venv from the pinned
# python/requirements.txt (TensorFlow/Keras) plus python/requirements-notebooks.txt (Jupyter,
# nbclient, the JJava kernel, matplotlib), through python/venv.sh, which checks every pin. Prints
# the venv's python on the last line of stdout. Any failure exits non-zero, so Maven and CI fail
# instead of skipping.
#
#   notebooks-equivalent/venv.sh          # create or top up, verify
#   notebooks-equivalent/venv.sh --force  # rebuild from scratch
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
if ! command -v "$python" >/dev/null 2>&1 && [[ ! -x "$root/python/.venv/bin/python" ]]; then
  echo "venv.sh: expected a Python 3 interpreter named '$python' on PATH (or PYTHON=...), found none" >&2
  exit 3
fi
"$root/python/venv.sh" ${1:+"$1"} .venv requirements.txt >/dev/null
py="$("$root/python/venv.sh" .venv requirements-notebooks.txt | tail -n 1)"
# The Java kernel must be visible to Jupyter from inside the venv. The whole list is read as JSON
# (no `| grep -q`, which under pipefail fails when jupyter dies of SIGPIPE after an early match).
specs="$("$(dirname "$py")/jupyter" kernelspec list --json 2>/dev/null || true)"
if ! "$py" -c 'import json, sys; sys.exit("java" not in json.loads(sys.argv[1] or "{}").get("kernelspecs", {}))' "$specs"; then
  echo "venv.sh: expected the JJava kernelspec 'java' in $(dirname "$(dirname "$py")")/share/jupyter/kernels," \
    "found none (reinstall with notebooks-equivalent/venv.sh --force)" >&2
  exit 4
fi
echo "$py"
