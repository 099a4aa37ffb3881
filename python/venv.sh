#!/usr/bin/env bash
# Creates the project venv python/.venv from python/requirements.txt if it does not exist yet and
# prints its python path. Sourced or called by the other python/ scripts.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
if [[ ! -x "$venv/bin/python" ]]; then
  echo "creating $venv from requirements.txt" >&2
  "${PYTHON:-python3}" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip >&2
  "$venv/bin/python" -m pip install --quiet -r "$here/requirements.txt" >&2
fi
echo "$venv/bin/python"
