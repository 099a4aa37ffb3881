"""The Keras XOR tutorial (python/xor_original.py) for Keras 3, with the Java workbench's model, data
and fit flags for the side-by-side comparison with the Java port.

Prints the same lines as the original: the fit progress bar, the evaluate bar,
"\\ncompile_metrics: 100.00%" and the rounded predictions. Without flags it is the tutorial.

    python/run.sh xor_keras3.py [--seed 42] [--epochs 1000] [--[no-]shuffle] [--verbose 1]
        [--layers 16] [--activation relu] [--output-activation sigmoid]
        [--loss mean_squared_error] [--optimizer adam] [--learning-rate LR]
        [--metrics binary_accuracy] [--data xor] [--data-npy X.npy,Y.npy]
        [--validation-npy X.npy,Y.npy] [--batch-size 32] [--validation-split 0]
        [--init-weights init.weights.h5] [--start-from w.weights.h5] [--save model.keras]
        [--report run.json]

The model and data flags mean what they mean to ./tfjava-xor train (workbench_spec.py).
--shuffle (Keras's default) permutes the training rows every epoch, with orders drawn in advance
  from numpy's default_rng(--seed) (replay.py); the report lists them, so Java can replay them.
--data-npy X,Y        train on these float32 arrays (.npy, [rows, features] and [rows, targets];
                      the side-by-side writes them from the user's CSV); --data only names them
--validation-npy X,Y  validate on these arrays each epoch, as fit(validation_data=(x, y))
--validation-split F  the last fraction F of the rows, taken before shuffling, as Keras does
--init-weights PATH   save the freshly drawn initial weights (before training) as .weights.h5
--start-from PATH     start from these weights instead of drawing new ones (a .weights.h5 file)
--save PATH           save the trained model as a .keras file
--report PATH         write the per-epoch history (val_ entries too), the shuffle orders, the
                      evaluate scores and raw predictions as JSON (float32 values written exactly)
"""
import argparse
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import workbench_spec as spec  # noqa: E402  (pure Python, no Keras import)


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seed", type=int, default=42,
                   help="keras.utils.set_random_seed and the shuffle orders (default 42)")
    p.add_argument("--epochs", type=int, default=1000, help="training epochs, >= 0 (default 1000)")
    p.add_argument("--shuffle", action=argparse.BooleanOptionalAction, default=True,
                   help="fit(shuffle=...); Keras's default is --shuffle")
    p.add_argument("--learning-rate", type=float, default=None,
                   help="default: the optimizer's Keras default (adam, rmsprop 0.001; sgd 0.01)")
    p.add_argument("--verbose", type=int, default=1, choices=(0, 1, 2))
    p.add_argument("--layers", default="16", help="hidden sizes: 16, 16,8 or 0 (default 16)")
    p.add_argument("--activation", default="relu", help="one for all hidden layers or one each")
    p.add_argument("--output-activation", default="sigmoid")
    p.add_argument("--loss", default="mean_squared_error")
    p.add_argument("--optimizer", default="adam", help="adam, sgd or rmsprop")
    p.add_argument("--metrics", default="binary_accuracy", help="comma-separated; '' for none")
    p.add_argument("--data", default="xor", help="xor, and, or, nand, nor, xnor or parity:N")
    p.add_argument("--data-npy", help="X.npy,Y.npy: train on these arrays; --data names them")
    p.add_argument("--validation-npy", help="X.npy,Y.npy: fit(validation_data=...)")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--validation-split", type=float, default=0.0)
    p.add_argument("--init-weights", help="write the initial weights here (.weights.h5)")
    p.add_argument("--start-from", help="load initial weights from here (.weights.h5)")
    p.add_argument("--save", help="save the trained model here (.keras)")
    p.add_argument("--report", help="write history, orders, scores and predictions here (.json)")
    a = p.parse_args(argv)
    if a.epochs < 0:
        p.error(f"--epochs: expected an integer >= 0, found {a.epochs}")
    if a.batch_size < 1:
        p.error(f"--batch-size: expected an integer >= 1, found {a.batch_size}")
    if a.learning_rate is not None and not 0 < a.learning_rate < float("inf"):
        p.error(f"--learning-rate: expected a finite number > 0, found {a.learning_rate}")
    try:
        a.units = spec.layers(a.layers)
        a.activations = spec.activations(a.activation, len(a.units))
        a.output_activation = spec.name(a.output_activation, spec.ACTIVATIONS,
                                        "--output-activation")
        a.loss = spec.loss(a.loss)
        a.optimizer = spec.name(a.optimizer, spec.OPTIMIZERS, "--optimizer")
        a.metric_names = spec.metrics(a.metrics)
        if a.data_npy:
            a.arrays = spec.arrays(a.data_npy, "--data-npy")
            a.validation = spec.arrays(a.validation_npy, "--validation-npy") \
                if a.validation_npy else None
            rows = a.arrays[0].shape[0]
        else:
            if a.validation_npy:
                raise spec.SpecError("--validation-npy: only with --data-npy")
            a.data = spec.check_data(a.data)
            a.arrays = a.validation = None
            rows = spec.rows(a.data)
        if a.validation is not None and a.validation_split > 0:
            raise spec.SpecError("--validation-split: not allowed with --validation-npy")
        a.train_rows = spec.split_at(rows, a.validation_split)
    except spec.SpecError as e:
        p.error(str(e))
    for opt, suffix in (("init_weights", ".weights.h5"), ("start_from", ".weights.h5"),
                        ("save", ".keras"), ("report", ".json")):
        v = getattr(a, opt)
        if v is not None and not v.endswith(suffix):
            p.error(f"--{opt.replace('_', '-')}: expected a file name ending in {suffix}, found {v}")
    if a.start_from and not os.path.isfile(a.start_from):
        p.error(f"--start-from: no such file: {a.start_from}")
    return a


def build(seed, input_dim=2, units=(16,), activations=("relu",), output_units=1,
          output_activation="sigmoid"):
    """The tutorial's model by default. set_random_seed must run before the layers are built: each
    glorot_uniform draws its seed from Python's random module when it is constructed."""
    import keras
    keras.utils.set_random_seed(seed)
    # Dense(16, input_dim=2) is deprecated in Keras 3; an Input layer is the same model.
    layers = [keras.Input(shape=(input_dim,))]
    layers += [keras.layers.Dense(u, activation=act) for u, act in zip(units, activations)]
    layers.append(keras.layers.Dense(output_units, activation=output_activation))
    return keras.Sequential(layers)


def compile_model(model, learning_rate, loss="mean_squared_error", optimizer="adam",
                  metrics=("binary_accuracy",)):
    """learning_rate None means the optimizer's Keras default."""
    import keras
    make = {"adam": keras.optimizers.Adam, "sgd": keras.optimizers.SGD,
            "rmsprop": keras.optimizers.RMSprop}[optimizer]
    opt = make() if learning_rate is None else make(learning_rate=learning_rate)
    # jit_compile=False: Keras 3 turns XLA on when a GPU is visible, which changes the rounding.
    model.compile(loss=loss, optimizer=opt, metrics=list(metrics), jit_compile=False)


def train(model, a, x, y):
    """fit as the flags say; returns (history, orders or None)."""
    import replay
    if not a.shuffle or a.epochs == 0:
        # Keras's own path, validation_split included.
        h = model.fit(x, y, batch_size=a.batch_size, epochs=a.epochs, shuffle=False,
                      validation_split=a.validation_split, validation_data=a.validation,
                      verbose=a.verbose)
        return h, None
    n = a.train_rows
    val = (x[n:], y[n:]) if n < len(x) else a.validation
    orders = replay.orders(a.seed, a.epochs, n)
    h = replay.fit(model, x[:n], y[:n], orders, epochs=a.epochs, batch_size=a.batch_size,
                   verbose=a.verbose, validation_data=val)
    return h, orders


def main(argv=None):
    a = parse_args(argv)  # every check, before Keras or numpy is imported
    training_data, target_data = a.arrays if a.arrays else spec.dataset(a.data)

    model = build(a.seed, training_data.shape[1], a.units, a.activations, target_data.shape[1],
                  a.output_activation)
    compile_model(model, a.learning_rate, a.loss, a.optimizer, a.metric_names)
    if a.start_from:
        model.load_weights(a.start_from)
    if a.init_weights:
        model.save_weights(a.init_weights)

    history, orders = train(model, a, training_data, target_data)

    scores = model.evaluate(training_data, target_data, batch_size=a.batch_size,
                            verbose=a.verbose, return_dict=True)
    if a.metric_names:
        print("\n%s: %.2f%%" % (model.metrics_names[1], scores[a.metric_names[0]] * 100))
    else:
        print("\nloss: %.4f" % scores["loss"])
    predictions = model.predict(training_data, batch_size=a.batch_size, verbose=a.verbose)
    print(predictions.round())
    sys.stdout.flush()

    if a.save:
        model.save(a.save)
    if a.report:
        write_report(a, model, history, orders, scores, predictions)


def write_report(a, model, history, orders, scores, predictions):
    report = {
        "seed": a.seed, "epochs": a.epochs, "shuffle": a.shuffle, "batch_size": a.batch_size,
        "validation_split": a.validation_split, "data": a.data, "layers": a.units,
        "activations": a.activations, "output_activation": a.output_activation,
        "loss_name": a.loss, "optimizer": a.optimizer, "metrics": a.metric_names,
        "learning_rate": float(model.optimizer.get_config()["learning_rate"]),
        "train_rows": a.train_rows, "validation_rows": len(a.validation[0]) if a.validation is not None
        else len(predictions) - a.train_rows,
        "keras_version": __import__("keras").__version__,
        "tensorflow_version": __import__("tensorflow").__version__,
        "onednn_opts": os.environ.get("TF_ENABLE_ONEDNN_OPTS", "(unset)"),
        "history": {k: [float(v) for v in vs] for k, vs in history.history.items()},
        "orders": None if orders is None else orders.tolist(),
        "evaluate": {k: float(v) for k, v in scores.items()},
        "predictions": [[float(v) for v in row] for row in predictions],
    }
    with open(a.report, "w") as f:
        json.dump(report, f)


if __name__ == "__main__":
    main()
