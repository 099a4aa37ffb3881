#!/usr/bin/env bash
# One command for the peer benchmark on a fresh clone: builds the Java side, creates the two venvs
# (python/.venv: TensorFlow/Keras; python/.venv-peers: PyTorch/JAX) and runs python/bench_peers.py:
# many batches (12-bit parity, batch 32, 10 epochs) and the tutorial per epoch for every peer, and
# S seeds (the port's sweep, JAX scan per seed, JAX vmap), all in one run.
#   python/bench_peers.sh [--repeats 3] [--workloads many,tutorial,seeds] [--seeds 50] [--json out.json] ...
#   python/bench_peers.sh --bits 10 --batch 64 --epochs 20 --peers java,jax   # one workload of that shape
# MAVEN_ARGS=-Pgpu times the GPU natives as "java"; --peers java,java@gpu times both in one run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q ${MAVEN_ARGS:-} compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
gpu_cp=()
if [[ "$*" == *java@gpu* ]]; then  # the GPU natives' class path too (526 MB download on first use)
  mvn -B -q -Pgpu dependency:build-classpath -Dmdep.outputFile=target/bench-classpath-gpu.txt >&2
  gpu_cp=(--gpu-classpath "target/classes:$(cat target/bench-classpath-gpu.txt)")
fi
py="$(python/venv.sh)"
peers_py="$(python/venv-peers.sh)"
export TF_CPP_MIN_LOG_LEVEL=2
exec "$py" python/bench_peers.py --classpath "target/classes:$(cat target/bench-classpath.txt)" \
  --peers-python "$peers_py" "${gpu_cp[@]}" "$@"
