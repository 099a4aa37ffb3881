#!/usr/bin/env bash
# Creates (on first use) the project-local venv python/.venv from the pinned
# python/requirements.txt (TensorFlow/Keras) plus python/requirements-notebooks.txt (Jupyter,
# nbclient, the JJava kernel, matplotlib), then checks every pin. Prints the venv's python on the
# last line of stdout. Any failure exits non-zero, so Maven and CI fail instead of skipping.
#
#   notebooks-equivalent/venv.sh          # create or top up, verify
#   notebooks-equivalent/venv.sh --force  # rebuild from scratch
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/python/.venv"
python="${PYTHON:-python3}"
base_req="$root/python/requirements.txt"
nb_req="$root/python/requirements-notebooks.txt"

if [[ "${1:-}" == "--force" ]]; then
  rm -rf "$venv"
fi
if ! command -v "$python" >/dev/null 2>&1 && [[ ! -x "$venv/bin/python" ]]; then
  echo "venv.sh: expected a Python 3 interpreter named '$python' on PATH (or PYTHON=...), found none" >&2
  exit 3
fi

# install REQ STAMP: pip install -r REQ when its hash differs from the one recorded in STAMP.
install() {
  local req="$1" stamp="$venv/$2" want
  want="$(sha256sum "$req" | cut -d' ' -f1)"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    echo "venv.sh: installing $(basename "$req") into $venv" >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" >&2
    echo "$want" > "$stamp"
  fi
}

if [[ ! -x "$venv/bin/python" ]]; then
  echo "venv.sh: creating $venv" >&2
  "$python" -m venv "$venv" >&2
fi
install "$base_req" .requirements.sha256
install "$nb_req" .requirements-notebooks.sha256

# Verify the pins, not just the presence: a drifted package is a failure.
"$venv/bin/python" - "$base_req" "$nb_req" >&2 <<'PY'
import sys, importlib.metadata as md
bad = []
for path in sys.argv[1:]:
    for line in open(path):
        line = line.split("#")[0].strip()
        if not line:
            continue
        name, _, version = line.partition("==")
        try:
            found = md.version(name)
        except md.PackageNotFoundError:
            bad.append(f"{name}: expected {version} ({path}), found nothing installed")
            continue
        if version and found != version:
            bad.append(f"{name}: expected {version} ({path}), found {found}")
if bad:
    sys.exit("venv.sh: python/.venv does not match the pinned requirements:\n  "
             + "\n  ".join(bad) + "\n  rebuild it with notebooks-equivalent/venv.sh --force")
PY
# The Java kernel must be visible to Jupyter from inside the venv.
if ! "$venv/bin/jupyter" kernelspec list 2>/dev/null | grep -q '^ *java '; then
  echo "venv.sh: expected the JJava kernelspec 'java' in $venv/share/jupyter/kernels, found none" \
    "(reinstall with notebooks-equivalent/venv.sh --force)" >&2
  exit 4
fi
echo "$venv/bin/python"
