#!/usr/bin/env bash
# One command for the peer benchmark on a fresh clone: builds the Java side, creates the two venvs
# (python/.venv: TensorFlow/Keras; python/.venv-peers: PyTorch/JAX) and runs python/bench_peers.py.
#   python/bench_peers.sh [--repeats 5] [--epochs 1000] [--threads 1] [--json out.json] ...
# Add -Pgpu via MAVEN_ARGS=-Pgpu to time the GPU natives instead.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q ${MAVEN_ARGS:-} compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
py="$(python/venv.sh)"
peers_py="$(python/venv-peers.sh)"
export TF_CPP_MIN_LOG_LEVEL=2
exec "$py" python/bench_peers.py --classpath "target/classes:$(cat target/bench-classpath.txt)" \
  --peers-python "$peers_py" "$@"
