#!/usr/bin/env bash
# Creates (on first use) a project-local venv from a pinned requirements file, installs again only
# when that file changed (hash stamp in the venv), then checks every pin is installed at its pinned
# version. Prints the venv's python path on the last line of stdout; non-zero exit on any failure,
# so Maven/CI fail instead of skipping when a Python dependency is missing.
#
#   python/venv.sh                                      # python/.venv from requirements.txt
#   python/venv.sh --force                              # rebuild python/.venv from scratch
#   python/venv.sh .venv-peers requirements-peers.txt   # another venv (PyTorch, JAX for benchmarks)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
force=0
if [[ "${1:-}" == "--force" ]]; then
  force=1
  shift
fi
venv="$here/${1:-.venv}"
req="$here/${2:-requirements.txt}"
name="$(basename "$req")"
stamp="$venv/.${name%.txt}.sha256"   # same stamp names as notebooks-equivalent/venv.sh
python="${PYTHON:-python3}"

if [[ $force == 1 ]]; then
  rm -rf "$venv"
fi
if [[ ! -x "$venv/bin/python" ]]; then
  echo "venv.sh: creating $venv" >&2
  "$python" -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
fi
want="$(sha256sum "$req" | cut -d' ' -f1)"
if [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  echo "venv.sh: installing $name into $venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" >&2
  echo "$want" > "$stamp"
fi
# Verify the pins, not just the presence: a drifted or missing package is a failure.
"$venv/bin/python" "$here/check_pins.py" "$req" >&2
echo "$venv/bin/python"
