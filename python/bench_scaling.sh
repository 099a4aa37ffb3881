#!/usr/bin/env bash
# Scaling sweep, Java port vs Keras: python/bench_scaling.sh [--axes bits,hidden,batch]
#   [--threads 1] [--plot docs/img/scaling.png] [--json target/scaling.json]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q ${MAVEN_ARGS:-} compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
py="$(python/venv.sh)"
peers_py="$(python/venv-peers.sh)"
export TF_CPP_MIN_LOG_LEVEL=2
exec "$py" python/bench_scaling.py --classpath "target/classes:$(cat target/bench-classpath.txt)" \
  --plot-python "$peers_py" "$@"
