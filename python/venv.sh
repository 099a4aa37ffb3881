#!/usr/bin/env bash
# Creates or updates a project venv from a pinned requirements file and prints its python path.
#   python/venv.sh                       -> python/.venv from requirements.txt (TensorFlow, Keras)
#   python/venv.sh .venv-peers requirements-peers.txt   (PyTorch, JAX, matplotlib)
# pip runs only when the requirements file changed since the last install (hash stamp in the venv).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/${1:-.venv}"
req="$here/${2:-requirements.txt}"
stamp="$venv/.requirements.$(basename "$req").sha256"
sum="$(sha256sum "$req" | cut -d' ' -f1)"
if [[ ! -x "$venv/bin/python" ]]; then
  echo "creating $venv" >&2
  "${PYTHON:-python3}" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip >&2
fi
if [[ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]]; then
  echo "installing $(basename "$req") into $venv" >&2
  "$venv/bin/python" -m pip install --quiet -r "$req" >&2
  echo "$sum" > "$stamp"
fi
echo "$venv/bin/python"
