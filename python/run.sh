#!/usr/bin/env bash
# Runs a script from python/ with the project-local venv, creating it on first use.
#   python/run.sh xor_keras3.py --seed 7 --epochs 100
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
py="$("$here/venv.sh" | tail -n 1)"
script="$1"; shift
[[ "$script" == */* ]] || script="$here/$script"
exec "$py" "$script" "$@"
