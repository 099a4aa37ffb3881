#!/usr/bin/env bash
# Creates (on first use) the project-local Python venv python/.venv from the pinned
# python/requirements.txt, then checks that every pinned package imports at its pinned version.
# Prints the venv's python path on the last line of stdout. Exit status non-zero on any failure,
# so Maven/CI fail instead of skipping when a Python dependency is missing.
#
#   python/venv.sh            # create if needed, verify
#   python/venv.sh --force    # rebuild from scratch
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv"
req="$here/requirements.txt"
stamp="$venv/.requirements.sha256"
python="${PYTHON:-python3}"

if [[ "${1:-}" == "--force" ]]; then
  rm -rf "$venv"
fi
want="$(sha256sum "$req" | cut -d' ' -f1)"
if [[ ! -x "$venv/bin/python" || ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "venv.sh: creating $venv from $req" >&2
  rm -rf "$venv"
  "$python" -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" >&2
  echo "$want" > "$stamp"
fi
# Verify the pins, not just the presence: a drifted or missing package is a failure.
"$venv/bin/python" "$here/check_pins.py" "$req" >&2
echo "$venv/bin/python"
