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
# Verify the pins, not just the presence: a drifted package is a failure.
"$venv/bin/python" - "$req" >&2 <<'PY'
import sys, importlib.metadata as md
bad = []
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, _, version = line.partition("==")
    try:
        found = md.version(name)
    except md.PackageNotFoundError:
        bad.append(f"{name}: expected {version}, found nothing installed")
        continue
    if version and found != version:
        bad.append(f"{name}: expected {version}, found {found}")
if bad:
    sys.exit("venv.sh: python/.venv does not match python/requirements.txt:\n  " + "\n  ".join(bad)
             + "\n  rebuild it with python/venv.sh --force")
PY
echo "$venv/bin/python"
