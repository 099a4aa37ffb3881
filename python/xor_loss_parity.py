"""Trains the tutorial's 2-16-1 relu/sigmoid XOR model in Keras 3 with a chosen loss, for the Java
loss-parity test (BinaryCrossentropyParityTest): full batch, no shuffle, Adam defaults, metric binary_accuracy,
CPU graph mode without XLA.

    python/run.sh xor_loss_parity.py --loss binary_crossentropy --init-weights init.weights.h5 \
        --report run.json [--seed 42] [--epochs 200]

--init-weights PATH  write the freshly drawn initial weights (before training) as .weights.h5
--report PATH        JSON: per-epoch "loss" and "binary_accuracy" from fit, "evaluate"
                     ([loss, binary_accuracy]) and "predictions" after training, and one training
                     step (train_on_batch) on a fresh copy of the initial weights: "first_step_loss"
                     (before its update) and "first_step_weights" (after it, flattened per
                     variable); float32 values written exactly, as Python floats
"""
import argparse
import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--loss", default="mean_squared_error",
                   help="a Keras loss name for compile(loss=...) (default mean_squared_error)")
    p.add_argument("--seed", type=int, default=42, help="keras.utils.set_random_seed (default 42)")
    p.add_argument("--epochs", type=int, default=200, help="training epochs (default 200)")
    p.add_argument("--init-weights", required=True, help="initial weights file (.weights.h5)")
    p.add_argument("--report", required=True, help="report file (.json)")
    a = p.parse_args(argv)
    if a.epochs < 1:
        p.error(f"--epochs: expected an integer >= 1, found {a.epochs}")

    import keras
    import numpy as np

    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], "float32")
    y = np.array([[0], [1], [1], [0]], "float32")

    def model():
        m = keras.Sequential([
            keras.Input(shape=(2,)),
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ])
        # jit_compile=False: Keras 3 turns XLA on when a GPU is visible, which changes the rounding.
        m.compile(loss=a.loss, optimizer="adam", metrics=["binary_accuracy"], jit_compile=False)
        return m

    keras.utils.set_random_seed(a.seed)
    fitted = model()
    fitted.save_weights(a.init_weights)

    one_step = model()
    one_step.load_weights(a.init_weights)
    first_step_loss = one_step.train_on_batch(x, y, return_dict=True)["loss"]
    first_step_weights = [w.ravel().tolist() for w in one_step.get_weights()]

    history = fitted.fit(x, y, epochs=a.epochs, shuffle=False, verbose=0)
    scores = fitted.evaluate(x, y, verbose=0)
    predictions = fitted.predict(x, verbose=0)
    report = {
        "loss_name": a.loss,
        "seed": a.seed,
        "epochs": a.epochs,
        "keras_version": keras.__version__,
        "tensorflow_version": __import__("tensorflow").__version__,
        "first_step_loss": float(first_step_loss),
        "first_step_weights": first_step_weights,
        "loss": [float(v) for v in history.history["loss"]],
        "binary_accuracy": [float(v) for v in history.history["binary_accuracy"]],
        "evaluate": [float(v) for v in scores],
        "predictions": [[float(v) for v in row] for row in predictions],
    }
    with open(a.report, "w") as f:
        json.dump(report, f)


if __name__ == "__main__":
    main()
