#!/usr/bin/env bash
# Opens jshell with the project's classpath (target/classes + the Maven runtime jars) and runs
# xor.jsh, the notebook's cells as a script; jshell then stays open for you to keep exploring.
#
#   notebooks-equivalent/jshell.sh           # build, run xor.jsh, stay in jshell
#   notebooks-equivalent/jshell.sh --empty   # build, open jshell with the classpath only
#   notebooks-equivalent/jshell.sh FILE.jsh  # build, run another script
#
# Note: the jshell tool reports a failing snippet but carries on and exits 0; the build checks
# xor.jsh with JshScriptTest instead (mvn -B test).
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
mvn -q -B compile   # also writes target/classpath.txt (maven-dependency-plugin, see pom.xml)
cp="$(cat target/classpath.txt):$PWD/target/classes"
script=(notebooks-equivalent/xor.jsh)
if [[ "${1:-}" == "--empty" ]]; then
  script=()
elif [[ -n "${1:-}" ]]; then
  if [[ ! -f "$1" ]]; then
    echo "jshell.sh: expected a .jsh script or --empty, found '$1' (no such file)" >&2
    exit 2
  fi
  script=("$1")
fi
exec jshell --class-path "$cp" -R-Djava.awt.headless=true "${script[@]}"
