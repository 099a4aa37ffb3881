"""Runs xor_keras3.py for many configurations in one Python process, so that Keras and TensorFlow
start once (a few seconds) instead of once per configuration. Used by the Java parity matrix.

    python/run.sh sbs_matrix.py runs.json

runs.json is {"runs": [[xor_keras3.py arguments...], ...]}. Every run's arguments are checked
before the first one trains (a bad one exits 2, naming its index). Between runs
keras.backend.clear_session() resets Keras's global state; each run then calls
keras.utils.set_random_seed(--seed) before building its model, as a fresh process does, so a run
writes the same report here as alone (checked by LiveKerasMatrixTest).
"""
import json
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: sbs_matrix.py RUNS.json", file=sys.stderr)
        return 2
    with open(argv[0]) as f:
        runs = json.load(f).get("runs")
    if not isinstance(runs, list) or not all(isinstance(r, list) for r in runs):
        print(f"sbs_matrix.py: {argv[0]}: expected {{\"runs\": [[arguments...], ...]}}",
              file=sys.stderr)
        return 2
    import xor_keras3
    for i, args in enumerate(runs):
        try:
            xor_keras3.parse_args([str(a) for a in args])
        except SystemExit as e:
            print(f"sbs_matrix.py: run {i + 1} of {len(runs)} has bad arguments: {args}",
                  file=sys.stderr)
            return e.code if isinstance(e.code, int) else 2
    import keras
    for i, args in enumerate(runs):
        keras.backend.clear_session()
        t = time.perf_counter()
        xor_keras3.main([str(a) for a in args])
        print(f"sbs_matrix.py: run {i + 1}/{len(runs)} in {time.perf_counter() - t:.1f} s",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
