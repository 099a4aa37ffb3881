"""Keras's side of continuing a fit across frameworks: the tutorial model trained from given
initial weights, once uninterrupted and once handed over after K epochs, for the Java test
(LiveKerasContinuationTest) to compare with its own runs.

    python/run.sh continue_fit.py --epochs N --split K --batch-size B --report out.json \\
        --case NAME OPTIMIZER INIT.weights.h5 JAVA_K.keras KERAS_K.keras [--case ...]

For each case, from INIT (weights only) and with OPTIMIZER (adam, sgd, sgd_momentum,
sgd_nesterov, rmsprop; Keras's defaults, momentum 0.9):
  uninterrupted: fit(epochs=N);
  to_java:       fit(epochs=K), then model.save(KERAS_K.keras) for Java to continue;
  from_java:     keras.models.load_model(JAVA_K.keras) (a model Java trained K epochs), then
                 fit(initial_epoch=K, epochs=N). Every Python warning during the load is recorded.
Each fit: Dense(16, relu) -> Dense(1, sigmoid), MSE, binary_accuracy, jit_compile=False, the four
XOR rows, shuffle=False, silent. The report holds each run's history (loss, binary_accuracy),
History.epoch, the optimizer's iteration counter and final weights (float32 values written
exactly), and for the loaded Java file its optimizer config, variable count and summary() text.
"""
import argparse
import json
import os
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

OPTIMIZERS = {
    "adam": lambda k: k.optimizers.Adam(),
    "sgd": lambda k: k.optimizers.SGD(),
    "sgd_momentum": lambda k: k.optimizers.SGD(momentum=0.9),
    "sgd_nesterov": lambda k: k.optimizers.SGD(momentum=0.9, nesterov=True),
    "rmsprop": lambda k: k.optimizers.RMSprop(),
}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--epochs", type=int, required=True)
    p.add_argument("--split", type=int, required=True)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--report", required=True)
    p.add_argument("--case", nargs=5, action="append", required=True,
                   metavar=("NAME", "OPTIMIZER", "INIT", "JAVA_K", "KERAS_K"))
    a = p.parse_args(argv)
    if not 0 < a.split < a.epochs:
        p.error(f"--split: expected 0 < K < --epochs ({a.epochs}), found {a.split}")
    for c in a.case:
        if c[1] not in OPTIMIZERS:
            p.error(f"--case {c[0]}: optimizer: expected one of {sorted(OPTIMIZERS)}, found {c[1]}")
    import keras
    import numpy as np

    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], "float32")
    y = np.array([[0], [1], [1], [0]], "float32")
    f32 = lambda v: [float(np.float32(e)) for e in np.ravel(v)]

    def run(model, **fit):
        h = model.fit(x, y, batch_size=a.batch_size, shuffle=False, verbose=0, **fit)
        return {
            "history": {k: f32(h.history[k]) for k in ("loss", "binary_accuracy")},
            "epoch": list(h.epoch),
            "iterations": int(model.optimizer.iterations.numpy()),
            "weights": [f32(w) for w in model.get_weights()],
        }

    def fresh(optimizer, init):
        model = keras.Sequential([
            keras.Input(shape=(2,)),
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ])
        model.load_weights(init)  # weights only: Java writes it from an uncompiled model
        model.compile(loss="mean_squared_error", optimizer=OPTIMIZERS[optimizer](keras),
                      metrics=["binary_accuracy"], jit_compile=False)
        return model

    report = {"keras_version": keras.__version__, "cases": {}}
    for name, optimizer, init, java_k, keras_k in a.case:
        out = {"uninterrupted": run(fresh(optimizer, init), epochs=a.epochs)}
        model = fresh(optimizer, init)
        out["to_java"] = run(model, epochs=a.split)
        model.save(keras_k)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            loaded = keras.models.load_model(java_k)
        out["load_warnings"] = [str(w.message) for w in caught]
        summary = []
        loaded.summary(print_fn=summary.append)
        out["loaded"] = {
            "optimizer": type(loaded.optimizer).__name__,
            "config": {k: v for k, v in loaded.optimizer.get_config().items()
                       if k in ("learning_rate", "momentum", "nesterov", "beta_1", "beta_2",
                                "epsilon", "rho")},
            "iterations": int(loaded.optimizer.iterations.numpy()),
            "variables": len(loaded.optimizer.variables),
            "summary": "".join(summary),
        }
        out["from_java"] = run(loaded, initial_epoch=a.split, epochs=a.epochs)
        report["cases"][name] = out
    with open(a.report, "w") as f:
        json.dump(report, f)


if __name__ == "__main__":
    main()
