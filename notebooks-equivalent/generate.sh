#!/usr/bin/env bash
# Regenerates xor-java.ipynb, xor-python.ipynb and xor.jsh from xor.cells (the one source).
# NotebooksInSyncTest fails the build when the committed files differ from what this writes.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile exec:java \
  -Dexec.mainClass=io.github.tfjavaxor.notebooks.GenerateNotebooks \
  -Dexec.classpathScope=test "$@"
