"""Trains the tutorial model in Keras from given initial weights and prints each run's per-epoch
losses as JSON on stdout. Used by the Java tests to compare Java's fit with Keras's from the same
(Java-drawn) starting point.

    python/run.sh fit_from_weights.py --epochs 50 [--jit-compile true] A.weights.h5 [B.weights.h5 ...]

Output (last line): {"keras_version": ..., "tensorflow_version": ...,
                     "runs": {"A.weights.h5": {"loss": [...], "binary_accuracy": [...]}, ...}}
Each run: Dense(16, relu) -> Dense(1, sigmoid), MSE, Adam(0.001), jit_compile=False (or True with
--jit-compile true: XLA, as the Java port's --jit-compile true compares against), the four XOR
rows as one batch, shuffle=False; float32 values are written exactly as Python floats.
"""
import argparse
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=50)
    p.add_argument("--jit-compile", choices=["false", "true"], default="false")
    p.add_argument("weights", nargs="+", help=".weights.h5 files written by Java or Keras")
    a = p.parse_args(argv)
    if a.epochs < 1:
        p.error(f"--epochs: expected an integer >= 1, found {a.epochs}")
    import warnings
    import numpy as np
    import keras
    import tensorflow as tf

    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], "float32")
    y = np.array([[0], [1], [1], [0]], "float32")
    runs = {}
    for path in a.weights:
        model = keras.Sequential([
            keras.Input(shape=(2,)),
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ])
        model.compile(loss="mean_squared_error", optimizer=keras.optimizers.Adam(),
                      metrics=["binary_accuracy"], jit_compile=a.jit_compile == "true")
        with warnings.catch_warnings():
            # A weights file without optimizer variables: Keras warns that it skips them.
            warnings.simplefilter("ignore", UserWarning)
            model.load_weights(path)
        h = model.fit(x, y, epochs=a.epochs, shuffle=False, verbose=0).history
        runs[path] = {k: [float(v) for v in h[k]] for k in ("loss", "binary_accuracy")}
    print(json.dumps({"keras_version": keras.__version__, "tensorflow_version": tf.__version__,
                      "runs": runs}))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
