"""The Keras XOR tutorial (python/xor_original.py) for Keras 3, with options for the side-by-side
comparison with the Java port.

Prints the same lines as the original: the fit progress bar, the evaluate bar,
"\ncompile_metrics: 100.00%" and the rounded predictions.

    python/run.sh xor_keras3.py [--seed 42] [--epochs 1000] [--no-shuffle]
        [--learning-rate 0.001] [--verbose 1] [--init-weights init.weights.h5]
        [--start-from w.weights.h5] [--save model.keras] [--report run.json]

--init-weights PATH  save the freshly drawn initial weights (before training) as .weights.h5
--start-from PATH    start from these weights instead of drawing new ones (a .weights.h5 file)
--save PATH          save the trained model as a .keras file
--report PATH        write the per-epoch history, evaluate scores and raw predictions as JSON
                     (float32 values written exactly, as Python floats)
"""
import argparse
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seed", type=int, default=42, help="keras.utils.set_random_seed (default 42)")
    p.add_argument("--epochs", type=int, default=1000, help="training epochs (default 1000)")
    p.add_argument("--shuffle", action=argparse.BooleanOptionalAction, default=True,
                   help="fit(shuffle=...); Keras's default is --shuffle")
    p.add_argument("--learning-rate", type=float, default=0.001, help="Adam learning rate")
    p.add_argument("--verbose", type=int, default=1, choices=(0, 1, 2))
    p.add_argument("--init-weights", help="write the initial weights here (.weights.h5)")
    p.add_argument("--start-from", help="load initial weights from here (.weights.h5)")
    p.add_argument("--save", help="save the trained model here (.keras)")
    p.add_argument("--report", help="write history, scores and predictions here (.json)")
    a = p.parse_args(argv)
    if a.epochs < 1:
        p.error(f"--epochs: expected an integer >= 1, found {a.epochs}")
    if not a.learning_rate > 0:
        p.error(f"--learning-rate: expected a number > 0, found {a.learning_rate}")
    for opt, suffix in (("init_weights", ".weights.h5"), ("start_from", ".weights.h5"),
                        ("save", ".keras"), ("report", ".json")):
        v = getattr(a, opt)
        if v is not None and not v.endswith(suffix):
            p.error(f"--{opt.replace('_', '-')}: expected a file name ending in {suffix}, found {v}")
    if a.start_from and not os.path.isfile(a.start_from):
        p.error(f"--start-from: no such file: {a.start_from}")
    return a


def build(seed):
    """The tutorial's model. set_random_seed must run before the layers are built: each
    glorot_uniform draws its seed from Python's random module when it is constructed."""
    import keras
    keras.utils.set_random_seed(seed)
    # Dense(16, input_dim=2) is deprecated in Keras 3; an Input layer is the same model.
    return keras.Sequential([
        keras.Input(shape=(2,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ])


def compile_model(model, learning_rate):
    import keras
    # jit_compile=False: Keras 3 turns XLA on when a GPU is visible, which changes the rounding.
    model.compile(loss="mean_squared_error",
                  optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  metrics=["binary_accuracy"],
                  jit_compile=False)


def main(argv=None):
    a = parse_args(argv)
    import numpy as np

    training_data = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], "float32")
    target_data = np.array([[0], [1], [1], [0]], "float32")

    model = build(a.seed)
    compile_model(model, a.learning_rate)
    if a.start_from:
        model.load_weights(a.start_from)
    if a.init_weights:
        model.save_weights(a.init_weights)

    history = model.fit(training_data, target_data, epochs=a.epochs, shuffle=a.shuffle,
                        verbose=a.verbose)

    scores = model.evaluate(training_data, target_data, verbose=a.verbose)
    print("\n%s: %.2f%%" % (model.metrics_names[1], scores[1] * 100))
    predictions = model.predict(training_data, verbose=a.verbose)
    print(predictions.round())
    sys.stdout.flush()

    if a.save:
        model.save(a.save)
    if a.report:
        report = {
            "seed": a.seed,
            "epochs": a.epochs,
            "shuffle": a.shuffle,
            "learning_rate": a.learning_rate,
            "keras_version": __import__("keras").__version__,
            "tensorflow_version": __import__("tensorflow").__version__,
            "onednn_opts": os.environ.get("TF_ENABLE_ONEDNN_OPTS", "(unset)"),
            "loss": [float(v) for v in history.history["loss"]],
            "binary_accuracy": [float(v) for v in history.history["binary_accuracy"]],
            "evaluate": [float(v) for v in scores],
            "predictions": [[float(v) for v in row] for row in predictions],
        }
        with open(a.report, "w") as f:
            json.dump(report, f)


if __name__ == "__main__":
    main()
