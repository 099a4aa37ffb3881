#!/usr/bin/env bash
# Installs NVIDIA's CUDA 12.5 / cuDNN 9.3 pip wheels (the set tensorflow[and-cuda]==2.18.0 pins,
# see requirements-cuda.txt) into the project venv python/.venv and prints the LD_LIBRARY_PATH
# that lets TF Java's -Pgpu natives find them. The NVIDIA *driver* (libcuda.so.1) is not a wheel:
# it must come from the system.
#
#   python/install-cuda-wheels.sh            # install, then print `export LD_LIBRARY_PATH=...`
#   eval "$(python/install-cuda-wheels.sh --print-only)"   # just set the path (already installed)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py="$("$here/venv.sh")"
if [[ "${1:-}" != "--print-only" ]]; then
  "$py" -m pip install --quiet -r "$here/requirements-cuda.txt" >&2
fi
# Each wheel puts its .so files in site-packages/nvidia/<lib>/lib.
site="$("$py" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
dirs=""
for d in "$site"/nvidia/*/lib; do
  [[ -d "$d" ]] && dirs="${dirs:+$dirs:}$d"
done
if [[ -z "$dirs" ]]; then
  echo "install-cuda-wheels: no nvidia/*/lib directories under $site" >&2
  exit 1
fi
echo "export LD_LIBRARY_PATH=$dirs\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
